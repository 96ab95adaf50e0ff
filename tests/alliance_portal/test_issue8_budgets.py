"""Exact query counts of the pages this floor added: the suggestions page for someone without a
city, and the not-found page a signed-out visitor gets for a members-only link."""

import pytest

from core.enums import Visibility
from tests.factories import make_event, make_project, make_question

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 30])
def test_suggestions_without_a_city_budget(
    login, network_coordinator, member, count, django_assert_num_queries
):
    for number in range(count):
        make_project(author=member, title=f"Project {number}")
    client = login(network_coordinator)

    with django_assert_num_queries(3):  # session, person, their cities
        response = client.get("/en/suggestions/")

    assert response.status_code == 200
    assert "ask to join" in response.content.decode().lower()


@pytest.mark.parametrize("count", [1, 30])
def test_members_only_link_for_a_visitor_budget(
    anonymous_client, member, count, django_assert_num_queries
):
    projects = [
        make_project(author=member, title=f"Private {n}", visibility=Visibility.MEMBERS)
        for n in range(count)
    ]

    with django_assert_num_queries(1):
        response = anonymous_client.get(projects[0].get_absolute_url())

    assert response.status_code == 404
    assert "/en/accounts/login/?next=" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/en/projects/no-such-project/", "/en/questions/no-such-question/", "/en/events/no-such/"],
)
def test_missing_address_for_a_visitor_costs_as_much_as_a_members_only_one(
    anonymous_client, path, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = anonymous_client.get(path)

    assert response.status_code == 404


def test_members_only_question_and_event_for_a_visitor_cost_one_query(
    anonymous_client, member, django_assert_num_queries
):
    question = make_question(author=member, visibility=Visibility.MEMBERS)
    event = make_event(visibility=Visibility.MEMBERS)

    with django_assert_num_queries(1):
        first = anonymous_client.get(question.get_absolute_url())
    with django_assert_num_queries(1):
        second = anonymous_client.get(event.get_absolute_url())

    assert (first.status_code, second.status_code) == (404, 404)
