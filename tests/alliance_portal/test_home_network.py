"""The home page: the network's map and what is happening in it, each reader seeing only
what they may read, in a fixed number of queries however much there is."""

import re

import pytest

from core.enums import Visibility
from tests.budgets import warm_content_types
from tests.factories.projects import make_comment, make_project
from tests.factories.questions import make_answer, make_question

pytestmark = pytest.mark.django_db


def activity(html: str) -> str:
    return html.split('<h2 id="recent-activity">')[1].split("</section>")[0]


def fill(size: int, member, other_city_member) -> None:
    """``size`` of each kind: public and members-only projects with comments, open questions
    with answers."""
    for number in range(size):
        public = make_project(author=member, title=f"Public square {number}")
        private = make_project(
            author=member, title=f"Members-only plan {number}", visibility=Visibility.MEMBERS
        )
        make_comment(project=public, author=other_city_member, body=f"On the square {number}")
        make_comment(project=private, author=other_city_member, body=f"On the plan {number}")
        question = make_question(author=member, title=f"How do you test a square {number}?")
        make_answer(question=question, author=other_city_member)
        hidden = make_question(
            author=member, title=f"Members-only question {number}", visibility=Visibility.MEMBERS
        )
        make_answer(question=hidden, author=other_city_member)


def test_home_shows_the_network_map_with_every_active_city(anonymous_client):
    html = anonymous_client.get("/en/").content.decode()

    network = html.split('<h2 id="network-heading">')[1].split("</section>")[0]
    assert '<title id="home-map-title">Map of the member cities in France and Sweden</title>' in (
        network
    )
    assert len(re.findall(r'class="map-city"', network)) == 10
    assert ">Gothenburg</text>" in network and ">Borås</text>" in network


@pytest.mark.parametrize("size", [1, 8], ids=["1-of-each", "8-of-each"])
def test_home_query_budget_for_visitors_holds_with_many_items(
    anonymous_client, member, other_city_member, size, django_assert_num_queries
):
    fill(size, member, other_city_member)
    warm_content_types()

    # cities, recent answers, latest projects (+ themes, translations), upcoming events,
    # open questions (+ themes, translations), themes
    with django_assert_num_queries(10):
        response = anonymous_client.get("/en/")

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 8], ids=["1-of-each", "8-of-each"])
def test_home_query_budget_for_members_holds_with_many_items(
    member_client, member, other_city_member, size, django_assert_num_queries
):
    fill(size, member, other_city_member)
    warm_content_types()

    # session, user, cities, memberships, coordinators group, recent comments, recent answers,
    # latest projects (+ themes, translations), upcoming events, open questions (+ themes,
    # translations), themes
    with django_assert_num_queries(15):
        response = member_client.get("/en/")

    assert response.status_code == 200


def test_home_activity_shows_visitors_no_comment_and_nothing_members_only(
    anonymous_client, member, other_city_member
):
    fill(2, member, other_city_member)

    html = anonymous_client.get("/en/").content.decode()

    shown = activity(html)
    assert "Gothenburg answered" in shown
    assert "How do you test a square 1?" in shown
    assert "Members-only" not in html
    assert "commented on" not in shown


def test_home_activity_shows_members_the_comments_they_may_read(
    member_client, member, other_city_member
):
    fill(1, member, other_city_member)

    shown = activity(member_client.get("/en/").content.decode())

    assert "Sofia Gothenburg commented on" in shown
    assert ">Public square 0</a>" in shown
    assert ">Members-only plan 0</a>" in shown
    assert "Members-only question 0" in shown


def test_home_lists_open_questions_only(anonymous_client, member):
    make_question(author=member, title="Still open?")
    make_question(author=member, title="Already settled", closed=True)

    html = anonymous_client.get("/en/").content.decode()

    questions = html.split('<h2 id="open-questions">')[1].split("</section>")[0]
    assert "Still open?" in questions
    assert "Already settled" not in questions
