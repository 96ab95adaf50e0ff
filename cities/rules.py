"""Who may do what with cities and memberships (django-rules predicates)."""

import rules

from .enums import MembershipRole, MembershipStatus

COORDINATORS_GROUP = "Coordinators"


def approved_cities(user) -> dict[int, str]:
    """{city id: role} of the user's approved memberships, read once per request and cached."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_approved_cities", None)
    if cached is None:
        cached = dict(
            user.memberships.filter(status=MembershipStatus.APPROVED).values_list("city_id", "role")
        )
        user._approved_cities = cached
    return cached


@rules.predicate
def is_approved_member(user) -> bool:
    """Belongs, approved, to at least one member city."""
    return bool(approved_cities(user))


@rules.predicate
def is_network_coordinator(user) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_is_network_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=COORDINATORS_GROUP).exists()
        user._is_network_coordinator = cached
    return cached


@rules.predicate
def is_city_member(user, city) -> bool:
    return city is not None and city.pk in approved_cities(user)


@rules.predicate
def is_city_coordinator(user, city) -> bool:
    return city is not None and approved_cities(user).get(city.pk) == MembershipRole.COORDINATOR


@rules.predicate
def is_membership_city_coordinator(user, membership) -> bool:
    return membership is not None and is_city_coordinator(user, membership.city)


is_moderator = rules.is_staff | is_network_coordinator
can_review_city_memberships = rules.is_staff | is_city_coordinator

rules.add_perm("cities.review_memberships", can_review_city_memberships)
rules.add_perm("cities.decide_membership", rules.is_staff | is_membership_city_coordinator)
rules.add_perm("cities.see_people", rules.is_staff | is_network_coordinator | is_approved_member)
