"""The event list: upcoming and past, filters, who sees drafts and members-only events, and
its query budget."""

import re

import pytest

from events.enums import EventKind, EventState
from tests.budgets import warm_content_types
from tests.factories import (
    bulk_agenda,
    bulk_registrations,
    in_days,
    make_event,
    make_registration,
)

pytestmark = pytest.mark.django_db


def card_titles(response) -> list[str]:
    return re.findall(
        r'<li class="card event-card">.*?<h3><a href="/en/events/[^"]+/"[^>]*>([^<]+)</a></h3>',
        response.content.decode(),
        re.S,
    )


def card_text(response, title: str) -> str:
    """The text of the card of ``title``, tags removed and whitespace collapsed."""
    for card in re.findall(
        r'<li class="card event-card">(.*?)</li>', response.content.decode(), re.S
    ):
        if f">{title}</a>" in card:
            return " ".join(re.sub(r"<[^>]+>", " ", card).split())
    raise AssertionError(f"no card for {title}")


def test_event_list_shows_upcoming_events_soonest_first(anonymous_client):
    make_event(title="In three weeks", starts_at=in_days(21))
    make_event(title="Tomorrow", starts_at=in_days(1))
    make_event(title="Next week", starts_at=in_days(7))
    make_event(title="Last month", starts_at=in_days(-30))

    response = anonymous_client.get("/en/events/")

    assert response.status_code == 200
    assert card_titles(response) == ["Tomorrow", "Next week", "In three weeks"]
    assert '<h2 id="results-heading" class="h3">3 events</h2>' in response.content.decode()


def test_event_list_keeps_an_event_under_way_among_the_upcoming(anonymous_client):
    make_event(title="Under way", starts_at=in_days(-1), ends_at=in_days(1))

    response = anonymous_client.get("/en/events/")

    assert card_titles(response) == ["Under way"]


def test_event_list_past_shows_past_events_latest_first(anonymous_client):
    make_event(title="Last year", starts_at=in_days(-365))
    make_event(title="Last month", starts_at=in_days(-30))
    make_event(title="Next week", starts_at=in_days(7))

    response = anonymous_client.get("/en/events/?when=past")

    html = response.content.decode()
    assert card_titles(response) == ["Last month", "Last year"]
    assert "<h1>Past events</h1>" in html
    assert '<a href="/en/events/?when=past" aria-current="page">Past</a>' in html


def test_event_list_hides_drafts_and_members_only_events_from_visitors(anonymous_client):
    make_event(title="Public")
    make_event(title="Draft", state=EventState.DRAFT)
    make_event(title="Members only", visibility="members")

    response = anonymous_client.get("/en/events/")

    assert card_titles(response) == ["Public"]


def test_event_list_shows_members_only_events_to_members(member_client):
    make_event(title="Members only", visibility="members")
    make_event(title="Draft", state=EventState.DRAFT)

    response = member_client.get("/en/events/")

    assert card_titles(response) == ["Members only"]


def test_event_list_shows_drafts_to_coordinators_with_a_badge(login, network_coordinator):
    make_event(title="Draft", state=EventState.DRAFT)

    response = login(network_coordinator).get("/en/events/")

    assert card_text(response, "Draft").endswith("Annual seminar · Saint-Brieuc · Draft")
    assert '<a class="button" href="/en/events/new/">New event</a>' in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member", "city_coordinator"])
def test_event_list_hides_the_new_event_link_from_non_coordinators(login, user_for_role, role):
    response = login(user_for_role(role)).get("/en/events/")

    assert "/en/events/new/" not in response.content.decode()


def test_event_list_card_shows_seats_left_full_and_cancelled(anonymous_client):
    roomy = make_event(title="Roomy", capacity=3)
    make_registration(event=roomy)
    full = make_event(title="Full", capacity=1, host_city=None, online_url="https://x.example")
    make_registration(event=full)
    make_event(title="Called off", state=EventState.CANCELLED, capacity=5)

    response = anonymous_client.get("/en/events/")

    assert card_text(response, "Roomy").endswith("Annual seminar · Saint-Brieuc · 2 seats left")
    assert card_text(response, "Full").endswith("Annual seminar · Online · Full: waiting list")
    assert card_text(response, "Called off").endswith("Annual seminar · Saint-Brieuc · Cancelled")


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("kind=webinar", ["Webinar in Umeå"]),
        ("theme=public-spaces", ["Seminar in Saint-Brieuc"]),
        ("city=umea", ["Webinar in Umeå"]),
        ("city=gothenburg", ["Seminar in Saint-Brieuc"]),  # a participating city
        ("country=SE", ["Seminar in Saint-Brieuc", "Webinar in Umeå"]),
        ("country=FR", ["Seminar in Saint-Brieuc"]),
        ("kind=webinar&country=FR", []),
    ],
)
def test_event_list_filters_by_kind_theme_city_and_country(anonymous_client, query, titles):
    make_event(
        title="Seminar in Saint-Brieuc",
        starts_at=in_days(10),
        themes=("public-spaces",),
        cities=("gothenburg",),
    )
    make_event(
        title="Webinar in Umeå", starts_at=in_days(20), kind=EventKind.WEBINAR, host_city="umea"
    )

    response = anonymous_client.get(f"/en/events/?{query}")

    assert card_titles(response) == titles


def test_event_list_filters_past_events_too(anonymous_client):
    make_event(title="Past webinar", starts_at=in_days(-10), kind=EventKind.WEBINAR)
    make_event(title="Past seminar", starts_at=in_days(-20))
    make_event(title="Next webinar", starts_at=in_days(10), kind=EventKind.WEBINAR)

    response = anonymous_client.get("/en/events/?when=past&kind=webinar")

    assert card_titles(response) == ["Past webinar"]


def test_event_list_unknown_filter_values_are_ignored(anonymous_client):
    make_event(title="Seminar")

    response = anonymous_client.get("/en/events/?theme=no-such-theme&city=atlantis&kind=party")

    assert response.status_code == 200
    assert card_titles(response) == ["Seminar"]


def test_event_list_says_when_nothing_matches(anonymous_client):
    response = anonymous_client.get("/en/events/?kind=webinar")

    assert "No event matches these filters." in response.content.decode()


def test_event_list_pages_by_twenty(anonymous_client):
    for day in range(1, 26):
        make_event(title=f"Event on day {day:02d}", starts_at=in_days(day))

    first = anonymous_client.get("/en/events/")
    second = anonymous_client.get("/en/events/?page=2")

    assert card_titles(first) == [f"Event on day {day:02d}" for day in range(1, 21)]
    assert card_titles(second) == [f"Event on day {day:02d}" for day in range(21, 26)]
    assert '<h2 id="results-heading" class="h3">25 events</h2>' in first.content.decode()


def test_event_list_refuses_post(anonymous_client):
    response = anonymous_client.post("/en/events/")

    assert response.status_code == 405


def test_event_list_query_budget_with_one_event(member_client, django_assert_num_queries):
    make_event(title="Alone")
    warm_content_types()

    with django_assert_num_queries(11):
        response = member_client.get("/en/events/")

    assert card_titles(response) == ["Alone"]


@pytest.mark.parametrize("size", [1, 25], ids=["1-event", "25-events"])
def test_event_list_query_budget_holds_with_many_events_agenda_and_registrations(
    member_client, size, django_assert_num_queries
):
    events = [
        make_event(
            title=f"Event {day:02d}",
            starts_at=in_days(day),
            capacity=600,
            themes=("public-spaces",),
            cities=("umea", "malmo"),
        )
        for day in range(1, size + 1)
    ]
    bulk_agenda(events[0], 40)
    bulk_registrations(events[0], 500)
    warm_content_types()

    # two more than without filters: the theme and the city they name
    with django_assert_num_queries(13):
        response = member_client.get("/en/events/?theme=public-spaces&city=umea")

    assert len(card_titles(response)) == min(size, 20)
    assert card_text(response, "Event 01").endswith("· 100 seats left")
