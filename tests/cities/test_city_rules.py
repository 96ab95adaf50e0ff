"""cities.rules: the permission predicates, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from cities.enums import MembershipStatus
from tests.factories import get_city, make_membership

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("member", False),
        ("other_city_member", False),
        ("other_city_coordinator", False),
        ("city_coordinator", True),
        ("network_coordinator", False),
        ("staff", True),
    ],
)
def test_review_memberships_of_saint_brieuc(user_for_role, role, expected):
    user = user_for_role(role)

    assert user.has_perm("cities.review_memberships", get_city("saint-brieuc")) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("member", False),
        ("other_city_member", False),
        ("other_city_coordinator", False),
        ("city_coordinator", True),
        ("network_coordinator", False),
        ("staff", True),
    ],
)
def test_decide_a_saint_brieuc_request(user_for_role, role, expected):
    request = make_membership(status=MembershipStatus.PENDING)

    assert user_for_role(role).has_perm("cities.decide_membership", request) is expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("member", True),
        ("other_city_member", True),
        ("other_city_coordinator", True),
        ("city_coordinator", True),
        ("network_coordinator", True),
        ("staff", True),
    ],
)
def test_see_people(user_for_role, role, expected):
    assert user_for_role(role).has_perm("cities.see_people") is expected


def test_anonymous_has_no_city_permission():
    visitor = AnonymousUser()
    city = get_city("saint-brieuc")

    assert not visitor.has_perm("cities.review_memberships", city)
    assert not visitor.has_perm("cities.see_people")
    assert not visitor.has_perm(
        "cities.decide_membership", make_membership(status=MembershipStatus.PENDING)
    )


def test_rejected_member_may_not_see_people():
    membership = make_membership(status=MembershipStatus.REJECTED)

    assert not membership.user.has_perm("cities.see_people")
