"""Signed-in members' pages from the cache: each session its own pages, 0 queries on a hit, and
renewed by whatever the member could see change (content, their own actions, what is done to
them, the end of their session)."""

import pytest
from django.contrib.messages import constants
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.enums import Visibility
from notifications import services as notifications
from notifications.enums import NotificationKind
from tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = settings.MEMBER_PAGE_CACHE_SECONDS = 300
    # As in production (sessions in the shared cache): reading the session costs no query.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"


def projects_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("projects:list")


def signed_in(user) -> Client:
    """A browser signed in as ``user`` that has its CSRF cookie (as after signing in)."""
    client = Client()
    client.force_login(user)
    first = client.get(reverse("home"))
    assert "csrftoken" in first.cookies and not first.has_header("X-Page-Cache")
    return client


def cached(client: Client, url: str):
    """Request ``url`` until it is stored, then return the next answer (a hit)."""
    assert client.get(url)["X-Page-Cache"] == "miss"
    return client.get(url)


def notify(person, actor=None) -> None:
    notifications.notify(
        kind=NotificationKind.NEW_PROJECT,
        actor=actor,
        title="A new square",
        url="/en/projects/",
        also=[person],
    )


def test_a_members_second_request_costs_no_query(member, django_assert_num_queries):
    make_project(title="Members only depot plan", visibility=Visibility.MEMBERS)
    browser = signed_in(member)
    first = browser.get(projects_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = browser.get(projects_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert b"Members only depot plan" in second.content
    assert second["Content-Language"] == "en"
    assert "Cookie" in second["Vary"]


def test_each_session_gets_only_its_own_pages(member, other_city_member):
    mine = signed_in(member)
    assert cached(mine, projects_url())["X-Page-Cache"] == "hit"
    theirs = signed_in(other_city_member)
    response = theirs.get(projects_url())
    assert response["X-Page-Cache"] == "miss"
    assert other_city_member.email.encode() not in mine.get(projects_url()).content
    # The same member in a second browser has pages of its own too.
    assert signed_in(member).get(projects_url())["X-Page-Cache"] == "miss"


def test_a_visitor_never_gets_a_members_page(member, client):
    make_project(title="Members only depot plan", visibility=Visibility.MEMBERS)
    assert b"Members only depot plan" in cached(signed_in(member), projects_url()).content
    for _ in range(2):
        response = client.get(projects_url())
        assert b"Members only depot plan" not in response.content
        assert b"/accounts/logout/" not in response.content


def test_a_page_made_for_another_csrf_cookie_is_not_served(member):
    browser = signed_in(member)
    assert cached(browser, projects_url())["X-Page-Cache"] == "hit"
    browser.cookies["csrftoken"] = "a" * 32
    assert browser.get(projects_url())["X-Page-Cache"] == "miss"


def test_members_only_pages_are_stored_for_members(member, client):
    browser = signed_in(member)
    assert cached(browser, reverse("suggestions"))["X-Page-Cache"] == "hit"
    visitor = client.get(reverse("suggestions"))
    assert visitor.status_code == 302
    assert not visitor.has_header("X-Page-Cache")


def test_pages_not_marked_are_not_stored(member):
    browser = signed_in(member)
    for _ in range(2):
        response = browser.get(reverse("notifications:list"))
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")


def test_what_the_member_does_shows_at_once(member):
    project = make_project(title="Green courtyards")
    browser = signed_in(member)
    url = project.get_absolute_url()
    assert b"You follow this" not in cached(browser, url).content
    follow = browser.post(
        reverse("notifications:follow"),
        {"kind": "project", "id": project.pk, "operation": "follow", "next": url},
    )
    assert follow.status_code == 302
    # The message is shown on a page of its own, never stored...
    with_message = browser.get(url)
    assert not with_message.has_header("X-Page-Cache")
    assert "Green courtyards" in [m.message for m in with_message.context["messages"]][0]
    # ...and the next page knows the member follows the project.
    after = browser.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert b'name="operation" value="unfollow"' in after.content
    assert browser.get(url)["X-Page-Cache"] == "hit"


def test_a_new_notification_shows_in_the_header_at_once(
    member, other_city_member, django_capture_on_commit_callbacks
):
    browser = signed_in(member)
    assert b"count-badge" not in cached(browser, projects_url()).content
    with django_capture_on_commit_callbacks(execute=True):
        notify(member, actor=other_city_member)
    response = browser.get(projects_url())
    assert response["X-Page-Cache"] == "miss"
    assert b'<span class="count-badge">1<' in response.content


def test_another_notified_member_keeps_nothing_stale(
    member, other_city_member, django_capture_on_commit_callbacks
):
    mine, theirs = signed_in(member), signed_in(other_city_member)
    cached(mine, projects_url())
    cached(theirs, projects_url())
    with django_capture_on_commit_callbacks(execute=True):
        notify(member)
    assert mine.get(projects_url())["X-Page-Cache"] == "miss"
    assert theirs.get(projects_url())["X-Page-Cache"] == "hit"


def test_anothers_change_to_content_shows_at_once(member, django_capture_on_commit_callbacks):
    project = make_project(title="Old title")
    browser = signed_in(member)
    assert b"Old title" in cached(browser, projects_url()).content
    with django_capture_on_commit_callbacks(execute=True):
        project.title = "New title"
        project.save()
    response = browser.get(projects_url())
    assert response["X-Page-Cache"] == "miss"
    assert b"New title" in response.content


def test_a_session_signed_out_elsewhere_gets_no_member_page(member):
    browser = signed_in(member)
    cached(browser, projects_url())
    # The same session cookie in a second place (a stolen copy, another tab)...
    copy = Client()
    copy.cookies = browser.cookies.__class__(browser.cookies)
    assert copy.get(projects_url())["X-Page-Cache"] == "hit"
    # ...gets nothing of the member once the session is signed out.
    assert browser.post(reverse("account_logout")).status_code == 302
    response = copy.get(projects_url())
    assert b"/accounts/logout/" not in response.content
    assert response.get("X-Page-Cache") != "hit"


def test_a_new_password_signs_out_the_other_sessions(member, django_capture_on_commit_callbacks):
    other_browser = signed_in(member)
    assert cached(other_browser, projects_url())["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        member.set_password("A new and long passphrase 2026")
        member.save()
    response = other_browser.get(projects_url())
    assert b"/accounts/logout/" not in response.content


def test_a_deactivated_member_gets_no_member_page(member, django_capture_on_commit_callbacks):
    browser = signed_in(member)
    cached(browser, projects_url())
    with django_capture_on_commit_callbacks(execute=True):
        member.is_active = False
        member.save()
    assert b"/accounts/logout/" not in browser.get(projects_url()).content


def test_a_member_with_pending_messages_gets_a_fresh_page(member):
    browser = signed_in(member)
    cached(browser, projects_url())
    session = browser.session
    session["_messages"] = f'[["__json_message",0,{constants.SUCCESS},"Saved"]]'
    session.save()
    assert not browser.get(projects_url()).has_header("X-Page-Cache")


@pytest.mark.parametrize("setting", ["PAGE_CACHE_SECONDS", "MEMBER_PAGE_CACHE_SECONDS"])
def test_the_member_cache_is_off_at_zero_seconds(member, settings, setting):
    setattr(settings, setting, 0)
    browser = signed_in(member)
    for _ in range(2):
        assert not browser.get(projects_url()).has_header("X-Page-Cache")
