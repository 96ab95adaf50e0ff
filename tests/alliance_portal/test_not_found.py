"""A members-only page (project, question, event) or a draft, opened signed out: a 404 that says
the page does not exist or is for members, with a sign-in link back — the very page a missing
address gets, so that it reveals nothing. Signed-in non-members keep the plain 404."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from cities.enums import MembershipStatus
from core.enums import Visibility
from events.enums import EventState
from tests.factories import make_event, make_membership, make_project, make_question, make_user

pytestmark = pytest.mark.django_db

FOR_MEMBERS = "This page does not exist, or it is for members of the network: sign in to see it."
HIDDEN, ABSENT = "members-only-slug", "no-such-slug-at-all"
PLAIN = "The page you asked for does not exist, or you cannot see it."


def hidden_page(kind: str) -> str:
    """The path of something that exists but that a signed-out visitor may not see."""
    if kind == "project":
        return make_project(slug=HIDDEN, visibility=Visibility.MEMBERS).get_absolute_url()
    if kind == "question":
        return make_question(slug=HIDDEN, visibility=Visibility.MEMBERS).get_absolute_url()
    if kind == "members_event":
        return make_event(slug=HIDDEN, visibility=Visibility.MEMBERS).get_absolute_url()
    return make_event(slug=HIDDEN, state=EventState.DRAFT).get_absolute_url()


PAGES = {
    "project": "/en/projects/{}/",
    "question": "/en/questions/{}/",
    "members_event": "/en/events/{}/",
    "draft_event": "/en/events/{}/",
}


@pytest.mark.parametrize("kind", PAGES)
def test_not_found_signed_out_is_the_same_page_for_members_only_and_missing(anonymous_client, kind):
    existing = hidden_page(kind)
    missing = PAGES[kind].format(ABSENT)

    shown = anonymous_client.get(existing)
    absent = anonymous_client.get(missing)

    assert existing == PAGES[kind].format(HIDDEN)
    assert (shown.status_code, absent.status_code) == (404, 404)
    body = shown.content.decode()
    assert FOR_MEMBERS in body
    assert f'<a href="/en/accounts/login/?next={existing}">Sign in</a>' in body
    assert body.replace(HIDDEN, "SLUG") == absent.content.decode().replace(ABSENT, "SLUG")


def test_not_found_sign_in_link_brings_the_visitor_back(anonymous_client, member):
    path = hidden_page("project")
    link = f"/en/accounts/login/?next={path}"
    assert link in anonymous_client.get(path).content.decode()

    response = anonymous_client.post(
        link, {"login": member.email, "password": "a-long-test-passphrase-42", "next": path}
    )

    assert response["Location"] == path
    assert anonymous_client.get(path).status_code == 200


def test_not_found_sign_in_link_quotes_the_path(anonymous_client):
    response = anonymous_client.get("/en/projects/café&x=1/")

    assert response.status_code == 404
    assert "/en/accounts/login/?next=/en/projects/caf%C3%A9%26x%3D1/" in response.content.decode()


def test_not_found_of_an_unsafe_path_links_to_sign_in_without_next():
    request = RequestFactory().get("/")
    request.path = "//evil.example/x"

    link = Template("{% load portal %}{% sign_in_url %}").render(Context({"request": request}))

    assert link == "/en/accounts/login/"


@pytest.mark.parametrize("kind", PAGES)
def test_not_found_for_a_signed_in_non_member_is_the_plain_page(login, kind):
    path = hidden_page(kind)
    person = make_user()
    make_membership(user=person, city="umea", status=MembershipStatus.PENDING)

    response = login(person).get(path)

    assert response.status_code == 404
    body = response.content.decode()
    assert PLAIN in body
    assert FOR_MEMBERS not in body
    assert "accounts/login/?next=" not in body
