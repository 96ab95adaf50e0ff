"""Events on the home page and on city, theme and project pages, within their query budgets."""

import re

import pytest

from events.enums import AgendaItemKind, EventState
from tests.budgets import warm_content_types
from tests.factories import (
    in_days,
    make_agenda_item,
    make_event,
    make_event_project,
    make_registration,
)

pytestmark = pytest.mark.django_db


def card_titles(response) -> list[str]:
    return re.findall(
        r'<li class="card event-card">.*?<h3><a href="/en/events/[^"]+/"[^>]*>([^<]+)</a></h3>',
        response.content.decode(),
        re.S,
    )


# --- Home ----------------------------------------------------------------------------


def test_home_shows_the_next_four_events_soonest_first(anonymous_client):
    for day in (9, 3, 12, 1, 6):
        make_event(title=f"In {day} days", starts_at=in_days(day))
    make_event(title="Last week", starts_at=in_days(-7))

    response = anonymous_client.get("/en/")

    assert card_titles(response) == ["In 1 days", "In 3 days", "In 6 days", "In 9 days"]
    assert '<p><a href="/en/events/">All events</a></p>' in response.content.decode()


def test_home_hides_drafts_and_members_only_events_from_visitors(anonymous_client):
    make_event(title="Public", starts_at=in_days(3))
    make_event(title="Draft", starts_at=in_days(1), state=EventState.DRAFT)
    make_event(title="Members only", starts_at=in_days(2), visibility="members")

    response = anonymous_client.get("/en/")

    assert card_titles(response) == ["Public"]


def test_home_shows_members_only_events_but_no_draft_to_members(login, organiser):
    make_event(title="Members only", starts_at=in_days(2), visibility="members")
    make_event(
        title="Their draft", starts_at=in_days(1), state=EventState.DRAFT, organisers=(organiser,)
    )

    response = login(organiser).get("/en/")

    assert card_titles(response) == ["Members only"]


def test_home_without_upcoming_events_says_so(anonymous_client):
    make_event(title="Last week", starts_at=in_days(-7))

    response = anonymous_client.get("/en/")

    html = response.content.decode()
    assert card_titles(response) == []
    assert "No events are planned yet." in html


@pytest.mark.parametrize("size", [1, 30], ids=["1-event", "30-events"])
def test_home_query_budget_holds_with_many_events(member_client, size, django_assert_num_queries):
    for day in range(1, size + 1):
        event = make_event(starts_at=in_days(day), capacity=10, cities=("umea",))
        make_registration(event=event)
    warm_content_types()

    # one more than without events: the translations of the event cards (and the activity's
    # recent comments and answers, one query each)
    with django_assert_num_queries(12):
        response = member_client.get("/en/")

    assert len(card_titles(response)) == min(size, 4)


# --- City ----------------------------------------------------------------------------


def test_city_page_shows_the_events_it_hosts_or_takes_part_in(anonymous_client):
    make_event(title="Hosted", host_city="umea", starts_at=in_days(5))
    make_event(title="Taking part", host_city="paris", cities=("umea",), starts_at=in_days(2))
    make_event(title="Both", host_city="umea", cities=("umea", "malmo"), starts_at=in_days(8))
    make_event(title="Elsewhere", host_city="paris", starts_at=in_days(1))
    make_event(title="Past", host_city="umea", starts_at=in_days(-5))
    make_event(title="Draft", host_city="umea", state=EventState.DRAFT)

    response = anonymous_client.get("/en/cities/umea/")

    assert card_titles(response) == ["Taking part", "Hosted", "Both"]


def test_city_page_shows_at_most_six_events(anonymous_client):
    for day in range(1, 10):
        make_event(title=f"Day {day}", host_city="malmo", starts_at=in_days(day))

    response = anonymous_client.get("/en/cities/malmo/")

    assert card_titles(response) == [f"Day {day}" for day in range(1, 7)]


@pytest.mark.parametrize("size", [1, 20], ids=["1-event", "20-events"])
def test_city_page_query_budget_holds_with_many_events(
    anonymous_client, size, django_assert_num_queries
):
    for day in range(1, size + 1):
        event = make_event(host_city="umea", cities=("umea", "malmo"), starts_at=in_days(day))
        make_registration(event=event)
    warm_content_types()

    # city, the map's cities, topics, projects, events, the translations of the event cards,
    # questions
    with django_assert_num_queries(7):
        response = anonymous_client.get("/en/cities/umea/")

    assert len(card_titles(response)) == min(size, 6)


# --- Theme ---------------------------------------------------------------------------


def test_theme_page_shows_its_upcoming_events(anonymous_client):
    make_event(title="On the theme", themes=("public-spaces", "innovation"), starts_at=in_days(4))
    make_event(title="Soon on the theme", themes=("public-spaces",), starts_at=in_days(2))
    make_event(title="Other theme", themes=("innovation",), starts_at=in_days(1))
    make_event(title="Past", themes=("public-spaces",), starts_at=in_days(-3))
    make_event(title="Members only", themes=("public-spaces",), visibility="members")

    response = anonymous_client.get("/en/themes/public-spaces/")

    assert card_titles(response) == ["Soon on the theme", "On the theme"]


@pytest.mark.parametrize("size", [1, 20], ids=["1-event", "20-events"])
def test_theme_page_query_budget_holds_with_many_events(
    anonymous_client, size, django_assert_num_queries
):
    for day in range(1, size + 1):
        event = make_event(themes=("public-spaces",), starts_at=in_days(day))
        make_registration(event=event)
    warm_content_types()

    # theme, projects, questions, events, the translations of the event cards
    with django_assert_num_queries(5):
        response = anonymous_client.get("/en/themes/public-spaces/")

    assert len(card_titles(response)) == min(size, 6)


# --- Project -------------------------------------------------------------------------


def test_project_page_shows_the_events_that_visit_or_present_it(anonymous_client):
    project = make_event_project(slug="place-de-la-grille")
    visit = make_event(title="Visit next month", starts_at=in_days(30))
    make_agenda_item(event=visit, kind=AgendaItemKind.SITE_VISIT, projects=(project,))
    make_agenda_item(event=visit, kind=AgendaItemKind.TALK, projects=(project,))
    talk = make_event(title="Talk last year", starts_at=in_days(-300))
    make_agenda_item(event=talk, projects=(project,))
    draft = make_event(title="Draft", state=EventState.DRAFT)
    make_agenda_item(event=draft, projects=(project,))
    make_agenda_item(event=make_event(title="Unrelated"), projects=(make_event_project(),))

    response = anonymous_client.get("/en/projects/place-de-la-grille/")

    assert response.status_code == 200
    assert '<h2 id="events-heading">Events about this project</h2>' in response.content.decode()
    assert card_titles(response) == ["Visit next month", "Talk last year"]


def test_project_page_without_events_has_no_events_section(anonymous_client):
    make_event_project(slug="quiet-project")

    response = anonymous_client.get("/en/projects/quiet-project/")

    assert "Events about this project" not in response.content.decode()


@pytest.mark.parametrize("size", [1, 20], ids=["1-event", "20-events"])
def test_project_page_query_budget_holds_with_many_events(
    anonymous_client, size, django_assert_num_queries
):
    project = make_event_project(slug="popular-project")
    for day in range(1, size + 1):
        event = make_event(starts_at=in_days(day))
        make_agenda_item(event=event, projects=(project,))
        make_agenda_item(event=event, projects=(project,))
        make_registration(event=event)
    warm_content_types()

    # with the stored peer matches, questions, the translations of the page and of the event
    # cards, the tag translations the matches' reasons name, read once per version, and the
    # methods and tools the project used
    with django_assert_num_queries(15):
        response = anonymous_client.get("/en/projects/popular-project/")

    assert len(card_titles(response)) == min(size, 6)
