"""The project list's count and facets are counted once per change of the data, per kind of
reader (visitors, members), not on every request; searches rank a bounded set of matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.enums import Visibility
from projects import search as project_search
from tests.factories import make_project

pytestmark = pytest.mark.django_db

URL = "/en/projects/"


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 300


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
    # The count and the six facets (themes, cities, countries, statuses, goals, tags).
    assert again == first - 7
    assert "2 projects" in page
    with django_capture_on_commit_callbacks(execute=True):
        make_project(title="Third plan")
    renewed, page = queries(member_client)
    assert renewed == first
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
