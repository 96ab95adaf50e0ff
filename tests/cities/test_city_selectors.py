"""cities.selectors: the reads behind the city pages and the profile."""

import pytest

from cities.enums import MembershipRole, MembershipStatus
from cities.selectors import (
    cities_by_country,
    city_people,
    coordinated_cities,
    pending_memberships,
    user_memberships,
)
from tests.factories import get_city, make_membership, make_user

pytestmark = pytest.mark.django_db


def test_cities_by_country_groups_france_then_sweden_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        groups = cities_by_country()

    assert [label for label, _cities in groups] == ["France", "Sweden"]
    assert [len(cities) for _label, cities in groups] == [5, 5]
    assert {city.country for city in groups[0][1]} == {"FR"}


def test_cities_by_country_counts_approved_members():
    make_membership(city="umea")
    make_membership(city="umea")
    make_membership(city="umea", status=MembershipStatus.PENDING)

    groups = dict(cities_by_country())

    counts = {city.slug: city.member_count for city in groups["Sweden"]}
    assert counts["umea"] == 2
    assert counts["malmo"] == 0


def test_city_people_lists_approved_active_directory_members_by_name():
    city = get_city("paris")
    for name in ("Zoé", "Ana"):
        make_membership(user=make_user(full_name=name, in_directory=True), city=city)
    make_membership(user=make_user(full_name="Private", in_directory=False), city=city)
    make_membership(
        user=make_user(full_name="Waiting", in_directory=True),
        city=city,
        status=MembershipStatus.PENDING,
    )

    names = [membership.user.full_name for membership in city_people(city)]

    assert names == ["Ana", "Zoé"]


def test_pending_memberships_oldest_first():
    first = make_membership(status=MembershipStatus.PENDING)
    second = make_membership(status=MembershipStatus.PENDING)
    make_membership(status=MembershipStatus.APPROVED)
    make_membership(city="umea", status=MembershipStatus.PENDING)

    assert list(pending_memberships(get_city("saint-brieuc"))) == [first, second]


def test_coordinated_cities_of_a_city_coordinator_count_pending_requests(city_coordinator):
    make_membership(status=MembershipStatus.PENDING)
    make_membership(status=MembershipStatus.PENDING)
    make_membership(status=MembershipStatus.APPROVED)
    make_membership(city="umea", status=MembershipStatus.PENDING)

    cities = list(coordinated_cities(city_coordinator))

    assert [(city.slug, city.pending_count) for city in cities] == [("saint-brieuc", 2)]


def test_coordinated_cities_of_staff_are_all_cities_with_pending_counts(staff):
    make_membership(status=MembershipStatus.PENDING)
    make_membership(city="umea", status=MembershipStatus.PENDING)

    counts = {city.slug: city.pending_count for city in coordinated_cities(staff)}

    assert len(counts) == 10
    assert counts["saint-brieuc"] == 1
    assert counts["umea"] == 1
    assert counts["paris"] == 0


def test_coordinated_cities_ignore_plain_and_pending_roles(member):
    hopeful = make_user()
    make_membership(user=hopeful, role=MembershipRole.COORDINATOR, status=MembershipStatus.PENDING)

    assert list(coordinated_cities(member)) == []
    assert list(coordinated_cities(hopeful)) == []


def test_user_memberships_sorted_by_city_name(member):
    make_membership(user=member, city="umea", status=MembershipStatus.PENDING)
    make_membership(user=member, city="boras", status=MembershipStatus.REJECTED)

    cities = [membership.city.name for membership in user_memberships(member)]

    assert cities == ["Borås", "Saint-Brieuc", "Umeå"]
