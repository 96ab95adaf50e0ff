"""Signed-out visitors' pages from the cache: 0 queries on a hit, renewed by any change, and
never mixed with what members see."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from core import pagecache
from core.enums import Visibility
from projects.models import Project
from tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def page_keys() -> set[str]:
    """The visitors' page entries in the local-memory cache of the tests."""
    return {key for key in cache._cache if re.fullmatch(r":\d+:pages:[0-9a-f]{64}", key)}


GENERATION = pagecache.GENERATION_KEY


def projects_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("projects:list")


def test_a_visitors_second_request_costs_no_query(client, django_assert_num_queries):
    make_project(title="Green courtyards")
    first = client.get(projects_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(projects_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_headers_of_the_outer_middleware_are_on_a_hit_too(client):
    client.get(projects_url())
    hit = client.get(projects_url())
    assert hit["X-Page-Cache"] == "hit"
    assert "Content-Security-Policy" in hit
    assert hit["X-Frame-Options"] == "DENY"


def test_each_language_and_query_has_its_own_page(client):
    make_project(title="Green courtyards")
    english = client.get(projects_url("en"))
    french = client.get(projects_url("fr"))
    filtered = client.get(projects_url("en") + "?status=completed")
    assert french["X-Page-Cache"] == "miss" and filtered["X-Page-Cache"] == "miss"
    assert client.get(projects_url("fr")).content == french.content
    assert french.content != english.content
    assert b"Green courtyards" not in client.get(projects_url("en") + "?status=completed").content


def test_a_new_project_appears_at_once(client, django_capture_on_commit_callbacks):
    client.get(projects_url())
    assert client.get(projects_url())["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_project(title="A brand new square")
    response = client.get(projects_url())
    assert response["X-Page-Cache"] == "miss"
    assert b"A brand new square" in response.content


def test_an_edited_project_shows_its_new_title_at_once(client, django_capture_on_commit_callbacks):
    project = make_project(title="Old title")
    url = project.get_absolute_url()
    assert b"Old title" in client.get(url).content
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        project.title = "New title"
        project.save()
    assert b"New title" in client.get(url).content


def test_a_change_to_tags_renews_pages(django_capture_on_commit_callbacks):
    project = make_project()
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        project.tags.add("rain gardens")
    assert pagecache.generation() > before


def test_a_rolled_back_write_keeps_the_pages(django_capture_on_commit_callbacks):
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_project()
    # The callbacks were never run: as after a rollback, nothing changed.
    assert callbacks and pagecache.generation() == before


def test_a_sign_in_stamp_does_not_renew_pages(member, django_capture_on_commit_callbacks):
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        member.save(update_fields=["last_login"])
    assert pagecache.generation() == before
    with django_capture_on_commit_callbacks(execute=True):
        member.full_name = "Yann Renamed"
        member.save(update_fields=["full_name"])
    assert pagecache.generation() > before


def test_a_members_only_title_never_reaches_the_visitors_cache(client, member, login):
    make_project(title="Members only depot plan", visibility=Visibility.MEMBERS)
    make_project(title="Public square plan")
    signed_in = login(member)
    member_page = signed_in.get(projects_url())
    assert b"Members only depot plan" in member_page.content
    # What the member saw was not stored, and is not served to a visitor.
    assert page_keys() == set()
    visitor_page = client.get(projects_url())
    assert b"Public square plan" in visitor_page.content
    assert b"Members only depot plan" not in visitor_page.content
    assert visitor_page["X-Page-Cache"] == "miss"
    for key in page_keys():
        assert b"Members only depot plan" not in cache.get(key.split(":", 2)[2])[1]


def test_members_never_get_the_visitors_page(client, member, login):
    make_project(title="Members only depot plan", visibility=Visibility.MEMBERS)
    client.get(projects_url())
    assert client.get(projects_url())["X-Page-Cache"] == "hit"
    response = login(member).get(projects_url())
    assert not response.has_header("X-Page-Cache")
    assert b"Members only depot plan" in response.content
    assert b"Sign out" in response.content


def test_pages_that_are_not_public_pages_are_not_stored(client):
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert not response.has_header("X-Page-Cache")
    assert page_keys() == set()


def test_missing_pages_and_members_only_pages_are_not_stored(client):
    project = make_project(visibility=Visibility.MEMBERS)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get("/en/projects/no-such-project/").status_code == 404
    assert page_keys() == set()


def test_a_visitor_with_messages_gets_a_fresh_page(client):
    client.get(projects_url())
    client.cookies["messages"] = "pending"
    assert not client.get(projects_url()).has_header("X-Page-Cache")


def test_the_cache_is_off_at_zero_seconds(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(projects_url())
    assert not client.get(projects_url()).has_header("X-Page-Cache")
    assert page_keys() == set()


@pytest.mark.parametrize(
    "name,args",
    [
        ("home", []),
        ("projects:list", []),
        ("search", []),
        ("cities:list", []),
        ("themes:list", []),
        ("events:list", []),
        ("questions:list", []),
    ],
)
def test_every_main_page_is_served_from_the_cache(client, django_assert_num_queries, name, args):
    make_project()
    url = reverse(name, args=args)
    assert client.get(url)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_project_deleted_through_queryset_update_needs_content_changed(
    client, django_capture_on_commit_callbacks
):
    project = make_project(title="Soon gone")
    client.get(projects_url())
    with django_capture_on_commit_callbacks(execute=True):
        Project.objects.filter(pk=project.pk).update(title="Renamed quietly")
        pagecache.content_changed()
    assert b"Renamed quietly" in client.get(projects_url()).content
