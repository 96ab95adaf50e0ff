"""iCalendar (RFC 5545): one event's .ics, the public feed, each member's private feed and its
reset; the files parse, keep their UID, grow their SEQUENCE, and stay within a query budget."""

import datetime
import re

import pytest
from icalendar import Calendar

from events.enums import EventState, RegistrationState
from events.models import CalendarFeedToken
from tests.budgets import warm_content_types
from tests.factories import (
    bulk_agenda,
    bulk_registrations,
    edit_form_data,
    in_days,
    make_agenda_item,
    make_event,
    make_registration,
    make_user,
    paris_time,
    saved_agenda_form_data,
)

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (
    RegistrationState.CONFIRMED,
    RegistrationState.WAITING,
    RegistrationState.CANCELLED,
)
ONLINE_URL = "https://meet.example.org/secret-room"


def parse(response) -> Calendar:
    """The response as a calendar, after the checks every .ics answer must pass."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.content.endswith(b"END:VCALENDAR\r\n")
    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded, RFC 5545 § 3.1
    calendar = Calendar.from_ical(response.content)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//Alliance Portal//alliance-portal//EN",
    )
    return calendar


def vevents(calendar) -> list:
    return calendar.walk("VEVENT")


def summaries(response) -> list[str]:
    return [str(vevent["SUMMARY"]) for vevent in vevents(parse(response))]


@pytest.fixture
def seminar(organiser):
    """A published seminar on 14–15 January 2031 with a two-day agenda."""
    event = make_event(
        title="Annual seminar 2031",
        slug="annual-seminar-2031",
        starts_at=paris_time(datetime.date(2031, 1, 14), 9),
        ends_at=paris_time(datetime.date(2031, 1, 15), 16),
        venue="Centre des congrès, Saint-Brieuc",
        description="Two days of site visits.",
        online_url=ONLINE_URL,
        organisers=(organiser,),
        capacity=50,
    )
    make_agenda_item(
        event=event,
        title="Welcome",
        place="Hall",
        starts_at=paris_time(datetime.date(2031, 1, 14), 9),
        ends_at=paris_time(datetime.date(2031, 1, 14), 9, 30),
    )
    make_agenda_item(
        event=event,
        title="Visit of the farm",
        starts_at=paris_time(datetime.date(2031, 1, 15), 10),
        ends_at=paris_time(datetime.date(2031, 1, 15), 12),
    )
    return event


# --- One event -----------------------------------------------------------------------


def test_event_ics_is_a_valid_calendar_with_paris_times_and_the_agenda(anonymous_client, seminar):
    response = anonymous_client.get("/en/events/annual-seminar-2031/calendar.ics")

    assert response["Content-Disposition"] == 'attachment; filename="annual-seminar-2031.ics"'
    calendar = parse(response)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Paris"
    (vevent,) = vevents(calendar)
    assert str(vevent["UID"]) == f"event-{seminar.pk}@alliance-portal"
    assert str(vevent["SUMMARY"]) == "Annual seminar 2031"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTSTART"].dt.replace(tzinfo=None) == datetime.datetime(2031, 1, 14, 9, 0)
    assert vevent["DTEND"].params["TZID"] == "Europe/Paris"
    assert vevent["DTEND"].dt.replace(tzinfo=None) == datetime.datetime(2031, 1, 15, 16, 0)
    assert "DTSTART;TZID=Europe/Paris:20310114T090000" in response.content.decode()
    assert str(vevent["LOCATION"]) == "Centre des congrès, Saint-Brieuc"
    assert str(vevent["URL"]) == "http://testserver/en/events/annual-seminar-2031/"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["SEQUENCE"] == 0
    assert "DTSTAMP" in vevent
    assert str(vevent["DESCRIPTION"]) == (
        "Two days of site visits.\n"
        "\n"
        "2031-01-14\n"
        "09:00–09:30 Welcome (Hall)\n"
        "2031-01-15\n"
        "10:00–12:00 Visit of the farm"
    )


def test_event_ics_in_summer_is_in_paris_summer_time(anonymous_client):
    event = make_event(starts_at=paris_time(datetime.date(2031, 7, 15), 9))

    response = anonymous_client.get(f"/en/events/{event.slug}/calendar.ics")

    (vevent,) = vevents(parse(response))
    assert vevent["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=2)
    assert "DTSTART;TZID=Europe/Paris:20310715T090000" in response.content.decode()


def test_event_ics_without_a_venue_is_located_in_the_host_city(anonymous_client):
    event = make_event(venue="", host_city="umea")

    (vevent,) = vevents(parse(anonymous_client.get(f"/en/events/{event.slug}/calendar.ics")))

    assert str(vevent["LOCATION"]) == "Umeå"


@pytest.mark.parametrize("role", ["anonymous", "member", "organiser"])
def test_event_ics_never_carries_the_online_link(login, user_for_role, role, seminar):
    user = user_for_role(role)
    if role == "member":
        make_registration(event=seminar, user=user)

    response = login(user).get("/en/events/annual-seminar-2031/calendar.ics")

    parse(response)
    assert ONLINE_URL not in response.content.decode()


def test_event_ics_keeps_its_uid_across_requests_and_edits_and_grows_its_sequence(
    anonymous_client, login, organiser, seminar
):
    first = vevents(parse(anonymous_client.get("/en/events/annual-seminar-2031/calendar.ics")))[0]
    again = vevents(parse(anonymous_client.get("/en/events/annual-seminar-2031/calendar.ics")))[0]

    login(organiser).post(
        "/en/events/annual-seminar-2031/edit/",
        edit_form_data(seminar, title="Annual seminar 2031, renamed")
        | saved_agenda_form_data(seminar),
    )
    edited = vevents(parse(anonymous_client.get("/en/events/annual-seminar-2031/calendar.ics")))[0]

    assert str(first["UID"]) == str(again["UID"]) == str(edited["UID"])
    assert (first["SEQUENCE"], again["SEQUENCE"], edited["SEQUENCE"]) == (0, 0, 1)
    assert str(edited["SUMMARY"]) == "Annual seminar 2031, renamed"


def test_event_ics_of_a_cancelled_event_says_cancelled_with_a_higher_sequence(
    anonymous_client, login, organiser, seminar
):
    login(organiser).post("/en/events/annual-seminar-2031/cancel/")

    (vevent,) = vevents(parse(anonymous_client.get("/en/events/annual-seminar-2031/calendar.ics")))

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert str(vevent["UID"]) == f"event-{seminar.pk}@alliance-portal"


@pytest.mark.parametrize(
    "role", ["anonymous", "member", "city_coordinator", "organiser", "network_coordinator"]
)
def test_event_ics_of_a_draft_is_404(login, user_for_role, organiser, role):
    event = make_event(state=EventState.DRAFT, organisers=(organiser,))

    response = login(user_for_role(role)).get(f"/en/events/{event.slug}/calendar.ics")

    assert response.status_code == 404


@pytest.mark.parametrize(("role", "status"), [("anonymous", 404), ("member", 200)])
def test_event_ics_of_a_members_only_event_is_for_members(login, user_for_role, role, status):
    event = make_event(visibility="members")

    response = login(user_for_role(role)).get(f"/en/events/{event.slug}/calendar.ics")

    assert response.status_code == status


def test_event_ics_query_budget_holds_with_a_long_agenda(
    anonymous_client, django_assert_num_queries
):
    event = make_event(starts_at=in_days(30, 8), ends_at=in_days(30, 20))
    bulk_agenda(event, 40)
    bulk_registrations(event, 500)
    warm_content_types()

    # the event, its agenda, the translations of both into the reader's language
    with django_assert_num_queries(3):
        response = anonymous_client.get(f"/en/events/{event.slug}/calendar.ics")

    (vevent,) = vevents(parse(response))
    assert str(vevent["DESCRIPTION"]).count("Bulk item") == 40


# --- The public feed -----------------------------------------------------------------


def test_events_feed_lists_published_public_events_of_the_last_year_and_to_come(anonymous_client):
    make_event(title="Next month", starts_at=in_days(30))
    make_event(title="Tomorrow", starts_at=in_days(1), online_url=ONLINE_URL)
    make_event(title="Last month", starts_at=in_days(-30))
    make_event(title="Called off", starts_at=in_days(10), state=EventState.CANCELLED)
    make_event(title="Two years ago", starts_at=in_days(-730))
    make_event(title="Draft", state=EventState.DRAFT)
    make_event(title="Members only", visibility="members")

    response = anonymous_client.get("/en/events/calendar.ics")

    assert response["Content-Disposition"] == 'attachment; filename="alliance-events.ics"'
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "Alliance events"
    assert [(str(v["SUMMARY"]), str(v["STATUS"])) for v in vevents(calendar)] == [
        ("Last month", "CONFIRMED"),
        ("Tomorrow", "CONFIRMED"),
        ("Called off", "CANCELLED"),
        ("Next month", "CONFIRMED"),
    ]
    assert ONLINE_URL not in response.content.decode()


@pytest.mark.parametrize("role", ["member", "network_coordinator"])
def test_events_feed_is_the_same_for_everyone_signed_in(login, user_for_role, role):
    make_event(title="Public")
    make_event(title="Members only", visibility="members")
    make_event(title="Draft", state=EventState.DRAFT)

    response = login(user_for_role(role)).get("/en/events/calendar.ics")

    assert summaries(response) == ["Public"]


def test_events_feed_query_budget_holds_with_many_events_and_agendas(
    anonymous_client, django_assert_num_queries
):
    events = [
        make_event(starts_at=in_days(day, 8), ends_at=in_days(day, 20)) for day in range(1, 21)
    ]
    for event in events:
        bulk_agenda(event, 40)
    bulk_registrations(events[0], 500)
    warm_content_types()

    # the events, their agendas, the translations of all of them into the reader's language
    with django_assert_num_queries(3):
        response = anonymous_client.get("/en/events/calendar.ics")

    calendar = parse(response)
    assert len(vevents(calendar)) == 20
    assert all(str(v["DESCRIPTION"]).count("Bulk item") == 40 for v in vevents(calendar))


# --- A member's private feed ---------------------------------------------------------


def reset_feed(client):
    return client.post("/en/events/feed/reset/", follow=True)


def test_personal_feed_reset_creates_a_token_shown_on_the_profile(member_client, member):
    response = reset_feed(member_client)

    token = CalendarFeedToken.objects.get(user=member).token
    assert response.redirect_chain == [("/en/accounts/profile/", 302)]
    assert len(token) >= 40
    assert f'value="http://testserver/en/events/feed/{token}.ics"' in response.content.decode()
    assert "Your calendar link was replaced; the old one no longer works." in (
        response.content.decode()
    )


def test_personal_feed_lists_confirmed_events_with_their_online_link(
    anonymous_client, member_client, member
):
    seated = make_event(title="Seated", starts_at=in_days(10), online_url=ONLINE_URL)
    make_registration(event=seated, user=member)
    called_off = make_event(title="Called off", starts_at=in_days(5), state=EventState.CANCELLED)
    make_registration(event=called_off, user=member)
    waiting = make_event(title="Waiting", online_url="https://meet.example.org/waiting")
    make_registration(event=waiting, user=member, state=WAITING)
    gave_up = make_event(title="Gave up", online_url="https://meet.example.org/gave-up")
    make_registration(event=gave_up, user=member, state=CANCELLED)
    other = make_event(title="Someone else's")
    make_registration(event=other)
    make_event(title="Not registered")
    reset_feed(member_client)
    token = CalendarFeedToken.objects.get(user=member).token

    # The token is the credential: a calendar program asks without a session.
    response = anonymous_client.get(f"/en/events/feed/{token}.ics")

    assert response["Cache-Control"] == "private, no-store"
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "My Alliance events"
    assert [(str(v["SUMMARY"]), str(v["STATUS"])) for v in vevents(calendar)] == [
        ("Called off", "CANCELLED"),
        ("Seated", "CONFIRMED"),
    ]
    assert ONLINE_URL in str(vevents(calendar)[1]["DESCRIPTION"])
    assert "meet.example.org/waiting" not in response.content.decode()
    assert "meet.example.org/gave-up" not in response.content.decode()


def test_personal_feed_reset_replaces_the_token_and_the_old_one_404s(
    anonymous_client, member_client, member
):
    event = make_event(title="Seated")
    make_registration(event=event, user=member)
    reset_feed(member_client)
    old = CalendarFeedToken.objects.get(user=member).token

    reset_feed(member_client)

    new = CalendarFeedToken.objects.get(user=member).token
    assert new != old
    assert anonymous_client.get(f"/en/events/feed/{old}.ics").status_code == 404
    assert summaries(anonymous_client.get(f"/en/events/feed/{new}.ics")) == ["Seated"]


def test_personal_feed_unknown_token_is_404(anonymous_client):
    response = anonymous_client.get("/en/events/feed/not-a-real-token.ics")

    assert response.status_code == 404


def test_personal_feed_of_a_deactivated_account_is_404(anonymous_client, member_client, member):
    reset_feed(member_client)
    token = CalendarFeedToken.objects.get(user=member).token
    member.is_active = False
    member.save()

    response = anonymous_client.get(f"/en/events/feed/{token}.ics")

    assert response.status_code == 404


def test_personal_feed_reset_sends_a_visitor_to_sign_in(anonymous_client):
    response = anonymous_client.post("/en/events/feed/reset/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/events/feed/reset/"
    assert CalendarFeedToken.objects.count() == 0


def test_personal_feed_reset_refuses_get(member_client):
    response = member_client.get("/en/events/feed/reset/")

    assert response.status_code == 405


def test_personal_feed_reset_by_someone_not_yet_approved_works_too(login):
    person = make_user()

    reset_feed(login(person))

    assert CalendarFeedToken.objects.filter(user=person).count() == 1


def test_profile_offers_to_create_the_calendar_address(member_client):
    response = member_client.get("/en/accounts/profile/")

    page = response.content.decode()
    assert 'action="/en/events/feed/reset/"' in page
    assert "Create my calendar address" in page
    assert "/en/events/feed/" not in re.sub(r'action="/en/events/feed/reset/"', "", page)


def test_personal_feed_query_budget_holds_with_many_events_and_agendas(
    anonymous_client, member_client, member, django_assert_num_queries
):
    for day in range(1, 21):
        event = make_event(starts_at=in_days(day, 8), ends_at=in_days(day, 20))
        bulk_agenda(event, 40)
        make_registration(event=event, user=member)
    bulk_registrations(event, 500)
    reset_feed(member_client)
    token = CalendarFeedToken.objects.get(user=member).token
    warm_content_types()

    # the token and its person, the events, their agendas, the translations of all of them
    with django_assert_num_queries(4):
        response = anonymous_client.get(f"/en/events/feed/{token}.ics")

    calendar = parse(response)
    assert len(vevents(calendar)) == 20
    assert all(str(v["DESCRIPTION"]).count("Bulk item") == 40 for v in vevents(calendar))


def test_personal_feed_query_budget_with_one_event(
    anonymous_client, member_client, member, django_assert_num_queries
):
    make_registration(event=make_event(), user=member)
    reset_feed(member_client)
    token = CalendarFeedToken.objects.get(user=member).token
    warm_content_types()

    # the token and its person, the events, their agendas, the translations of all of them
    with django_assert_num_queries(4):
        response = anonymous_client.get(f"/en/events/feed/{token}.ics")

    assert len(vevents(parse(response))) == 1
