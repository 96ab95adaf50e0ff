"""The partner pages and their POSTs: what each role may do, what bad input gets, and that
visitors see nothing of the network's part."""

import datetime
import re

import pytest
from django.utils import timezone

from cities.enums import MembershipRole
from funding.enums import InterestLevel
from funding.models import CallInterest, PartnerReply, PartnerSearch
from tests.factories import get_city, make_membership, make_project, make_user
from tests.factories.partners import (
    make_funding_call,
    make_grille,
    make_interest,
    make_open_call,
    make_outsider,
    make_reply,
    make_search,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(db):
    return make_open_call()


@pytest.fixture
def grille(member):
    return make_grille(member)


@pytest.fixture
def outsider(db):
    return make_outsider()


@pytest.fixture
def client_for(user_for_role, login):
    """``client_for("staff")``: a client signed in as that role (anonymous: not signed in)."""

    def _client(role: str):
        return login(user_for_role(role))

    return _client


ROLES = [
    "anonymous",
    "outsider",
    "other_city_member",
    "member",
    "city_coordinator",
    "network_coordinator",
    "staff",
]
# The city each approved member belongs to; the others have none.
OWN_CITY = {
    "member": "saint-brieuc",
    "city_coordinator": "saint-brieuc",
    "other_city_member": "gothenburg",
}
READERS = {"other_city_member", "member", "city_coordinator", "network_coordinator", "staff"}


@pytest.fixture
def search(call, grille, member):
    return make_search(
        call=call,
        project=grille,
        author=member,
        title="A Swedish city for the square",
        roles_sought="A partner city that tested temporary furniture.",
        description="We test **before** the works.",
    )


def assert_login_redirect(response, path: str):
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={path}"


def in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def search_data(**overrides) -> dict:
    data = {
        "city": str(get_city("saint-brieuc").pk),
        "call": "",
        "project": "",
        "title": "Partners for shared mobility hubs",
        "roles_sought": "Two Swedish cities testing hubs.",
        "countries": ["SE"],
        "closes_on": in_days(10),
        "description": "",
        "content_language": "en",
    }
    data.update(overrides)
    return data


# --- The list ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_partner_list_is_for_readers_of_members_content(client_for, search, role):
    response = client_for(role).get("/en/partners/")

    if role == "anonymous":
        assert_login_redirect(response, "/en/partners/")
    elif role in READERS:
        assert response.status_code == 200
        assert "A Swedish city for the square" in response.content.decode()
    else:
        assert response.status_code == 403
        assert "A Swedish city for the square" not in response.content.decode()


def test_partner_list_shows_open_searches_only(member_client, call, member):
    make_search(call=call, author=member, title="Open one")
    make_search(call=call, author=member, title="Closed one", closes_in=-1)
    closed_call = make_funding_call(days_left=-1)
    make_search(call=closed_call, author=member, title="Of a closed call")
    deleted = make_project(title="Gone")
    deleted.deleted_at = timezone.now()
    deleted.save(update_fields=["deleted_at"])
    make_search(project=deleted, author=member, title="Of a deleted project")

    html = member_client.get("/en/partners/").content.decode()

    assert "Open one" in html
    assert "1 open partner search" in html
    for title in ("Closed one", "Of a closed call", "Of a deleted project"):
        assert title not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("call=public-spaces-network", {"For the call"}),
        ("city=gothenburg", {"By Gothenburg"}),
        ("country=SE", {"By Gothenburg"}),
        ("country=FR", {"For the call", "For the project"}),
        ("theme=citizen-participation", {"For the project"}),
        ("theme=public-spaces", {"For the call", "For the project"}),
        ("call=no-such-call", {"For the call", "For the project", "By Gothenburg"}),
    ],
)
def test_partner_list_filters(
    member_client, call, grille, member, other_city_member, query, expected
):
    make_search(call=call, author=member, title="For the call")
    make_search(project=grille, author=member, title="For the project")
    other = make_funding_call(themes=("innovation",))
    make_search(call=other, city="gothenburg", author=other_city_member, title="By Gothenburg")

    html = member_client.get(f"/en/partners/?{query}").content.decode()

    shown = {
        title for title in ("For the call", "For the project", "By Gothenburg") if title in html
    }
    assert shown == expected


def test_partner_list_says_a_bad_filter_beside_it(member_client, search):
    html = member_client.get("/en/partners/?call=no-such-call").content.decode()

    assert "Choose one of the open calls listed." in html


# --- The detail page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status", "reply_form", "close_button"),
    [
        ("anonymous", 302, False, False),
        ("outsider", 404, False, False),
        ("other_city_member", 200, True, False),
        ("member", 200, False, True),
        ("city_coordinator", 200, False, True),
        ("network_coordinator", 200, False, True),
        ("staff", 200, False, True),
    ],
)
def test_partner_detail_by_role(client_for, search, role, status, reply_form, close_button):
    path = f"/en/partners/{search.pk}/"

    response = client_for(role).get(path)

    if role == "anonymous":
        assert_login_redirect(response, path)
        return
    assert response.status_code == status
    html = response.content.decode()
    assert (f'action="/en/partners/{search.pk}/reply/"' in html) is reply_form
    assert (f'action="/en/partners/{search.pk}/close/"' in html) is close_button
    if status == 200:
        assert '<h1 lang="en">A Swedish city for the square</h1>' in html
        assert "<strong>before</strong>" in html
        assert "Place de la Grille" in html


def test_partner_detail_of_an_unknown_search_is_404(member_client):
    assert member_client.get("/en/partners/999999/").status_code == 404


def test_partner_detail_of_a_deleted_project_search_is_404(member_client, search, grille):
    grille.deleted_at = timezone.now()
    grille.save(update_fields=["deleted_at"])

    assert member_client.get(f"/en/partners/{search.pk}/").status_code == 404


def test_partner_detail_shows_the_replies_and_no_form_once_answered(
    login, search, other_city_member
):
    make_reply(search=search, city="gothenburg", author=other_city_member, role="A test city")

    html = login(other_city_member).get(f"/en/partners/{search.pk}/").content.decode()

    assert "1 answer" in html
    assert "A test city" in html
    assert "/reply/" not in html


def test_partner_detail_of_a_closed_search_offers_no_answer(login, call, member, other_city_member):
    closed = make_search(call=call, author=member, closes_in=-1)

    html = login(other_city_member).get(f"/en/partners/{closed.pk}/").content.decode()

    assert "it no longer takes answers" in html
    assert "/reply/" not in html


# --- Posting a search ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 403),
        ("other_city_member", 200),
        ("member", 200),
        ("city_coordinator", 200),
        ("network_coordinator", 403),
        ("staff", 403),
    ],
)
def test_partner_new_page_is_for_approved_members(client_for, role, status):
    response = client_for(role).get("/en/partners/new/")

    if role == "anonymous":
        assert_login_redirect(response, "/en/partners/new/")
    else:
        assert response.status_code == status


def test_partner_new_is_prefilled_from_the_query(member_client, call, grille):
    html = member_client.get(
        f"/en/partners/new/?call={call.slug}&project={grille.slug}"
    ).content.decode()

    assert re.search(rf'<option value="{call.pk}" selected>', html)
    assert re.search(rf'<option value="{grille.pk}" selected>', html)
    # A French project looks for Swedish partners first.
    assert re.search(r'value="SE"[^>]*checked', html)
    assert not re.search(r'value="FR"[^>]*checked', html)


def test_partner_new_ignores_a_project_of_another_city_and_a_closed_call(member_client):
    theirs = make_project(city="gothenburg")
    closed = make_funding_call(days_left=-1)

    response = member_client.get(f"/en/partners/new/?call={closed.slug}&project={theirs.slug}")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{theirs.pk}"' not in html
    assert f'value="{closed.pk}"' not in html


@pytest.mark.parametrize("role", ROLES)
def test_partner_new_posts_for_approved_members_only(client_for, call, role):
    city = OWN_CITY.get(role, "saint-brieuc")

    response = client_for(role).post(
        "/en/partners/new/", search_data(city=str(get_city(city).pk), call=str(call.pk))
    )

    if role in OWN_CITY:
        search = PartnerSearch.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/en/partners/{search.pk}/"
        assert (search.city.slug, search.wants_france, search.wants_sweden) == (city, False, True)
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert PartnerSearch.objects.count() == 0


def test_partner_new_refuses_another_city(member_client, call):
    response = member_client.post(
        "/en/partners/new/",
        search_data(city=str(get_city("gothenburg").pk), call=str(call.pk)),
    )

    assert response.status_code == 200
    assert "You can only look for partners for a city you are an approved member of." in (
        response.content.decode()
    )
    assert PartnerSearch.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "Say which call or which project you seek partners for."),
        ({"countries": []}, "Choose at least one country."),
        ({"closes_on": in_days(-1)}, "The closing date has passed: choose today or a later day."),
        ({"title": ""}, "This field is required."),
    ],
    ids=["no-subject", "no-country", "past", "no-title"],
)
def test_partner_new_says_what_is_wrong_and_saves_nothing(member_client, overrides, message):
    response = member_client.post("/en/partners/new/", search_data(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert message in html
    assert PartnerSearch.objects.count() == 0


def test_partner_new_refuses_a_date_after_the_call(member_client, call):
    response = member_client.post(
        "/en/partners/new/", search_data(call=str(call.pk), closes_on=in_days(90))
    )

    assert "Answers must be wanted by the call&#x27;s last deadline" in response.content.decode()
    assert PartnerSearch.objects.count() == 0


def test_partner_new_refuses_a_project_of_another_city(member_client, member):
    theirs = make_project(city="gothenburg")

    response = member_client.post("/en/partners/new/", search_data(project=str(theirs.pk)))

    assert "Choose one of your city&#x27;s projects." in response.content.decode()
    assert PartnerSearch.objects.count() == 0


def test_a_member_of_two_cities_posts_for_either(login, grille):
    both = make_user()
    make_membership(user=both, city="saint-brieuc")
    make_membership(user=both, city="gothenburg")
    client = login(both)
    html = client.get("/en/partners/new/").content.decode()

    response = client.post(
        "/en/partners/new/",
        search_data(city=str(get_city("gothenburg").pk), project="", call=""),
    )

    assert "Saint-Brieuc: Place de la Grille" in html
    assert response.status_code == 200  # no subject: the form says it
    response = client.post(
        "/en/partners/new/",
        search_data(city=str(get_city("saint-brieuc").pk), project=str(grille.pk)),
    )
    assert response.status_code == 302
    assert PartnerSearch.objects.get().city.slug == "saint-brieuc"


# --- Answering -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("other_city_member", 302),
        ("member", 302),
        ("city_coordinator", 302),
        ("network_coordinator", 403),
        ("staff", 403),
    ],
)
def test_partner_reply_is_for_members_of_another_city(client_for, search, role, status):
    response = client_for(role).post(
        f"/en/partners/{search.pk}/reply/",
        {"city": str(get_city(OWN_CITY.get(role, "gothenburg")).pk), "role": "Partner city"},
    )

    assert response.status_code == status
    replies = list(PartnerReply.objects.values_list("city__slug", flat=True))
    assert replies == (["gothenburg"] if role == "other_city_member" else [])
    if role == "other_city_member":
        assert response["Location"] == f"/en/partners/{search.pk}/#reply-{search.replies.get().pk}"
    elif role in ("member", "city_coordinator"):
        assert response["Location"] == f"/en/partners/{search.pk}/"


def test_partner_reply_for_the_posting_city_says_why(login, member, search):
    client = login(member)

    response = client.post(
        f"/en/partners/{search.pk}/reply/",
        {"city": str(get_city("saint-brieuc").pk), "role": "Us"},
        follow=True,
    )

    assert "Your own city posted this search: other cities answer it." in response.content.decode()
    assert PartnerReply.objects.count() == 0


def test_partner_reply_with_bad_input_is_400_with_the_form(login, other_city_member, search):
    response = login(other_city_member).post(
        f"/en/partners/{search.pk}/reply/", {"city": str(get_city("umea").pk), "role": ""}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "You can only answer for a city you are a member of, not the posting one." in html
    assert PartnerReply.objects.count() == 0


def test_partner_reply_a_second_time_says_so(login, other_city_member, search):
    make_reply(search=search, city="gothenburg")

    response = login(other_city_member).post(
        f"/en/partners/{search.pk}/reply/",
        {"city": str(get_city("gothenburg").pk), "role": "Again"},
        follow=True,
    )

    assert "Your city has already answered this search." in response.content.decode()
    assert PartnerReply.objects.count() == 1


def test_partner_reply_to_an_unknown_search_is_404(login, other_city_member):
    response = login(other_city_member).post("/en/partners/999999/reply/", {"role": "x"})

    assert response.status_code == 404


def test_partner_reply_answers_get_with_405(login, other_city_member, search):
    assert login(other_city_member).get(f"/en/partners/{search.pk}/reply/").status_code == 405


# --- Closing -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status", "closed"),
    [
        ("anonymous", 302, False),
        ("outsider", 404, False),
        ("other_city_member", 403, False),
        ("member", 302, True),
        ("city_coordinator", 302, True),
        ("network_coordinator", 302, True),
        ("staff", 302, True),
    ],
)
def test_partner_close_by_role(client_for, search, role, status, closed):
    response = client_for(role).post(f"/en/partners/{search.pk}/close/")

    assert response.status_code == status
    search.refresh_from_db()
    assert (search.closes_on < timezone.localdate()) is closed


# --- Interest in a call --------------------------------------------------------------------------


def interest_data(city: str = "saint-brieuc", **overrides) -> dict:
    data = {"city": str(get_city(city).pk), "level": InterestLevel.LEAD, "note": "We lead."}
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_call_interest_is_set_by_approved_members_for_their_city(client_for, call, role):
    city = OWN_CITY.get(role, "saint-brieuc")

    response = client_for(role).post(f"/en/calls/{call.slug}/interest/", interest_data(city=city))

    if role in OWN_CITY:
        assert response.status_code == 302
        assert response["Location"] == f"/en/calls/{call.slug}/#call-partners"
        interest = CallInterest.objects.get()
        assert (interest.city.slug, interest.level) == (city, InterestLevel.LEAD)
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert CallInterest.objects.count() == 0


def test_call_interest_with_projects_and_removal(login, member, call, grille):
    client = login(member)

    client.post(
        f"/en/calls/{call.slug}/interest/",
        interest_data(level=InterestLevel.PARTNER, projects=[str(grille.pk)]),
    )
    interest = CallInterest.objects.get()
    assert list(interest.projects.all()) == [grille]
    response = client.post(f"/en/calls/{call.slug}/interest/", interest_data(level=""), follow=True)

    assert CallInterest.objects.count() == 0
    assert "Saint-Brieuc is no longer listed as interested." in response.content.decode()


@pytest.mark.parametrize(
    ("make_data", "message"),
    [
        (
            lambda: interest_data(city="gothenburg"),
            "You can only set the interest of a city you are a member of.",
        ),
        (
            lambda: interest_data(projects=[str(make_project(city="gothenburg").pk)]),
            "Choose projects of your own city.",
        ),
        (lambda: interest_data(level="boss"), "Choose a level of interest from the list."),
    ],
    ids=["other-city", "other-city-project", "unknown-level"],
)
def test_call_interest_bad_input_is_400_and_changes_nothing(
    member_client, call, grille, make_data, message
):
    make_interest(call=call, city="saint-brieuc", level=InterestLevel.WATCHING, projects=(grille,))

    response = member_client.post(f"/en/calls/{call.slug}/interest/", make_data())

    assert response.status_code == 400
    assert message in response.content.decode()
    interest = CallInterest.objects.get()
    assert interest.level == InterestLevel.WATCHING
    assert list(interest.projects.all()) == [grille]


def test_call_interest_of_a_member_of_two_cities_takes_the_projects_of_the_chosen_one(
    login, call, grille
):
    both = make_user()
    make_membership(user=both, city="saint-brieuc")
    make_membership(user=both, city="gothenburg", role=MembershipRole.COORDINATOR)

    response = login(both).post(
        f"/en/calls/{call.slug}/interest/",
        interest_data(city="gothenburg", projects=[str(grille.pk)]),
    )

    assert response.status_code == 400
    assert "Choose projects of Gothenburg: the city whose interest you set." in (
        response.content.decode()
    )
    assert CallInterest.objects.count() == 0


def test_call_interest_in_a_closed_call_is_refused(member_client):
    closed = make_funding_call(days_left=-1)

    response = member_client.post(f"/en/calls/{closed.slug}/interest/", interest_data())

    assert response.status_code == 400
    assert "This call has closed" in response.content.decode()
    assert CallInterest.objects.count() == 0


def test_call_interest_in_an_unknown_call_is_404(member_client):
    response = member_client.post("/en/calls/no-such-call/interest/", interest_data())

    assert response.status_code == 404
    assert CallInterest.objects.count() == 0
