"""The event services: fair registration, cancellation with promotion, publishing, cancelling,
and the e-mails they send with their .ics."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from events import selectors, services
from events.enums import EventState, RegistrationState
from events.models import Event, Registration
from tests.factories import (
    in_days,
    make_agenda_item,
    make_event,
    make_member,
    make_registration,
)

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.CANCELLED,
)


def attached_event(message):
    """(filename, content type, the VEVENT) of the e-mail's only attachment."""
    ((filename, content, mimetype),) = message.attachments
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    return filename, mimetype, vevent


def register(event, user, **fields):
    return services.registration_register(event=event, user=user, **fields)


def states(event) -> list[tuple[str, str]]:
    return list(
        event.registrations.order_by("created_at", "pk").values_list("user__email", "state")
    )


# --- Registering -----------------------------------------------------------------


def test_registration_register_takes_a_seat_while_seats_remain(django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    first, second = make_member(), make_member()

    with django_capture_on_commit_callbacks(execute=True):
        one = register(event, first)
        two = register(event, second)

    assert (one.state, two.state) == (CONFIRMED, CONFIRMED)
    assert states(event) == [(first.email, CONFIRMED), (second.email, CONFIRMED)]


def test_registration_register_when_full_puts_people_on_the_waiting_list_in_order(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=1)
    people = [make_member() for _ in range(4)]

    with django_capture_on_commit_callbacks(execute=True):
        registrations = [register(event, person) for person in people]

    assert [r.state for r in registrations] == [CONFIRMED, WAITING, WAITING, WAITING]
    assert [selectors.waiting_position(r) for r in registrations[1:]] == [1, 2, 3]


def test_registration_register_without_capacity_always_gives_a_seat():
    event = make_event(capacity=None)

    registrations = [register(event, make_member()) for _ in range(5)]

    assert {r.state for r in registrations} == {CONFIRMED}


def test_registration_register_with_capacity_zero_only_fills_the_waiting_list():
    event = make_event(capacity=0)

    registration = register(event, make_member())

    assert registration.state == WAITING


def test_registration_register_keeps_needs_trimmed_and_the_listing_choice():
    event = make_event(capacity=5)

    registration = register(
        event, make_member(), needs="  Vegetarian, wheelchair access \n", listed=True
    )

    registration.refresh_from_db()
    assert (registration.needs, registration.listed) == ("Vegetarian, wheelchair access", True)


def test_registration_register_confirmed_e_mail_carries_the_ics_with_the_online_link(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(
        title="Webinar on gender and public space",
        slug="webinar-gender-2027",
        online_url="https://meet.example.org/gender",
        capacity=10,
    )
    person = make_member(full_name="Marie Curie", email="marie@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        register(event, person)

    (message,) = mailoutbox
    assert message.to == ["marie@example.org"]
    assert message.subject == "[Alliance] Your seat at “Webinar on gender and public space”"
    assert "Hello Marie Curie," in message.body
    assert "Online link: https://meet.example.org/gender" in message.body
    assert "http://testserver/en/events/webinar-gender-2027/" in message.body
    filename, mimetype, vevent = attached_event(message)
    assert (filename, mimetype) == ("webinar-gender-2027.ics", "text/calendar")
    assert str(vevent["UID"]) == f"event-{event.pk}@alliance-portal"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "https://meet.example.org/gender" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == "http://testserver/en/events/webinar-gender-2027/"


def test_registration_register_e_mail_is_in_the_persons_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(title="Séminaire", capacity=10)
    person = make_member(preferred_language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        register(event, person)

    (message,) = mailoutbox
    assert "/fr/events/" in message.body


def test_registration_register_on_the_waiting_list_sends_no_e_mail(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    make_registration(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, make_member())

    assert registration.state == WAITING
    assert mailoutbox == []


@pytest.mark.parametrize("first_state", [CONFIRMED, WAITING])
def test_registration_register_twice_is_refused_and_changes_nothing(
    first_state, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    if first_state == WAITING:
        make_registration(event=event)
    person = make_member()
    make_registration(event=event, user=person, state=first_state)
    before = states(event)

    with pytest.raises(ValidationError) as error, django_capture_on_commit_callbacks(execute=True):
        register(event, person)

    assert error.value.messages == ["You are already registered for this event."]
    assert states(event) == before
    assert mailoutbox == []


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"state": EventState.DRAFT}, id="draft"),
        pytest.param({"state": EventState.CANCELLED}, id="cancelled"),
        pytest.param({"starts_at": in_days(-5), "ends_at": in_days(-4)}, id="past"),
        pytest.param({"starts_at": in_days(-1), "ends_at": in_days(1)}, id="under-way"),
        pytest.param({"registration_opens_at": in_days(3)}, id="not-yet-open"),
        pytest.param({"registration_closes_at": in_days(-1)}, id="closed"),
    ],
)
def test_registration_register_outside_the_window_is_refused_and_saves_nothing(
    fields, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=10, **fields)

    with pytest.raises(ValidationError) as error, django_capture_on_commit_callbacks(execute=True):
        register(event, make_member())

    assert error.value.messages == ["Registration is not open for this event."]
    assert Registration.objects.count() == 0
    assert mailoutbox == []


def test_registration_register_after_cancelling_takes_a_new_place_at_the_end():
    event = make_event(capacity=1)
    person = make_member()
    first = register(event, person)
    services.registration_cancel(registration=first)
    other = register(event, make_member())

    again = register(event, person)

    assert (other.state, again.state) == (CONFIRMED, WAITING)
    assert list(
        Registration.objects.filter(user=person).order_by("pk").values_list("state", flat=True)
    ) == [CANCELLED, WAITING]


# --- Cancelling a registration -------------------------------------------------------


def test_registration_cancel_gives_the_seat_to_the_first_person_waiting_and_tells_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(
        capacity=1, slug="seminar-2027", online_url="https://meet.example.org/seminar"
    )
    seated = make_registration(event=event)
    make_registration(event=event, state=WAITING, user=make_member(email="first@example.org"))
    second = make_registration(event=event, state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seated)

    assert [r.state for r in Registration.objects.order_by("pk")] == [CANCELLED, CONFIRMED, WAITING]
    assert selectors.waiting_position(Registration.objects.get(pk=second.pk)) == 1
    (message,) = mailoutbox
    assert message.to == ["first@example.org"]
    assert message.subject == f"[Alliance] A seat is yours at “{event.title}”"
    assert "you moved from the waiting list to a confirmed seat" in message.body
    assert "http://testserver/en/events/seminar-2027/" in message.body
    filename, _, vevent = attached_event(message)
    assert filename == "seminar-2027.ics"
    assert "https://meet.example.org/seminar" in str(vevent["DESCRIPTION"])


def test_registration_cancel_promotes_by_arrival_not_by_id(django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    seated = make_registration(event=event)
    later = make_registration(event=event, state=WAITING)
    earlier = make_registration(event=event, state=WAITING)
    Registration.objects.filter(pk=earlier.pk).update(
        created_at=later.created_at - datetime.timedelta(minutes=5)
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seated)

    assert Registration.objects.get(pk=earlier.pk).state == CONFIRMED
    assert Registration.objects.get(pk=later.pk).state == WAITING


def test_registration_cancel_of_a_waiting_place_promotes_nobody(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    make_registration(event=event)
    leaving = make_registration(event=event, state=WAITING)
    staying = make_registration(event=event, state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=leaving)

    assert [r.state for r in Registration.objects.order_by("pk")] == [CONFIRMED, CANCELLED, WAITING]
    assert selectors.waiting_position(Registration.objects.get(pk=staying.pk)) == 1
    assert mailoutbox == []


def test_registration_cancel_without_anyone_waiting_frees_a_seat(mailoutbox):
    event = make_event(capacity=2)
    seated = make_registration(event=event)

    services.registration_cancel(registration=seated)

    assert services.confirmed_count(event) == 0
    assert mailoutbox == []


def test_registration_cancel_twice_is_refused():
    registration = make_registration(event=make_event(), state=CANCELLED)

    with pytest.raises(ValidationError) as error:
        services.registration_cancel(registration=registration)

    assert error.value.messages == ["This registration is already cancelled."]


def test_registration_cancel_after_the_event_is_refused_and_changes_nothing():
    event = make_event(starts_at=in_days(-3), ends_at=in_days(-2), capacity=1)
    seated = make_registration(event=event)
    make_registration(event=event, state=WAITING)

    with pytest.raises(ValidationError) as error:
        services.registration_cancel(registration=seated)

    assert error.value.messages == ["This event is over."]
    assert [r.state for r in Registration.objects.order_by("pk")] == [CONFIRMED, WAITING]


def test_registration_cancel_at_a_cancelled_event_promotes_nobody(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1, state=EventState.CANCELLED)
    seated = make_registration(event=event)
    make_registration(event=event, state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=seated)

    assert [r.state for r in Registration.objects.order_by("pk")] == [CANCELLED, WAITING]
    assert mailoutbox == []


# --- Publishing and cancelling an event ----------------------------------------------


def test_event_publish_makes_a_draft_public_and_grows_the_sequence():
    event = make_event(state=EventState.DRAFT)

    services.event_publish(event=event)

    event.refresh_from_db()
    assert (event.state, event.sequence) == (EventState.PUBLISHED, 1)


@pytest.mark.parametrize("state", [EventState.PUBLISHED, EventState.CANCELLED])
def test_event_publish_of_a_non_draft_is_refused_and_changes_nothing(state):
    event = make_event(state=state)

    with pytest.raises(ValidationError) as error:
        services.event_publish(event=event)

    assert error.value.messages == ["Only a draft can be published."]
    event.refresh_from_db()
    assert (event.state, event.sequence) == (state, 0)


def test_event_cancel_tells_everyone_registered_with_a_cancelled_ics(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(
        capacity=1, slug="seminar-2027", online_url="https://meet.example.org/seminar"
    )
    make_registration(event=event, user=make_member(email="seated@example.org"))
    make_registration(event=event, user=make_member(email="waiting@example.org"), state=WAITING)
    make_registration(event=event, user=make_member(email="gone@example.org"), state=CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event)

    event.refresh_from_db()
    assert (event.state, event.sequence) == (EventState.CANCELLED, 1)
    assert sorted(message.to[0] for message in mailoutbox) == [
        "seated@example.org",
        "waiting@example.org",
    ]
    for message in mailoutbox:
        assert message.subject == f"[Alliance] Cancelled: “{event.title}”"
        assert "http://testserver/en/events/seminar-2027/" in message.body
        filename, _, vevent = attached_event(message)
        assert filename == "seminar-2027.ics"
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert vevent["SEQUENCE"] == 1
        assert "https://meet.example.org/seminar" not in str(vevent["DESCRIPTION"])


def test_event_cancel_twice_is_refused_and_sends_nothing(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(state=EventState.CANCELLED)
    make_registration(event=event)

    with pytest.raises(ValidationError) as error, django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event)

    assert error.value.messages == ["This event is already cancelled."]
    assert Event.objects.get(pk=event.pk).sequence == 0
    assert mailoutbox == []


def test_event_cancel_keeps_the_registrations_for_the_record():
    event = make_event(capacity=1)
    make_registration(event=event)
    make_registration(event=event, state=WAITING)

    services.event_cancel(event=event)

    assert [r.state for r in Registration.objects.order_by("pk")] == [CONFIRMED, WAITING]


def test_event_cancel_agenda_appears_in_the_attached_ics(
    mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event()
    make_agenda_item(event=event, title="Welcome", place="Town hall")
    make_registration(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event)

    _, _, vevent = attached_event(mailoutbox[0])
    assert "09:00–10:00 Welcome (Town hall)" in str(vevent["DESCRIPTION"])
