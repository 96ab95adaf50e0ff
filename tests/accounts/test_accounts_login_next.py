"""allauth's sign-in keeps its own check of ``next``: never off-site after signing in."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "next_page", ["https://evil.example", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_login_with_an_off_site_next_lands_on_the_home_page(client, member, next_page):
    response = client.post(
        f"/en/accounts/login/?next={next_page}",
        {"login": member.email, "password": PASSWORD, "next": next_page},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_login_with_a_local_next_goes_back_there(client, member):
    response = client.post(
        "/en/accounts/login/?next=/en/projects/",
        {"login": member.email, "password": PASSWORD, "next": "/en/projects/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/projects/"


def test_login_with_a_next_in_the_query_string_only_goes_back_there(client, member):
    response = client.post(
        "/en/accounts/login/?next=/en/questions/ask/",
        {"login": member.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/questions/ask/"


def test_login_page_carries_next_into_its_form(client):
    html = client.get("/fr/accounts/login/?next=/fr/projects/new/").content.decode()

    assert 'name="next" value="/fr/projects/new/"' in html


def test_login_without_next_lands_on_the_home_page_in_the_pages_language(client, member):
    response = client.post("/sv/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/sv/"
