"""The coordinators' pages: create and edit an event with its agenda in one page, publish it,
cancel it; who may; bad input leaves everything as it was; the edit page's query budget."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import AnonymousUser

from events.enums import AgendaItemKind, EventKind, EventState, RegistrationState
from events.models import AgendaItem, Event, Registration
from tests.factories import (
    agenda_form_data,
    bulk_agenda,
    bulk_registrations,
    edit_form_data,
    event_form_data,
    get_city,
    image_upload,
    in_days,
    local_input,
    make_agenda_item,
    make_event,
    make_event_project,
    make_member,
    make_registration,
    saved_agenda_form_data,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.CANCELLED,
)
START = in_days(40, 9)  # event_form_data's event: 9:00–11:00, 40 days from today


def at(hours: float) -> str:
    return local_input(START + datetime.timedelta(hours=hours))


def shown_messages(response) -> list[tuple[str, str]]:
    return [
        (level, html.unescape(message))
        for level, message in re.findall(
            r'<li class="message message-(\w+)">(.*?)</li>', response.content.decode()
        )
    ]


def field_errors(response) -> list[str]:
    return [
        html.unescape(error)
        for error in re.findall(
            r'<ul class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', response.content.decode()
        )
    ]


def snapshot() -> tuple:
    """Everything an event form may write."""
    return (
        list(Event.objects.order_by("pk").values()),
        list(AgendaItem.objects.order_by("pk").values()),
        list(AgendaItem.projects.through.objects.order_by("pk").values()),
        list(Event.organisers.through.objects.order_by("pk").values()),
        list(Registration.objects.order_by("pk").values()),
    )


# --- Creating ------------------------------------------------------------------------


def test_event_create_page_shows_the_form_and_three_empty_agenda_rows(login, network_coordinator):
    response = login(network_coordinator).get("/en/events/new/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>New event</h1>" in page
    assert '<input type="hidden" name="agenda-TOTAL_FORMS" value="3"' in page
    assert 'name="agenda-2-starts_at"' in page
    assert '<input type="datetime-local" name="starts_at"' in page


def test_event_create_saves_a_draft_with_its_agenda_in_one_post(login, network_coordinator, member):
    client = login(network_coordinator)
    square = make_event_project(title="Place de la Grille")
    data = event_form_data(
        title="Seminar on public spaces",
        kind=EventKind.SEMINAR,
        host_city=str(get_city("saint-brieuc").pk),
        themes=[str(Theme.objects.get(slug="public-spaces").pk)],
    ) | agenda_form_data(
        [
            {"starts_at": at(0), "ends_at": at(0.5), "title": "Welcome", "place": "Hall"},
            {
                "starts_at": at(0.5),
                "ends_at": at(2),
                "title": "Visit of the square",
                "kind": AgendaItemKind.SITE_VISIT,
                "projects": [str(square.pk)],
                "speakers": [str(member.pk)],
                "speakers_text": "the mayor",
            },
            {},  # an empty row is ignored
        ]
    )

    response = client.post("/en/events/new/", data, follow=True)

    event = Event.objects.get()
    slug = f"seminar-on-public-spaces-{START.year}"
    assert response.redirect_chain == [(f"/en/events/{slug}/", 302)]
    assert shown_messages(response) == [("success", "The event was saved.")]
    assert (event.slug, event.state, event.sequence, event.created_by) == (
        slug,
        EventState.DRAFT,
        0,
        network_coordinator,
    )
    assert (event.starts_at, event.ends_at) == (START, START + datetime.timedelta(hours=2))
    assert event.capacity == 30
    assert event.host_city.slug == "saint-brieuc"
    assert list(event.themes.values_list("slug", flat=True)) == ["public-spaces"]
    assert list(event.organisers.all()) == [network_coordinator]
    items = list(event.agenda.all())
    assert [(i.title, i.kind, i.place) for i in items] == [
        ("Welcome", "talk", "Hall"),
        ("Visit of the square", "site_visit", ""),
    ]
    assert list(items[1].projects.all()) == [square]
    assert list(items[1].speakers.all()) == [member]
    assert items[1].speakers_text == "the mayor"


def test_event_create_names_the_chosen_organisers_instead_of_the_author(
    login, network_coordinator, organiser
):
    data = event_form_data(organisers=[str(organiser.pk)]) | agenda_form_data([])

    login(network_coordinator).post("/en/events/new/", data)

    event = Event.objects.get()
    assert list(event.organisers.all()) == [organiser]
    assert event.created_by == network_coordinator


def test_event_create_same_title_and_year_gets_a_new_slug(login, network_coordinator):
    client = login(network_coordinator)
    data = event_form_data(title="Webinar") | agenda_form_data([])

    client.post("/en/events/new/", data)
    client.post("/en/events/new/", data)

    assert list(Event.objects.order_by("pk").values_list("slug", flat=True)) == [
        f"webinar-{START.year}",
        f"webinar-{START.year}-2",
    ]


def test_event_create_with_the_year_in_its_title_does_not_repeat_it(login, network_coordinator):
    client = login(network_coordinator)
    data = event_form_data(title=f"Annual seminar {START.year}") | agenda_form_data([])

    client.post("/en/events/new/", data)
    client.post("/en/events/new/", data)

    assert list(Event.objects.order_by("pk").values_list("slug", flat=True)) == [
        f"annual-seminar-{START.year}",
        f"annual-seminar-{START.year}-2",
    ]


def test_event_create_with_another_year_in_its_title_still_gets_its_own(login, network_coordinator):
    data = event_form_data(title=f"Lessons of {START.year - 1}") | agenda_form_data([])

    login(network_coordinator).post("/en/events/new/", data)

    assert Event.objects.get().slug == f"lessons-of-{START.year - 1}-{START.year}"


def test_event_edit_of_a_title_with_the_year_keeps_the_old_slug(login, network_coordinator):
    """Existing addresses keep working: an event's slug is never rewritten."""
    event = make_event(title="Seminar 2026", slug="seminar-2026-2026", state=EventState.DRAFT)
    data = edit_form_data(event, title=f"Seminar {START.year}") | agenda_form_data([])

    response = login(network_coordinator).post(f"/en/events/{event.slug}/edit/", data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.slug) == (f"Seminar {START.year}", "seminar-2026-2026")


def test_event_create_stores_a_re_encoded_cover_with_its_description(login, network_coordinator):
    data = event_form_data(cover_alt="The congress hall") | agenda_form_data([])
    data["cover_image"] = image_upload("hall.png")

    login(network_coordinator).post("/en/events/new/", data)

    event = Event.objects.get()
    assert re.fullmatch(r"events/covers/[0-9a-f]{32}\.jpg", event.cover_image.name)
    assert event.cover_alt == "The congress hall"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 403),
        ("organiser", 403),
        ("city_coordinator", 403),
        ("other_city_coordinator", 403),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_event_create_page_is_for_coordinators_only(login, user_for_role, role, status):
    client = login(user_for_role(role))

    page = client.get("/en/events/new/")
    post = client.post("/en/events/new/", event_form_data() | agenda_form_data([]))

    assert page.status_code == status
    assert post.status_code == (403 if status == 403 else 302)
    assert Event.objects.count() == (0 if status == 403 else 1)


def test_event_create_sends_a_visitor_to_sign_in(anonymous_client):
    response = anonymous_client.post("/en/events/new/", event_form_data() | agenda_form_data([]))

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/events/new/"
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        pytest.param(
            {"ends_at": at(-1)}, "The event must end after it starts.", id="end-before-start"
        ),
        pytest.param({"ends_at": at(0)}, "The event must end after it starts.", id="end-at-start"),
        pytest.param(
            {"capacity": "-1"}, "Ensure this value is greater than or equal to 0.", id="negative"
        ),
        pytest.param({"capacity": "many"}, "Enter a whole number.", id="not-a-number"),
        pytest.param(
            {"registration_opens_at": at(-48), "registration_closes_at": at(-72)},
            "Registration must close after it opens.",
            id="window-backwards",
        ),
        pytest.param(
            {"registration_closes_at": at(3)},
            "Registration must close before the event ends.",
            id="closes-after-the-end",
        ),
        pytest.param({"starts_at": "31/02/2027"}, "Enter a valid date/time.", id="bad-date"),
        pytest.param(
            {"kind": "party"},
            "Select a valid choice. party is not one of the available choices.",
            id="unknown-kind",
        ),
        pytest.param({"online_url": "javascript:alert(1)"}, "Enter a valid URL.", id="script-link"),
        pytest.param({"title": ""}, "This field is required.", id="no-title"),
    ],
)
def test_event_create_bad_input_is_a_form_error_and_saves_nothing(
    login, network_coordinator, overrides, error
):
    data = event_form_data(**overrides) | agenda_form_data(
        [{"starts_at": at(0), "ends_at": at(1), "title": "Welcome"}]
    )

    response = login(network_coordinator).post("/en/events/new/", data)

    assert response.status_code == 200
    assert field_errors(response) == [error]
    assert shown_messages(response) == [
        ("error", "The event was not saved: please correct the errors below.")
    ]
    assert (Event.objects.count(), AgendaItem.objects.count()) == (0, 0)


def test_event_create_cover_without_a_description_is_a_form_error(login, network_coordinator):
    data = event_form_data(cover_alt="") | agenda_form_data([])
    data["cover_image"] = image_upload("hall.png")

    response = login(network_coordinator).post("/en/events/new/", data)

    assert field_errors(response) == ["Describe the cover image for people who cannot see it."]
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("item", "errors"),
    [
        pytest.param(
            {"starts_at": at(24), "ends_at": at(25)},
            [
                "This time is outside the event's start and end.",
                "This time is outside the event's start and end.",
            ],
            id="next-day",
        ),
        pytest.param(
            {"starts_at": at(-24), "ends_at": at(-23)},
            [
                "This time is outside the event's start and end.",
                "This time is outside the event's start and end.",
            ],
            id="day-before",
        ),
        pytest.param(
            {"starts_at": at(1), "ends_at": at(3)},
            ["This time is outside the event's start and end."],
            id="runs-over-the-end",
        ),
        pytest.param(
            {"starts_at": at(1), "ends_at": at(0.5)},
            # Once by the form, once by the database constraint's validation.
            ["An agenda item must end after it starts."] * 2,
            id="ends-before-it-starts",
        ),
        pytest.param({"starts_at": at(0), "ends_at": ""}, ["This field is required."], id="no-end"),
        pytest.param(
            {"starts_at": at(0), "ends_at": at(1), "kind": "nap"},
            ["Select a valid choice. nap is not one of the available choices."],
            id="unknown-kind",
        ),
    ],
)
def test_event_create_bad_agenda_item_is_a_form_error_and_saves_nothing(
    login, network_coordinator, item, errors
):
    data = event_form_data() | agenda_form_data(
        [{"starts_at": at(0), "ends_at": at(1), "title": "Fine"}, {"title": "Bad", **item}]
    )

    response = login(network_coordinator).post("/en/events/new/", data)

    assert response.status_code == 200
    assert sorted(field_errors(response)) == sorted(errors)
    assert (Event.objects.count(), AgendaItem.objects.count()) == (0, 0)


def test_event_create_agenda_with_a_speaker_who_is_not_a_member_is_a_form_error(
    login, network_coordinator
):
    stranger = make_member()
    stranger.memberships.update(status="pending")
    data = event_form_data() | agenda_form_data(
        [{"starts_at": at(0), "ends_at": at(1), "title": "Talk", "speakers": [str(stranger.pk)]}]
    )

    response = login(network_coordinator).post("/en/events/new/", data)

    assert field_errors(response) == [
        f"Select a valid choice. {stranger.pk} is not one of the available choices."
    ]
    assert Event.objects.count() == 0


# --- Editing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 403),
        ("city_coordinator", 403),
        ("other_city_coordinator", 403),
        ("organiser", 200),
        ("network_coordinator", 200),
        ("staff", 200),
    ],
)
def test_event_edit_is_for_coordinators_and_the_events_organisers(
    login, user_for_role, organiser, role, status
):
    event = make_event(title="Seminar", organisers=(organiser,))
    client = login(user_for_role(role))

    page = client.get(f"/en/events/{event.slug}/edit/")
    post = client.post(
        f"/en/events/{event.slug}/edit/",
        edit_form_data(event, title="Renamed") | agenda_form_data([]),
    )

    assert page.status_code == status
    assert post.status_code == (403 if status == 403 else 302)
    event.refresh_from_db()
    assert event.title == ("Seminar" if status == 403 else "Renamed")


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("member", 404)])
def test_event_edit_of_a_draft_is_hidden_from_others(login, user_for_role, role, status):
    event = make_event(state=EventState.DRAFT)

    response = login(user_for_role(role)).get(f"/en/events/{event.slug}/edit/")

    assert response.status_code == status


def test_event_edit_changes_the_event_and_its_agenda_and_grows_the_sequence(login, organiser):
    event = make_event(title="Seminar", slug="seminar-2027", organisers=(organiser,))
    kept = make_agenda_item(event=event, title="Welcome")
    dropped = make_agenda_item(event=event, title="Dropped", position=1)
    data = edit_form_data(event, title="Seminar, renamed", venue="Town hall")
    agenda = saved_agenda_form_data(event)
    agenda["agenda-0-title"] = "Welcome and coffee"
    agenda["agenda-1-DELETE"] = "on"
    agenda["agenda-TOTAL_FORMS"] = "3"
    agenda |= {
        "agenda-2-position": "2",
        "agenda-2-kind": AgendaItemKind.BREAK,
        "agenda-2-title": "Lunch break",
        "agenda-2-starts_at": local_input(event.starts_at + datetime.timedelta(hours=3)),
        "agenda-2-ends_at": local_input(event.starts_at + datetime.timedelta(hours=4)),
    }

    response = login(organiser).post("/en/events/seminar-2027/edit/", data | agenda)

    assert response.status_code == 302
    assert response["Location"] == "/en/events/seminar-2027/"  # the slug does not move
    event.refresh_from_db()
    assert (event.title, event.venue, event.sequence) == ("Seminar, renamed", "Town hall", 1)
    assert list(event.agenda.values_list("pk", "title")) == [
        (kept.pk, "Welcome and coffee"),
        (AgendaItem.objects.get(title="Lunch break").pk, "Lunch break"),
    ]
    assert not AgendaItem.objects.filter(pk=dropped.pk).exists()


def test_event_edit_after_its_creator_left_still_saves(login, network_coordinator):
    creator = make_member()
    event = make_event(title="Seminar", created_by=creator)
    creator.delete()  # created_by becomes NULL

    response = login(network_coordinator).post(
        f"/en/events/{event.slug}/edit/",
        edit_form_data(Event.objects.get(pk=event.pk), title="Renamed") | agenda_form_data([]),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.created_by) == ("Renamed", None)


def test_event_edit_capacity_below_the_seats_taken_is_a_form_error_and_changes_nothing(
    login, network_coordinator
):
    event = make_event(capacity=5)
    make_registration(event=event)
    make_registration(event=event)
    make_registration(event=event, state=CANCELLED)
    before = snapshot()

    response = login(network_coordinator).post(
        f"/en/events/{event.slug}/edit/",
        edit_form_data(event, capacity="1", title="Renamed") | saved_agenda_form_data(event),
    )

    assert response.status_code == 200
    assert field_errors(response) == ["Seats already taken: 2. The capacity cannot be lower."]
    assert snapshot() == before


def test_event_edit_capacity_equal_to_the_seats_taken_is_accepted(login, network_coordinator):
    event = make_event(capacity=5)
    make_registration(event=event)
    make_registration(event=event)

    response = login(network_coordinator).post(
        f"/en/events/{event.slug}/edit/", edit_form_data(event, capacity="2") | agenda_form_data([])
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.capacity == 2


def test_event_edit_agenda_item_outside_the_new_days_is_a_form_error_and_changes_nothing(
    login, network_coordinator
):
    event = make_event(starts_at=in_days(30, 9), ends_at=in_days(31, 17))
    make_agenda_item(event=event, starts_at=in_days(31, 9), title="Second day")
    before = snapshot()

    response = login(network_coordinator).post(
        f"/en/events/{event.slug}/edit/",
        edit_form_data(event, ends_at=local_input(in_days(30, 17)))  # now a one-day event
        | saved_agenda_form_data(event),
    )

    assert response.status_code == 200
    assert field_errors(response) == [
        "This time is outside the event's start and end.",
        "This time is outside the event's start and end.",
    ]
    assert snapshot() == before


def test_event_edit_raising_the_capacity_gives_seats_in_order_and_tells_with_a_full_link(
    login, network_coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1, slug="seminar-2027")
    make_registration(event=event)
    first = make_registration(event=event, state=WAITING, user=make_member(email="a@example.org"))
    second = make_registration(event=event, state=WAITING, user=make_member(email="b@example.org"))
    third = make_registration(event=event, state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        login(network_coordinator).post(
            "/en/events/seminar-2027/edit/",
            edit_form_data(event, capacity="3") | agenda_form_data([]),
        )

    assert [Registration.objects.get(pk=r.pk).state for r in (first, second, third)] == [
        CONFIRMED,
        CONFIRMED,
        WAITING,
    ]
    assert [message.to for message in mailoutbox] == [["a@example.org"], ["b@example.org"]]
    for message in mailoutbox:
        assert "http://testserver/en/events/seminar-2027/" in message.body


def test_event_edit_removing_the_capacity_gives_everyone_waiting_a_seat(
    login, network_coordinator, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    make_registration(event=event)
    make_registration(event=event, state=WAITING)
    make_registration(event=event, state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        login(network_coordinator).post(
            f"/en/events/{event.slug}/edit/",
            edit_form_data(event, capacity="") | agenda_form_data([]),
        )

    event.refresh_from_db()
    assert event.capacity is None
    assert list(event.registrations.values_list("state", flat=True)) == [CONFIRMED] * 3


def test_event_edit_of_a_cancelled_event_gives_nobody_a_seat(
    login, network_coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1, state=EventState.CANCELLED)
    make_registration(event=event, state=CANCELLED)  # gave up their seat after the cancellation
    waiting = make_registration(event=event, state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        login(network_coordinator).post(
            f"/en/events/{event.slug}/edit/",
            edit_form_data(event, description="Postponed to next year.") | agenda_form_data([]),
        )

    assert Registration.objects.get(pk=waiting.pk).state == WAITING
    assert mailoutbox == []


def test_event_edit_page_query_budget_holds_with_a_long_agenda_and_many_registrations(
    login, network_coordinator, django_assert_num_queries
):
    event = make_event(capacity=500, starts_at=in_days(30, 8), ends_at=in_days(30, 20))
    bulk_agenda(event, 40)
    bulk_registrations(event, 500)
    client = login(network_coordinator)

    # the agenda rows' speakers and projects are prefetched, not read per row (94 queries if not)
    with django_assert_num_queries(17):
        response = client.get(f"/en/events/{event.slug}/edit/")

    page = response.content.decode()
    assert '<input type="hidden" name="agenda-TOTAL_FORMS" value="43"' in page
    assert page.count("Agenda Speaker (") == 43 + 1  # each row's speakers, and the organisers


def test_event_edit_page_query_budget_with_one_agenda_item(
    login, network_coordinator, django_assert_num_queries
):
    event = make_event()
    make_agenda_item(event=event)
    client = login(network_coordinator)

    with django_assert_num_queries(17):
        response = client.get(f"/en/events/{event.slug}/edit/")

    assert '<input type="hidden" name="agenda-TOTAL_FORMS" value="4"' in response.content.decode()


# --- Publishing and cancelling -------------------------------------------------------


@pytest.mark.parametrize("role", ["network_coordinator", "staff", "superuser"])
def test_event_publish_makes_a_draft_visible_to_everyone(login, user_for_role, organiser, role):
    event = make_event(state=EventState.DRAFT, organisers=(organiser,))

    response = login(user_for_role(role)).post(f"/en/events/{event.slug}/publish/", follow=True)

    assert shown_messages(response) == [("success", "The event is published.")]
    event.refresh_from_db()
    assert (event.state, event.sequence) == (EventState.PUBLISHED, 1)
    assert Event.objects.visible_to(AnonymousUser()).filter(pk=event.pk).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 404), ("city_coordinator", 404)],
)
def test_event_publish_by_others_changes_nothing(login, user_for_role, role, status):
    event = make_event(state=EventState.DRAFT)

    response = login(user_for_role(role)).post(f"/en/events/{event.slug}/publish/")

    assert response.status_code == status
    event.refresh_from_db()
    assert event.state == EventState.DRAFT


def test_event_publish_twice_says_so(login, network_coordinator):
    event = make_event(state=EventState.PUBLISHED)

    response = login(network_coordinator).post(f"/en/events/{event.slug}/publish/", follow=True)

    assert shown_messages(response) == [("error", "Only a draft can be published.")]
    event.refresh_from_db()
    assert event.sequence == 0


def test_event_publish_refuses_get(login, network_coordinator):
    event = make_event(state=EventState.DRAFT)

    response = login(network_coordinator).get(f"/en/events/{event.slug}/publish/")

    assert response.status_code == 405
    event.refresh_from_db()
    assert event.state == EventState.DRAFT


def test_event_cancel_page_action_tells_everyone_registered(
    login, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(organisers=(organiser,), capacity=1)
    make_registration(event=event, user=make_member(email="seated@example.org"))
    make_registration(event=event, user=make_member(email="waiting@example.org"), state=WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(organiser).post(f"/en/events/{event.slug}/cancel/", follow=True)

    assert shown_messages(response) == [
        ("success", "The event is cancelled; registered people were told.")
    ]
    assert "This event is cancelled." in response.content.decode()
    event.refresh_from_db()
    assert event.state == EventState.CANCELLED
    assert sorted(message.to[0] for message in mailoutbox) == [
        "seated@example.org",
        "waiting@example.org",
    ]


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("member", 403), ("city_coordinator", 403)]
)
def test_event_cancel_by_others_changes_nothing(login, user_for_role, role, status, mailoutbox):
    event = make_event()
    make_registration(event=event)

    response = login(user_for_role(role)).post(f"/en/events/{event.slug}/cancel/")

    assert response.status_code == status
    event.refresh_from_db()
    assert event.state == EventState.PUBLISHED
    assert mailoutbox == []


def test_event_cancel_twice_says_so(login, network_coordinator):
    event = make_event(state=EventState.CANCELLED)

    response = login(network_coordinator).post(f"/en/events/{event.slug}/cancel/", follow=True)

    assert shown_messages(response) == [("error", "This event is already cancelled.")]


def test_event_cancel_of_a_draft_keeps_it_hidden(login, network_coordinator, anonymous_client):
    event = make_event(state=EventState.DRAFT, title="Tentative bilateral meeting")

    login(network_coordinator).post(f"/en/events/{event.slug}/cancel/")

    assert anonymous_client.get(event.get_absolute_url()).status_code == 404
    assert (
        "Tentative bilateral meeting"
        not in anonymous_client.get("/en/events/calendar.ics").content.decode()
    )
