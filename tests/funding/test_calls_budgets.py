"""The call pages run a fixed number of queries, with 1 call as with 200, and a call page with 1
deadline as with 20, for visitors and for members.

The network part of the call page (``{% call_partners %}``, ``{% sheet_links %}``) is left out
here (``network_part_stubbed``): its own tests count what it adds.

List: the filter form's themes (1), the counts per status (1), the page of calls (1), their
themes (1), deadlines (1) and translations (1). A signed-in reader adds the session and the
user (2), and whether they may record a call: the rule reads their groups (1), and for who is
not a coordinator Django's own permission tables are asked too (2). A theme filter adds the
theme's look-up (1).

Call page: the call (1), its themes, goals and deadlines (3), its translations (1); a signed-in
reader adds the session and the user (2), whether they coordinate (their groups, 1) and the
translation note's rules (their memberships, 1).

iCalendar: the calls (1), their deadlines (1) and translations (1); one call's file the same.
"""

import re

import pytest

from tests.budgets import warm_content_types
from tests.factories.funding import bulk_calls, in_days, make_call, network_part_stubbed

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<li class="card call-card">')


@pytest.fixture(autouse=True)
def _prepared():
    warm_content_types()
    with network_part_stubbed():
        yield


@pytest.fixture(params=[1, 200], ids=["1-call", "200-calls"])
def calls(request):
    size = request.param
    make_call(
        title="URBACT example call", deadlines=(in_days(5), in_days(40)), themes=("public-spaces",)
    )
    if size > 1:
        bulk_calls(size - 1, deadlines_each=3)
    return size


@pytest.fixture(params=[1, 20], ids=["1-deadline", "20-deadlines"])
def call(request):
    return make_call(
        title="URBACT example call",
        deadlines=tuple(in_days(7 * week + 1) for week in range(request.param)),
        themes=("public-spaces", "innovation"),
        sdgs=(11, 13),
    )


def cards(response) -> int:
    assert response.status_code == 200
    return len(CARD.findall(response.content.decode()))


# --- List ----------------------------------------------------------------------------------


def test_call_list_budget_anonymous(anonymous_client, calls, django_assert_num_queries):
    with django_assert_num_queries(6):
        response = anonymous_client.get("/en/calls/")

    assert cards(response) == min(calls, 20)


def test_call_list_budget_member(member_client, calls, django_assert_num_queries):
    with django_assert_num_queries(11):
        response = member_client.get("/en/calls/")

    assert cards(response) == min(calls, 20)


def test_call_list_budget_with_every_filter(anonymous_client, calls, django_assert_num_queries):
    query = "programme=urbact&theme=public-spaces&country=FR&status=open&page=1"

    with django_assert_num_queries(7):
        response = anonymous_client.get(f"/en/calls/?{query}")

    assert cards(response) >= 1
    assert 'class="errorlist"' not in response.content.decode()


def test_call_list_budget_coordinator(login, network_coordinator, calls, django_assert_num_queries):
    client = login(network_coordinator)

    with django_assert_num_queries(9):
        response = client.get("/en/calls/")

    assert 'href="/en/calls/new/"' in response.content.decode()


def test_call_list_budget_second_page(anonymous_client, calls, django_assert_num_queries):
    with django_assert_num_queries(6):
        response = anonymous_client.get("/en/calls/?page=2")

    assert cards(response) == (20 if calls > 20 else calls)


# --- Call page -----------------------------------------------------------------------------


def test_call_page_budget_anonymous(anonymous_client, call, django_assert_num_queries):
    with django_assert_num_queries(5):
        response = anonymous_client.get(f"/en/calls/{call.slug}/")

    assert response.status_code == 200
    assert response.content.decode().count('<span class="deadline-when">') == call.deadlines.count()


def test_call_page_budget_member(member_client, call, django_assert_num_queries):
    with django_assert_num_queries(9):
        response = member_client.get(f"/en/calls/{call.slug}/")

    assert response.status_code == 200


def test_call_page_budget_coordinator(login, network_coordinator, call, django_assert_num_queries):
    client = login(network_coordinator)

    with django_assert_num_queries(9):
        response = client.get(f"/en/calls/{call.slug}/")

    assert 'href="/en/calls/urbact-example-call/edit/"' in response.content.decode()


# --- Feeds ---------------------------------------------------------------------------------


def test_deadline_feed_budget(anonymous_client, calls, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = anonymous_client.get("/en/calls/deadlines.ics")

    assert response.status_code == 200


def test_call_feed_budget(anonymous_client, call, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = anonymous_client.get(f"/en/calls/{call.slug}/deadlines.ics")

    assert response.status_code == 200
