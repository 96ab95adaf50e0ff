"""No entry of the main menu leads the person who sees it to a 403 (or a 500): every link, for
every role; the suggestions page explains itself to people without a city of their own."""

import re

import pytest

from cities.enums import MembershipStatus
from tests.factories import make_membership, make_project, make_user

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "other_city_member",
    "city_coordinator",
    "network_coordinator",
    "staff",
    "superuser",
]
WITHOUT_A_CITY = ["outsider", "network_coordinator", "staff", "superuser"]
EXPLANATION = (
    "Suggestions are made for a member city: peer projects, open questions and people to meet "
    "in the other country. Ask to join your city, or open a city's page."
)


@pytest.fixture
def outsider(db):
    """Signed in, their request to join Saint-Brieuc still pending."""
    user = make_user(email="pat.pending@example.org", full_name="Pat Pending")
    make_membership(user=user, city="saint-brieuc", status=MembershipStatus.PENDING)
    return user


def menu_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.mark.parametrize("role", ROLES)
def test_main_menu_links_all_answer_for_each_role(login, user_for_role, role):
    make_project(title="Place de la Grille")
    client = login(user_for_role(role))
    links = menu_links(client.get("/en/").content.decode())

    answers = {link: client.get(link).status_code for link in links}

    assert "/en/projects/" in links
    assert ("/en/suggestions/" in links) is (role != "anonymous")
    assert answers == dict.fromkeys(links, 200)


@pytest.mark.parametrize("role", WITHOUT_A_CITY)
def test_suggestions_without_a_city_say_how_to_get_them(login, user_for_role, role):
    response = login(user_for_role(role)).get("/en/suggestions/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Suggestions</h1>" in page
    assert EXPLANATION in page
    assert '<a href="/en/accounts/membership/">Ask to join a city</a>' in page
    assert '<a href="/en/cities/">Member cities</a>' in page
