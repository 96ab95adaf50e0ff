"""POST …/register/: registering and cancelling from the event page, who may, and the clear
message when it is not possible (with nothing saved)."""

import html
import re

import pytest
from icalendar import Calendar

from events.enums import EventState, RegistrationState
from events.models import Registration
from tests.factories import in_days, make_event, make_member, make_registration, make_user

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.CANCELLED,
)


def shown_messages(response) -> list[tuple[str, str]]:
    return [
        (level, html.unescape(message))
        for level, message in re.findall(
            r'<li class="message message-(\w+)">(.*?)</li>', response.content.decode()
        )
    ]


def register(client, event, **data):
    return client.post(
        f"/en/events/{event.slug}/register/", {"action": "register", **data}, follow=True
    )


def cancel(client, event):
    return client.post(f"/en/events/{event.slug}/register/", {"action": "cancel"}, follow=True)


def registrations(event) -> list[tuple[str, str]]:
    return list(event.registrations.order_by("pk").values_list("user__email", "state"))


def test_event_register_gives_a_member_a_seat_and_e_mails_the_ics(
    member_client, member, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(slug="seminar-2027", capacity=2, online_url="https://meet.example.org/s")

    with django_capture_on_commit_callbacks(execute=True):
        response = register(member_client, event, needs="Vegetarian", listed="on")

    assert response.redirect_chain == [("/en/events/seminar-2027/", 302)]
    assert shown_messages(response) == [
        ("success", "You have a seat. A confirmation was sent by e-mail.")
    ]
    registration = Registration.objects.get()
    assert (registration.user, registration.state, registration.needs, registration.listed) == (
        member,
        CONFIRMED,
        "Vegetarian",
        True,
    )
    (message,) = mailoutbox
    assert message.to == [member.email]
    ((filename, content, mimetype),) = message.attachments
    assert (filename, mimetype) == ("seminar-2027.ics", "text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["URL"]) == "http://testserver/en/events/seminar-2027/"
    assert "https://meet.example.org/s" in str(vevent["DESCRIPTION"])
    assert "You have a seat." in response.content.decode()


def test_event_register_when_full_puts_the_member_on_the_waiting_list(
    member_client, member, mailoutbox
):
    event = make_event(capacity=1)
    make_registration(event=event)

    response = register(member_client, event)

    assert shown_messages(response) == [
        (
            "success",
            "The event is full: you are on the waiting list. "
            "You will get an e-mail if a seat frees up.",
        )
    ]
    assert Registration.objects.get(user=member).state == WAITING
    assert "You are on the waiting list, in position 1." in response.content.decode()
    assert mailoutbox == []


@pytest.mark.parametrize("first_state", [CONFIRMED, WAITING])
def test_event_register_twice_says_so_and_changes_nothing(member_client, member, first_state):
    event = make_event(capacity=1)
    if first_state == WAITING:
        make_registration(event=event)
    make_registration(event=event, user=member, state=first_state)
    before = registrations(event)

    response = register(member_client, event)

    assert shown_messages(response) == [("error", "You are already registered for this event.")]
    assert registrations(event) == before


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"state": EventState.CANCELLED}, id="cancelled"),
        pytest.param({"starts_at": in_days(-5), "ends_at": in_days(-4)}, id="past"),
        pytest.param({"starts_at": in_days(-1), "ends_at": in_days(1)}, id="under-way"),
        pytest.param({"registration_opens_at": in_days(3)}, id="not-yet-open"),
        pytest.param({"registration_closes_at": in_days(-1)}, id="closed"),
    ],
)
def test_event_register_outside_the_window_says_so_and_saves_nothing(
    member_client, mailoutbox, fields
):
    event = make_event(capacity=10, **fields)

    response = register(member_client, event)

    assert response.status_code == 200
    assert shown_messages(response) == [("error", "Registration is not open for this event.")]
    assert Registration.objects.count() == 0
    assert mailoutbox == []


def test_event_register_for_a_draft_is_404_to_a_member(member_client):
    event = make_event(state=EventState.DRAFT)

    response = register(member_client, event)

    assert response.status_code == 404
    assert Registration.objects.count() == 0


def test_event_register_for_a_draft_is_refused_to_its_organiser(login, organiser):
    event = make_event(state=EventState.DRAFT, organisers=(organiser,))

    response = register(login(organiser), event)

    assert shown_messages(response) == [("error", "Registration is not open for this event.")]
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "registered"),
    [
        ("member", True),
        ("other_city_member", True),
        ("city_coordinator", True),
        ("other_city_coordinator", True),
        ("network_coordinator", False),  # no city of their own
        ("staff", False),
    ],
)
def test_event_register_only_approved_members_may(login, user_for_role, role, registered):
    event = make_event(capacity=5)
    user = user_for_role(role)

    response = login(user).post(f"/en/events/{event.slug}/register/", {"action": "register"})

    assert response.status_code == (302 if registered else 403)
    assert Registration.objects.filter(user=user).exists() is registered


def test_event_register_sends_a_visitor_to_sign_in_and_saves_nothing(anonymous_client):
    make_event(slug="seminar-2027")

    response = anonymous_client.post("/en/events/seminar-2027/register/", {"action": "register"})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/events/seminar-2027/register/"
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_event_register_by_someone_not_approved_is_forbidden(login, status):
    event = make_event()
    person = make_member()
    person.memberships.update(status=status)

    response = login(person).post(f"/en/events/{event.slug}/register/", {"action": "register"})

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_event_register_for_a_members_only_event_is_404_without_approval(login):
    event = make_event(visibility="members")

    response = login(make_user()).post(f"/en/events/{event.slug}/register/", {"action": "register"})

    assert response.status_code == 404
    assert Registration.objects.count() == 0


def test_event_register_with_too_long_needs_says_so_and_saves_nothing(member_client):
    event = make_event()

    response = register(member_client, event, needs="x" * 1001)

    assert shown_messages(response) == [
        ("error", "Your registration was not saved: check the form.")
    ]
    assert Registration.objects.count() == 0


def test_event_register_refuses_get(member_client):
    event = make_event()

    response = member_client.get(f"/en/events/{event.slug}/register/")

    assert response.status_code == 405


def test_event_cancel_registration_frees_the_seat_for_the_first_person_waiting(
    member_client, member, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(slug="seminar-2027", capacity=1)
    make_registration(event=event, user=member)
    make_registration(event=event, user=make_member(email="first@example.org"), state=WAITING)
    make_registration(event=event, user=make_member(email="second@example.org"), state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        response = cancel(member_client, event)

    assert shown_messages(response) == [("success", "Your registration was cancelled.")]
    assert registrations(event) == [
        (member.email, CANCELLED),
        ("first@example.org", CONFIRMED),
        ("second@example.org", WAITING),
    ]
    (message,) = mailoutbox
    assert message.to == ["first@example.org"]
    assert "http://testserver/en/events/seminar-2027/" in message.body
    assert message.attachments[0].filename == "seminar-2027.ics"
    assert ">Register</button>" not in response.content.decode()  # full again
    assert ">Join the waiting list</button>" in response.content.decode()


def test_event_cancel_waiting_place_promotes_nobody(member_client, member, mailoutbox):
    event = make_event(capacity=1)
    make_registration(event=event)
    make_registration(event=event, user=member, state=WAITING)

    response = cancel(member_client, event)

    assert shown_messages(response) == [("success", "Your registration was cancelled.")]
    assert [state for _, state in registrations(event)] == [CONFIRMED, CANCELLED]
    assert mailoutbox == []


def test_event_cancel_without_a_registration_says_so(member_client):
    event = make_event()
    make_registration(event=event)

    response = cancel(member_client, event)

    assert shown_messages(response) == [("error", "You are not registered for this event.")]
    assert [state for _, state in registrations(event)] == [CONFIRMED]


def test_event_cancel_after_the_event_says_so_and_changes_nothing(member_client, member):
    event = make_event(starts_at=in_days(-3), ends_at=in_days(-2), capacity=1)
    make_registration(event=event, user=member)
    make_registration(event=event, state=WAITING)

    response = cancel(member_client, event)

    assert shown_messages(response) == [("error", "This event is over.")]
    assert [state for _, state in registrations(event)] == [CONFIRMED, WAITING]


def test_event_cancel_by_a_visitor_sends_to_sign_in(anonymous_client):
    event = make_event()
    make_registration(event=event)

    response = anonymous_client.post(f"/en/events/{event.slug}/register/", {"action": "cancel"})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert [state for _, state in registrations(event)] == [CONFIRMED]
