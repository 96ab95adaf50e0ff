"""The project list's count and facets are counted once per change of the data, per kind of
reader (visitors, members), not on every request; searches rank a bounded set of matches."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import pagecache
from core.enums import Visibility
from projects import search as project_search
from projects import services, summaries, tasks
from projects.models import ListScope, ListSummary, Project
from projects.selectors import as_counts, count
from tests.factories import make_project

pytestmark = pytest.mark.django_db

URL = "/en/projects/"


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 300
    # The summaries, not the members' whole pages (tests/core/test_member_pagecache.py).
    settings.MEMBER_PAGE_CACHE_SECONDS = 0


def queries(client, url: str = URL) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_members_share_the_counts_until_the_data_changes(
    cached, member_client, django_capture_on_commit_callbacks
):
    make_project(title="Public plan")
    make_project(title="Members plan", visibility=Visibility.MEMBERS)
    queries(member_client, f"{URL}?status=planned")  # reads the tag translations, once
    first, page = queries(member_client)
    assert "2 projects" in page
    again, page = queries(member_client)
    # The stored summary's row (none yet), the one counting query, and the city and theme it
    # names (no goals or tags here).
    assert again == first - 4
    assert "2 projects" in page
    with django_capture_on_commit_callbacks(execute=True):
        make_project(title="Third plan")
    renewed, page = queries(member_client)
    # The change counted the list again (a task): the page reads the stored row and the
    # themes and cities it names, instead of counting.
    assert renewed == first - 4 + 3
    assert "3 projects" in page and "Third plan" in page


def test_visitors_and_members_do_not_share_counts(cached, member_client, client):
    make_project(title="Public plan")
    make_project(title="Members plan", visibility=Visibility.MEMBERS)
    assert "2 projects" in queries(member_client)[1]
    page = queries(client)[1]
    assert "1 project" in page and "2 projects" not in page
    assert "Members plan" not in page


def test_each_filter_has_its_own_counts(cached, member_client):
    make_project(title="Ongoing plan", status="ongoing")
    make_project(title="Done plan", status="completed")
    assert "2 projects" in queries(member_client)[1]
    page = queries(member_client, f"{URL}?status=completed")[1]
    assert "1 project" in page and "Done plan" in page and "Ongoing plan" not in page


def test_without_the_cache_every_request_counts(member_client):
    make_project()
    queries(member_client, f"{URL}?status=planned")  # reads the tag translations, once
    first = queries(member_client)[0]
    assert queries(member_client)[0] == first


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's")
def test_a_search_ranks_a_bounded_set_of_matches(member_client, monkeypatch):
    for number in range(5):
        make_project(title=f"Rain garden {number}", summary="Rain gardens along the streets.")
    make_project(title="Tram depot", summary="A depot for trams.")
    assert "5 projects" in queries(member_client, f"{URL}?q=rain")[1]
    monkeypatch.setattr(project_search, "SEARCH_CANDIDATES", 3)
    page = queries(member_client, f"{URL}?q=rain")[1]
    assert "3 projects" in page
    assert "Tram depot" not in page


# --- Summaries computed when projects change --------------------------------------------------


def stored(scope: str) -> ListSummary:
    return ListSummary.objects.get(scope=scope)


def test_a_refresh_stores_what_counting_finds_for_each_kind_of_reader():
    make_project(title="Public plan", themes=("public-spaces",), status="ongoing")
    make_project(title="Members plan", visibility=Visibility.MEMBERS, status="completed")
    summaries.refresh()
    for scope, projects in (
        (ListScope.PUBLIC, Project.objects.alive().filter(visibility=Visibility.PUBLIC)),
        (ListScope.MEMBERS, Project.objects.alive()),
    ):
        row = stored(scope)
        assert row.total == projects.count()
        assert row.counts == as_counts(count(projects))
    assert stored(ListScope.PUBLIC).counts["statuses"] == [["ongoing", 1]]


def test_the_list_without_filters_reads_the_stored_summary(
    cached, member_client, django_assert_num_queries
):
    make_project(title="Public plan", sdgs=(11,), tags=("rain gardens",))
    summaries.refresh()
    ListSummary.objects.filter(scope=ListScope.MEMBERS).update(total=4321)
    queries(member_client, f"{URL}?status=planned")  # reads the tag translations, once
    # The row, then the themes, cities, goals and tags it names (instead of counting).
    first, page = queries(member_client)
    assert "4,321 projects" in page or "4321 projects" in page
    second, _page = queries(member_client)
    assert second == first - 5


def test_a_saved_project_counts_the_list_again_once_per_commit(
    cached, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    # As with a worker: the task runs later, after both changes queued it.
    monkeypatch.setattr(tasks.refresh_list_summaries, "delay", lambda: queued.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        make_project(title="First")
        make_project(title="Second")
    assert len(queued) == 1
    tasks.refresh_list_summaries()
    assert stored(ListScope.PUBLIC).total == 2
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        project = Project.objects.get(title="First")
        services.project_delete(project=project, user=None)
    assert len(queued) == 2
    tasks.refresh_list_summaries()
    assert stored(ListScope.PUBLIC).total == 1
    assert pagecache.generation() > before


def test_no_refresh_is_queued_while_the_cache_is_off(
    monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(tasks.refresh_list_summaries, "delay", lambda: queued.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        make_project()
    assert queued == []


def test_a_visitors_list_never_shows_the_members_summary(cached, client, member_client):
    make_project(title="Public plan")
    make_project(title="Members plan", visibility=Visibility.MEMBERS)
    summaries.refresh()
    assert "1 project" in queries(client)[1]
    assert "2 projects" in queries(member_client)[1]


def test_the_command_refreshes_and_says_what_it_counted(capsys):
    make_project()
    call_command("refresh_list_summaries")
    assert "public: 1 projects" in capsys.readouterr().out
    assert stored(ListScope.MEMBERS).total == 1
