"""Every methods page runs a fixed number of queries, with 1 method (or use, or revision) as
with 200: the exact counts, measured once the content types are cached (``warm_content_types``)."""

import re

import pytest

from methods.models import MethodRevision
from projects.models import ProjectMethod
from tests.budgets import warm_content_types
from tests.factories import bulk_projects
from tests.factories.methods import (
    bulk_methods,
    make_method,
    make_method_document,
    make_method_use,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card method-card">')
USE = re.compile(r'<li class="card" id="use-\d+">')
REVISION = re.compile(r'<li id="revision-\d+" class="card">')


@pytest.fixture(params=[1, 200], ids=["1-method", "200-methods"])
def methods(request, member):
    """``size`` methods, each used by two projects (one of them members-only)."""
    found = bulk_methods(request.param)
    projects = bulk_projects(2)
    projects[1].visibility = "members"
    projects[1].save(update_fields=["visibility"])
    ProjectMethod.objects.bulk_create(
        ProjectMethod(project=project, method=method) for method in found for project in projects
    )
    warm_content_types()
    return found


@pytest.fixture(params=[1, 200], ids=["1-use", "200-uses"])
def used(request, member):
    """A method with two attachments, two tags, and ``size`` uses by projects of two cities."""
    method = make_method(author=member, title="Safety walk", tags=("gender", "night"))
    make_method_document(method=method, title="Route", is_template=True)
    make_method_document(method=method, title="Report")
    projects = bulk_projects(request.param, cities=("saint-brieuc", "gothenburg"))
    ProjectMethod.objects.bulk_create(
        ProjectMethod(project=project, method=method, account=f"Account {project.pk}")
        for project in projects
    )
    warm_content_types()
    return method, request.param


# --- List -------------------------------------------------------------------------------------


def test_method_list_budget_anonymous(anonymous_client, methods, django_assert_num_queries):
    # The filters' themes and cities (two), the count, the page with its use counts (a
    # subquery), its themes, its translations.
    with django_assert_num_queries(6):
        response = anonymous_client.get("/en/methods/")

    html = response.content.decode()
    assert len(CARD.findall(html)) == min(len(methods), 24)
    assert html.count("Used in 1 project\n") == min(len(methods), 24)  # public projects only


def test_method_list_budget_member(member_client, methods, django_assert_num_queries):
    # The session and the member (two), their cities (one: they read members-only methods,
    # no need to ask for more), then the same six as for a visitor.
    with django_assert_num_queries(9):
        response = member_client.get("/en/methods/")

    html = response.content.decode()
    assert len(CARD.findall(html)) == min(len(methods), 24)
    assert html.count("Used in 2 projects") == min(len(methods), 24)


def test_method_list_budget_with_every_filter(anonymous_client, methods, django_assert_num_queries):
    query = "q=bulk&kind=method&theme=public-spaces&city=saint-brieuc"

    # The theme and the city named (two), then the six of the list: the filters on themes,
    # translations and uses are subqueries of the count and of the page.
    with django_assert_num_queries(8):
        response = anonymous_client.get(f"/en/methods/?{query}")

    html = response.content.decode()
    assert 'class="errorlist"' not in html
    assert len(CARD.findall(html)) == min(len(methods), 24)


def test_method_list_budget_with_a_tag(anonymous_client, methods, django_assert_num_queries):
    # The filters' themes and cities, the tag translations (once per version), the count;
    # nothing matches: no page to read.
    with django_assert_num_queries(4):
        response = anonymous_client.get("/en/methods/?tag=gender")

    assert "No method matches these filters." in response.content.decode()


# --- Detail -----------------------------------------------------------------------------------


def test_method_detail_budget_anonymous(anonymous_client, used, django_assert_num_queries):
    method, size = used

    # The method with its city and author, its themes, tags and attachments (four), its
    # translations, the tag translations (once per version), the uses with their projects and
    # cities, the projects' translations.
    with django_assert_num_queries(8):
        response = anonymous_client.get(method.get_absolute_url())

    html = response.content.decode()
    assert len(USE.findall(html)) == size
    assert html.count("download>") == 2


def test_method_detail_budget_member(member_client, used, django_assert_num_queries):
    method, size = used

    # The session, the member, their cities and the coordinators' group (four), the eight of a
    # visitor, and whether the member has a project to say "we used it in…" (one).
    with django_assert_num_queries(13):
        response = member_client.get(method.get_absolute_url())

    html = response.content.decode()
    assert len(USE.findall(html)) == size
    assert "We used it in…" in html


def test_method_detail_budget_without_uses(anonymous_client, member, django_assert_num_queries):
    method = make_method(author=member)
    warm_content_types()

    # No use: no translations of projects to read.
    with django_assert_num_queries(6):
        response = anonymous_client.get(method.get_absolute_url())

    assert "No project says yet that it used this method." in response.content.decode()


# --- History, forms ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 200], ids=["1-revision", "200-revisions"])
def test_method_history_budget(member_client, member, size, django_assert_num_queries):
    method = make_method(author=member)
    MethodRevision.objects.bulk_create(
        MethodRevision(
            method=method,
            number=number,
            author=member,
            snapshot={"title": f"Title {number}", "themes": [1, 2] if number % 2 else [1]},
            changed_fields=["title", "themes"],
        )
        for number in range(2, size + 1)
    )
    warm_content_types()

    # The session, the member (two), the method, the count, the page of revisions with their
    # authors, the revisions before them, the themes they name, the translations' history.
    with django_assert_num_queries(8):
        response = member_client.get(f"/en/methods/{method.slug}/history/")

    assert len(REVISION.findall(response.content.decode())) == min(size, 20)


def test_method_new_budget(member_client, django_assert_num_queries):
    warm_content_types()

    # The session, the member, their cities, the coordinators' group; the form's cities and
    # themes.
    with django_assert_num_queries(6):
        response = member_client.get("/en/methods/new/")

    assert response.status_code == 200


def test_method_edit_budget(member_client, used, django_assert_num_queries):
    method, _size = used

    # The session, the member, the method, the member's cities; the method's themes, tags and
    # attachment titles (for its version), the form's city and themes, its attachment rows.
    with django_assert_num_queries(10):
        response = member_client.get(f"/en/methods/{method.slug}/edit/")

    assert response.status_code == 200


def test_use_form_budget(member_client, used, django_assert_num_queries):
    method, _size = used

    # The session, the member, the method, the member's cities and the coordinators' group,
    # whether they have a project, then the projects to choose from.
    with django_assert_num_queries(7):
        response = member_client.get(f"/en/methods/{method.slug}/uses/new/")

    assert response.status_code == 200


def test_project_page_with_many_methods_budget(anonymous_client, member, django_assert_num_queries):
    """The project page's "Methods and tools used" costs two queries however many methods it
    used: the uses with their methods (shared with the peer matches), their translations."""
    project = bulk_projects(1)[0]
    for number in range(20):
        make_method_use(project=project, method=make_method(author=member, title=f"M {number:02d}"))
    warm_content_types()

    with django_assert_num_queries(15):
        response = anonymous_client.get(project.get_absolute_url())

    assert response.content.decode().count('id="method-use-') == 20
