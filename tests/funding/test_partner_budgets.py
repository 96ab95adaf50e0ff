"""Every partner page, and every page showing partner searches, runs a fixed number of queries:
with 1 search, answer or interest as with 200."""

import re

import pytest
from django.template import Context, Template

from funding.enums import InterestLevel
from funding.models import FundingCall
from tests.budgets import warm_content_types
from tests.factories import make_project
from tests.factories.partners import (
    bulk_cities,
    bulk_interests,
    bulk_replies,
    bulk_searches,
    make_grille,
    make_interest,
    make_open_call,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card partner-card">')


@pytest.fixture
def call(db):
    return make_open_call()


@pytest.fixture
def grille(member):
    return make_grille(member)


@pytest.fixture(params=[1, 200], ids=["1", "200"])
def size(request):
    return request.param


def cards(html: str) -> int:
    return len(CARD.findall(html))


def test_partner_list_budget(member_client, member, call, grille, size, django_assert_num_queries):
    searches = bulk_searches(size, author=member, call=call, project=grille)
    bulk_replies(searches[0], bulk_cities(3))
    warm_content_types()

    # Session, user, memberships; the choices of the call, theme and city filters; the count,
    # the page of searches (with their cities, calls, projects and answer counts), the titles
    # of their calls and projects in the reader's language.
    with django_assert_num_queries(9):
        response = member_client.get("/en/partners/")

    html = response.content.decode()
    assert cards(html) == min(size, 20)
    assert f"{size} open partner search" in html


def test_partner_list_budget_with_every_filter(
    member_client, member, call, grille, size, django_assert_num_queries
):
    bulk_searches(size, author=member, call=call, project=grille)
    warm_content_types()
    query = f"call={call.slug}&theme=public-spaces&city=saint-brieuc&country=FR"

    # The filter values read by slug (call, theme, city) before the same queries.
    with django_assert_num_queries(12):
        response = member_client.get(f"/en/partners/?{query}")

    assert cards(response.content.decode()) == min(size, 20)


def test_partner_detail_budget(
    login, other_city_member, member, call, grille, size, django_assert_num_queries
):
    (search,) = bulk_searches(1, author=member, call=call, project=grille)
    bulk_replies(search, bulk_cities(size), author=member)
    warm_content_types()
    client = login(other_city_member)

    # Session, user, memberships; the search with its city, author, call and project; its
    # answers with their cities and authors; the titles shown; the reply form's cities.
    with django_assert_num_queries(7):
        response = client.get(f"/en/partners/{search.pk}/")

    html = response.content.decode()
    assert html.count('<article class="comment" id="reply-') == size
    assert 'action="/en/partners/' in html


def test_partner_new_budget(member_client, call, grille, django_assert_num_queries):
    warm_content_types()

    # Session, user, memberships; the call and project asked for, the first city; the choices
    # of cities, calls and projects.
    with django_assert_num_queries(9):
        response = member_client.get(f"/en/partners/new/?call={call.slug}")

    assert response.status_code == 200


def partner_data(call, grille, member, size):
    """``size`` interested cities (one naming place de la Grille, the others French cities that
    named no project) and ``size`` open searches for the call; a Swedish peer to suggest."""
    make_interest(call=call, city="saint-brieuc", level=InterestLevel.LEAD, projects=(grille,))
    bulk_interests(call, bulk_cities(size - 1, country="FR"))
    bulk_searches(size, author=member, call=call, project=grille)
    return make_project(city="gothenburg", title="Temporary installation")


def test_call_page_partner_part_budget(
    member_client, member, call, grille, size, django_assert_num_queries
):
    """The call's page as a member, with its network part."""
    peer = partner_data(call, grille, member, size)
    warm_content_types()

    # The call's own page: session, user, the call, its themes, goals and deadlines, its
    # translation, the coordinators' group (may edit?), and the partner sheets' part (two). The
    # network part: see test_call_partners_tag_budget; the cities that named no project add
    # the stored matches of their projects taken together (one query, once there are some).
    with django_assert_num_queries(20 if size == 1 else 21):
        response = member_client.get(call.get_absolute_url())

    html = response.content.decode()
    section = html[html.index('id="call-partners"') :]
    assert section.count('<li class="card partner-card">') == min(size, 10)
    assert peer.get_absolute_url() in section
    assert section.count("<strong><a href=") == size  # the interested cities


def test_call_partners_tag_budget(rf, member, call, grille, size, django_assert_num_queries):
    """The network part alone, ``{% call_partners call %}`` rendered on its own."""
    peer = partner_data(call, grille, member, size)
    call = FundingCall.objects.prefetch_related("themes").get(pk=call.pk)  # as the page has it
    request = rf.get(call.get_absolute_url())
    request.user = member
    template = Template("{% load partner_tags %}{% call_partners call %}")
    warm_content_types()

    # The reader's cities; the interests and their projects (two); the stored peer matches of
    # the projects named (and of the cities that named none, once there are some); the newest
    # projects on the call's themes and their themes; the titles shown; the open searches and
    # their titles; the interest form's projects (its one city is a hidden value).
    with django_assert_num_queries(10 if size == 1 else 11):
        html = template.render(Context({"call": call, "request": request}))

    assert html.count('<li class="card partner-card">') == min(size, 10)
    assert peer.get_absolute_url() in html
    assert 'name="level" value="lead"' in html


def test_project_page_budget_with_partner_searches(
    member_client, member, call, grille, size, django_assert_num_queries
):
    bulk_searches(size, author=member, call=call, project=grille)
    warm_content_types()

    # The project's page (tests/projects/test_project_query_budgets.py), with the open searches
    # about the project and the titles of their calls and project: two queries (one when there
    # is no search).
    with django_assert_num_queries(21):
        response = member_client.get(grille.get_absolute_url())

    html = response.content.decode()
    assert cards(html) == min(size, 6)
    assert f'href="/en/partners/new/?project={grille.slug}"' in html


def test_city_page_budget_with_partner_searches(
    member_client, member, call, grille, size, django_assert_num_queries
):
    bulk_searches(size, author=member, call=call)
    warm_content_types()

    # The city's page (tests/cities/test_city_views.py), with the city's open searches and the
    # titles of their calls: two queries (one when there is no search).
    with django_assert_num_queries(16):
        response = member_client.get("/en/cities/saint-brieuc/")

    html = response.content.decode()
    assert cards(html) == min(size, 6)
    assert 'href="/en/partners/?city=saint-brieuc"' in html


@pytest.mark.parametrize("path", ["/en/projects/place-de-la-grille/", "/en/cities/saint-brieuc/"])
def test_visitors_pages_run_no_partner_query(
    anonymous_client, member, call, grille, path, django_assert_max_num_queries
):
    bulk_searches(3, author=member, call=call, project=grille)
    warm_content_types()

    with django_assert_max_num_queries(50) as context:
        response = anonymous_client.get(path)

    assert not [q for q in context.captured_queries if "funding_" in q["sql"]]
    assert cards(response.content.decode()) == 0
    assert "Bulk search" not in response.content.decode()


def test_visitors_call_page_runs_no_partner_query(
    anonymous_client, member, call, grille, django_assert_max_num_queries
):
    make_interest(call=call, city="saint-brieuc", projects=(grille,))
    bulk_searches(3, author=member, call=call, project=grille)
    warm_content_types()

    with django_assert_max_num_queries(50) as context:
        response = anonymous_client.get(call.get_absolute_url())

    partner_tables = ("funding_partnersearch", "funding_callinterest", "projects_projectmatch")
    assert not [
        q for q in context.captured_queries if any(table in q["sql"] for table in partner_tables)
    ]
    html = response.content.decode()
    assert "Sign in to see them" in html
    assert "Bulk search" not in html
    assert "Place de la Grille" not in html
