"""Asking to join a city (/accounts/membership/)."""

import re

import pytest
from django.core import mail

from cities.enums import MembershipRole, MembershipStatus
from cities.models import City, Membership
from tests.factories import get_city, make_membership, make_user

pytestmark = pytest.mark.django_db

URL = "/en/accounts/membership/"


@pytest.fixture
def newcomer(db):
    return make_user(email="nora.benali@example.org", full_name="Nora Benali")


@pytest.fixture
def newcomer_client(newcomer, login):
    return login(newcomer)


def request_data(city="saint-brieuc", **changes) -> dict:
    data = {
        "city": get_city(city).pk if city in {c.slug for c in City.objects.all()} else city,
        "role": MembershipRole.EU_OFFICER,
        "message": "Je travaille sur les candidatures européennes.",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_membership_page_shows_the_form_and_active_cities(
    newcomer_client, django_assert_num_queries
):
    City.objects.filter(slug="paris").update(is_active=False)

    with django_assert_num_queries(4):
        response = newcomer_client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ask to join a city</h1>" in html
    assert f'<option value="{get_city("saint-brieuc").pk}">Saint-Brieuc</option>' in html
    assert f'<option value="{get_city("paris").pk}">' not in html
    assert "You do not belong to a member city yet." in html


@pytest.mark.parametrize("cities", [1, 10], ids=["1-city", "10-cities"])
def test_membership_page_query_budget_holds_with_many_requests(
    newcomer_client, newcomer, cities, django_assert_num_queries
):
    for city in City.objects.order_by("pk")[:cities]:
        make_membership(user=newcomer, city=city, status=MembershipStatus.REJECTED)
        make_membership(user=newcomer, city=city, status=MembershipStatus.REJECTED)
        make_membership(user=newcomer, city=city, status=MembershipStatus.PENDING)

    with django_assert_num_queries(4):
        response = newcomer_client.get(URL)

    html = response.content.decode()
    assert html.count('<span class="status status-rejected">') == 2 * cities
    assert html.count('<span class="status status-pending">') == cities


def test_membership_page_preselects_the_city_from_the_link(newcomer_client):
    city = get_city("umea")

    response = newcomer_client.get(f"{URL}?city={city.pk}")

    assert f'<option value="{city.pk}" selected>Umeå</option>' in response.content.decode()


@pytest.mark.parametrize("city", ["abc", "99999", ""])
def test_membership_page_ignores_a_bad_city_in_the_link(newcomer_client, city):
    response = newcomer_client.get(f"{URL}?city={city}")

    assert response.status_code == 200
    assert re.findall(r'<option value="(\d+)" selected>', response.content.decode()) == []


def test_membership_request_creates_one_pending_membership_and_tells_the_coordinators(
    newcomer_client,
    newcomer,
    city_coordinator,
    other_city_coordinator,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = newcomer_client.post(URL, request_data(), follow=True)

    assert response.redirect_chain == [(URL, 302)]
    membership = Membership.objects.get(user=newcomer)
    assert membership.city.slug == "saint-brieuc"
    assert membership.role == MembershipRole.EU_OFFICER
    assert membership.status == MembershipStatus.PENDING
    assert membership.message == "Je travaille sur les candidatures européennes."
    html = response.content.decode()
    assert "Your request to join Saint-Brieuc was sent to its coordinators." in html
    assert '<span class="status status-pending">Pending</span>' in html
    assert [email.to for email in mail.outbox] == [["anne.coordinator@example.org"]]
    email = mail.outbox[0]
    assert "Saint-Brieuc" in email.subject
    assert "Nora Benali (nora.benali@example.org) asks to join Saint-Brieuc" in email.body
    assert "http://testserver/en/cities/saint-brieuc/memberships/" in email.body


def test_membership_request_twice_is_a_form_error(newcomer_client, newcomer):
    newcomer_client.post(URL, request_data())

    response = newcomer_client.post(URL, request_data(role=MembershipRole.PLANNER))

    assert response.status_code == 200
    assert response.context["form"].errors["city"] == [
        "Your request to join this city is already pending."
    ]
    assert Membership.objects.filter(user=newcomer).count() == 1


def test_membership_request_when_already_a_member_is_a_form_error(member_client, member):
    response = member_client.post(URL, request_data())

    assert response.context["form"].errors["city"] == ["You are already a member of this city."]
    assert Membership.objects.filter(user=member).count() == 1


@pytest.mark.parametrize("city", ["99999", "abc", ""])
def test_membership_request_for_an_unknown_city_is_a_form_error(newcomer_client, newcomer, city):
    response = newcomer_client.post(URL, request_data(city=city))

    assert response.status_code == 200
    errors = response.context["form"].errors["city"]
    assert errors == (
        ["This field is required."] if city == "" else ["Choose one of the member cities."]
    )
    assert not Membership.objects.filter(user=newcomer).exists()


def test_membership_request_for_an_inactive_city_is_a_form_error(newcomer_client, newcomer):
    City.objects.filter(slug="paris").update(is_active=False)

    response = newcomer_client.post(URL, request_data(city="paris"))

    assert response.context["form"].errors["city"] == ["Choose one of the member cities."]
    assert not Membership.objects.filter(user=newcomer).exists()


@pytest.mark.parametrize("role", [None, "", "mayor"])
def test_membership_request_without_a_valid_role_is_a_form_error(newcomer_client, newcomer, role):
    response = newcomer_client.post(URL, request_data(role=role))

    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Membership.objects.filter(user=newcomer).exists()


def test_membership_request_with_a_too_long_message_is_a_form_error(newcomer_client, newcomer):
    response = newcomer_client.post(URL, request_data(message="x" * 1001))

    assert "message" in response.context["form"].errors
    assert not Membership.objects.filter(user=newcomer).exists()


def test_membership_request_after_a_rejection_is_allowed(newcomer_client, newcomer):
    make_membership(user=newcomer, status=MembershipStatus.REJECTED)

    response = newcomer_client.post(URL, request_data())

    assert response.status_code == 302
    assert list(
        Membership.objects.filter(user=newcomer).order_by("pk").values_list("status", flat=True)
    ) == [MembershipStatus.REJECTED, MembershipStatus.PENDING]


def test_membership_request_to_a_second_city_is_allowed(member_client, member):
    response = member_client.post(URL, request_data(city="umea"))

    assert response.status_code == 302
    assert set(Membership.objects.filter(user=member).values_list("city__slug", "status")) == {
        ("saint-brieuc", MembershipStatus.APPROVED),
        ("umea", MembershipStatus.PENDING),
    }


def test_membership_request_ignores_a_posted_status_or_user(newcomer_client, newcomer, member):
    newcomer_client.post(
        URL, request_data(status=MembershipStatus.APPROVED, user=member.pk, decided_by=member.pk)
    )

    membership = Membership.objects.get(user=newcomer)
    assert membership.status == MembershipStatus.PENDING
    assert membership.decided_by is None
    assert Membership.objects.filter(user=member).count() == 1


def test_membership_request_anonymous_is_sent_to_login(anonymous_client):
    response = anonymous_client.post(URL, request_data())

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={URL}"
    assert Membership.objects.count() == 0
