"""Dates out of any sane range: the event forms refuse them, a registration window may not
outlast the event's start, and a moment stored some other way never makes a page fail."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from core.concurrency import VERSION_FIELD
from events.enums import EventState, RegistrationState
from events.models import AgendaItem, CalendarFeedToken, Event, Registration
from tests.factories import (
    agenda_form_data,
    edit_form_data,
    event_edit_version,
    event_form_data,
    in_days,
    local_input,
    make_agenda_item,
    make_event,
    make_event_project,
    make_registration,
    paris_time,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
YEARS_ERROR = "Enter a date between the years 2000 and 2100."
START = in_days(40, 9)  # event_form_data's event: 9:00–11:00, 40 days from today


def at(hours: float) -> str:
    return local_input(START + datetime.timedelta(hours=hours))


def create(client, **overrides):
    return client.post("/en/events/new/", event_form_data(**overrides) | agenda_form_data([]))


# --- The forms refuse dates outside 2000–2100 --------------------------------------------------


@pytest.mark.parametrize(
    ("starts_at", "ends_at"),
    [
        # Paris time has no UTC moment before year 1: saving this would overflow.
        pytest.param("0001-01-01T00:05", "0001-01-01T02:00", id="year-1"),
        pytest.param("1999-12-31T09:00", "1999-12-31T11:00", id="1999"),
        pytest.param("2101-01-01T09:00", "2101-01-01T11:00", id="2101"),
        # The last hour of year 9999 in Paris is past Python's last UTC moment.
        pytest.param("9999-12-31T22:00", "9999-12-31T23:30", id="year-9999"),
    ],
)
def test_event_create_outside_the_years_is_a_form_error_and_saves_nothing(
    login, network_coordinator, starts_at, ends_at
):
    response = create(login(network_coordinator), starts_at=starts_at, ends_at=ends_at)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "starts_at": [YEARS_ERROR],
        "ends_at": [YEARS_ERROR],
    }
    assert Event.objects.count() == 0


@pytest.mark.parametrize("field", ["registration_opens_at", "registration_closes_at"])
@pytest.mark.parametrize("value", ["0001-01-01T00:05", "9999-12-31T23:30"])
def test_event_create_registration_window_outside_the_years_is_a_form_error(
    login, network_coordinator, field, value
):
    response = create(login(network_coordinator), **{field: value})

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [YEARS_ERROR]}
    assert Event.objects.count() == 0


def test_event_create_on_the_last_day_of_2100_is_saved(login, network_coordinator):
    response = create(
        login(network_coordinator), starts_at="2100-12-31T09:00", ends_at="2100-12-31T23:59"
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.starts_at, event.ends_at) == (
        datetime.datetime(2100, 12, 31, 8, 0, tzinfo=UTC),
        datetime.datetime(2100, 12, 31, 22, 59, tzinfo=UTC),
    )


def test_event_at_new_year_2000_in_paris_passes_full_clean_though_it_is_1999_in_utc():
    event = make_event(
        starts_at=paris_time(datetime.date(2000, 1, 1), 0, 30),
        ends_at=paris_time(datetime.date(2000, 1, 1), 2),
    )
    event.refresh_from_db()

    assert event.starts_at.astimezone(UTC).year == 1999
    assert event.full_clean() is None


def test_event_form_inputs_tell_the_browser_the_years(login, network_coordinator):
    response = login(network_coordinator).get("/en/events/new/")

    html = response.content.decode()
    assert (
        '<input type="datetime-local" name="starts_at" min="2000-01-01T00:00" '
        'max="2100-12-31T23:59"'
    ) in html
    assert 'name="agenda-0-starts_at" min="2000-01-01T00:00" max="2100-12-31T23:59"' in html


def test_event_create_agenda_item_outside_the_years_is_a_form_error_and_saves_nothing(
    login, network_coordinator
):
    data = event_form_data() | agenda_form_data(
        [{"starts_at": "9999-12-31T22:00", "ends_at": "9999-12-31T23:30", "title": "Never"}]
    )

    response = login(network_coordinator).post("/en/events/new/", data)

    assert response.status_code == 200
    (item_form, *_) = response.context["agenda_formset"].forms
    assert item_form.errors == {"starts_at": [YEARS_ERROR], "ends_at": [YEARS_ERROR]}
    assert (Event.objects.count(), AgendaItem.objects.count()) == (0, 0)


@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_agenda_item_outside_the_years_is_refused_by_full_clean(field):
    item = make_agenda_item(event=make_event())
    setattr(item, field, datetime.datetime(1999, 6, 1, 9, tzinfo=UTC))

    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert error.value.message_dict == {field: [YEARS_ERROR]}


@pytest.mark.parametrize(
    "field", ["starts_at", "ends_at", "registration_opens_at", "registration_closes_at"]
)
def test_event_outside_the_years_is_refused_by_full_clean(field):
    event = make_event()
    setattr(event, field, datetime.datetime(2101, 1, 1, 9, tzinfo=UTC))

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict == {field: [YEARS_ERROR]}


# --- The registration window ends when the event starts, at the latest ------------------------


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        pytest.param(
            {"registration_closes_at": at(1)},
            {
                "registration_closes_at": [
                    "Registration must close when the event starts, at the latest."
                ]
            },
            id="closes-during-the-event",
        ),
        pytest.param(
            {"registration_opens_at": at(0)},
            {"registration_opens_at": ["Registration must open before the event starts."]},
            id="opens-when-it-starts",
        ),
        pytest.param(
            {"registration_opens_at": at(1), "registration_closes_at": at(1.5)},
            {
                "registration_opens_at": ["Registration must open before the event starts."],
                "registration_closes_at": [
                    "Registration must close when the event starts, at the latest."
                ],
            },
            id="window-during-the-event",
        ),
    ],
)
def test_event_create_registration_window_after_the_start_is_a_form_error(
    login, network_coordinator, overrides, errors
):
    response = create(login(network_coordinator), **overrides)

    assert response.status_code == 200
    assert response.context["form"].errors == errors
    assert Event.objects.count() == 0


def test_event_create_registration_closing_when_the_event_starts_is_saved(
    login, network_coordinator
):
    response = create(
        login(network_coordinator), registration_opens_at=at(-240), registration_closes_at=at(0)
    )

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.registration_opens_at, event.registration_closes_at) == (
        START - datetime.timedelta(hours=240),
        START,
    )


def test_event_edit_moving_the_start_before_the_registration_closes_is_a_form_error(
    login, network_coordinator
):
    event = make_event(registration_closes_at=in_days(29, 12))
    data = edit_form_data(event, starts_at=local_input(in_days(29, 9))) | agenda_form_data([])

    response = login(network_coordinator).post(f"/en/events/{event.slug}/edit/", data)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "registration_closes_at": ["Registration must close when the event starts, at the latest."]
    }
    event.refresh_from_db()
    assert event.starts_at == in_days(30, 9)


@pytest.mark.parametrize(
    ("window", "errors"),
    [
        pytest.param(
            {"registration_closes_at": datetime.timedelta(hours=1)},
            {
                "registration_closes_at": [
                    "Registration must close when the event starts, at the latest."
                ]
            },
            id="closes-during-the-event",
        ),
        pytest.param(
            {"registration_opens_at": datetime.timedelta(hours=2)},
            {"registration_opens_at": ["Registration must open before the event starts."]},
            id="opens-during-the-event",
        ),
    ],
)
def test_event_registration_window_after_the_start_is_refused_by_full_clean(window, errors):
    event = make_event()
    for field, offset in window.items():
        setattr(event, field, event.starts_at + offset)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict == errors


# --- A moment stored another way (an old row, a script) never makes a page fail ---------------

# Python's last moments: from 23:00 UTC on 31 December 9999 there is no Paris time.
LAST_HOUR = datetime.datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
YEAR_ONE = datetime.datetime(1, 1, 1, 0, 0, tzinfo=UTC)
STORED = {
    "year-9999": (LAST_HOUR, LAST_HOUR + datetime.timedelta(minutes=30)),
    "year-1-to-9999": (YEAR_ONE, LAST_HOUR + datetime.timedelta(minutes=30)),
    "year-1": (YEAR_ONE, YEAR_ONE + datetime.timedelta(minutes=30)),
}


@pytest.fixture(params=STORED)
def stored_event(request, organiser):
    """A published public event with stored times at the ends of Python's calendar, an agenda
    item visiting a project, a registration opening then, and a confirmed seat."""
    starts, ends = STORED[request.param]
    event = make_event(
        slug="out-of-range",
        title="Out of range",
        starts_at=starts,
        ends_at=ends,
        registration_opens_at=ends - datetime.timedelta(minutes=10),
        themes=("public-spaces",),
        cities=("umea",),
        organisers=(organiser,),
    )
    project = make_event_project(title="Visited square", slug="visited-square")
    make_agenda_item(event=event, starts_at=starts, ends_at=ends, projects=(project,))
    return event


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/events/",
        "/en/events/?when=past",
        "/en/events/out-of-range/",
        "/en/events/out-of-range/calendar.ics",
        "/en/events/calendar.ics",
        "/en/cities/saint-brieuc/",
        "/en/cities/umea/",
        "/en/themes/public-spaces/",
        "/en/projects/",
        "/en/projects/visited-square/",
    ],
)
def test_pages_with_a_stored_event_outside_the_years_answer(anonymous_client, stored_event, url):
    response = anonymous_client.get(url)

    assert response.status_code == 200


def test_event_detail_with_a_stored_moment_paris_cannot_show_shows_it_in_utc(anonymous_client):
    event = make_event(
        slug="last-hour", starts_at=LAST_HOUR, ends_at=LAST_HOUR + datetime.timedelta(minutes=30)
    )
    make_agenda_item(event=event, starts_at=LAST_HOUR, ends_at=event.ends_at)

    response = anonymous_client.get("/en/events/last-hour/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<time datetime="9999-12-31T23:00:00+0000">Dec. 31, 9999, 11 p.m.</time>' in html
    assert '<time datetime="9999-12-31T23:30:00+0000">Dec. 31, 9999, 11:30 p.m.</time>' in html
    assert '<time datetime="9999-12-31T23:00:00+0000">11 p.m.</time>' in html


def test_event_feed_with_a_stored_moment_paris_cannot_show_gives_it_in_utc(anonymous_client):
    make_event(
        slug="last-hour", starts_at=LAST_HOUR, ends_at=LAST_HOUR + datetime.timedelta(minutes=30)
    )

    response = anonymous_client.get("/en/events/calendar.ics")

    assert response.status_code == 200
    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (
        LAST_HOUR,
        LAST_HOUR + datetime.timedelta(minutes=30),
    )


def test_member_pages_with_a_stored_event_outside_the_years_answer(
    login, member, organiser, stored_event
):
    make_registration(event=stored_event, user=member)
    token = CalendarFeedToken.objects.create(user=member)
    client = login(member)

    feed = client.get(f"/en/events/feed/{token.token}.ics")
    profile = client.get("/en/accounts/profile/")
    registrations = login(organiser).get("/en/events/out-of-range/registrations/")
    edit = login(organiser).get("/en/events/out-of-range/edit/")

    assert (feed.status_code, profile.status_code) == (200, 200)
    assert (registrations.status_code, edit.status_code) == (200, 200)
    (vevent,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert vevent.decoded("DTSTART") == stored_event.starts_at


def test_event_edit_of_a_stored_event_outside_the_years_asks_for_sane_times(login, organiser):
    make_event(
        slug="last-hour",
        starts_at=LAST_HOUR,
        ends_at=LAST_HOUR + datetime.timedelta(minutes=30),
        organisers=(organiser,),
    )
    client = login(organiser)

    page = client.get("/en/events/last-hour/edit/")
    # Sent back as the page shows it.
    data = event_form_data(starts_at="9999-12-31T23:00", ends_at="9999-12-31T23:30")
    data[VERSION_FIELD] = event_edit_version(Event.objects.get())
    response = client.post("/en/events/last-hour/edit/", data | agenda_form_data([]))

    assert page.status_code == 200
    assert (
        'name="starts_at" value="9999-12-31T23:00" min="2000-01-01T00:00" max="2100-12-31T23:59"'
    ) in page.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "starts_at": [YEARS_ERROR],
        "ends_at": [YEARS_ERROR],
    }
    assert Event.objects.get().starts_at == LAST_HOUR


def test_event_register_and_cancel_of_a_stored_event_in_the_last_hour_send_their_mails(
    login, member, network_coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    make_event(
        slug="last-hour", starts_at=LAST_HOUR, ends_at=LAST_HOUR + datetime.timedelta(minutes=30)
    )

    with django_capture_on_commit_callbacks(execute=True):
        registered = login(member).post("/en/events/last-hour/register/", {"action": "register"})
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = login(network_coordinator).post("/en/events/last-hour/cancel/")

    assert (registered.status_code, cancelled.status_code) == (302, 302)
    assert Registration.objects.get().state == RegistrationState.CONFIRMED
    assert Event.objects.get().state == EventState.CANCELLED
    assert [message.to for message in mailoutbox] == [[member.email], [member.email]]
    assert "starting Dec. 31, 9999, 11 p.m. (Paris and Stockholm time)" in mailoutbox[0].body
    assert "planned for Dec. 31, 9999, 11 p.m. is cancelled" in mailoutbox[1].body


# The admin builds its URL fields without Django 6's https default: not this test's matter.
@pytest.mark.filterwarnings("ignore::django.utils.deprecation.RemovedInDjango60Warning")
def test_admin_event_pages_with_a_stored_moment_paris_cannot_show_answer(login, staff):
    staff.is_superuser = True
    staff.save(update_fields=["is_superuser"])
    event = make_event(
        slug="last-hour", starts_at=LAST_HOUR, ends_at=LAST_HOUR + datetime.timedelta(minutes=30)
    )
    make_agenda_item(event=event, starts_at=LAST_HOUR, ends_at=event.ends_at)
    client = login(staff)

    listing = client.get("/admin/events/event/")
    change = client.get(f"/admin/events/event/{event.pk}/change/")

    assert (listing.status_code, change.status_code) == (200, 200)
    assert '<td class="field-starts">Dec. 31, 9999, 11 p.m.</td>' in listing.content.decode()
    assert 'name="starts_at" value="9999-12-31T23:00"' in change.content.decode()
    assert 'name="agenda-0-starts_at_1" value="23:00:00"' in change.content.decode()
