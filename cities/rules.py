"""Who may do what with cities and memberships (django-rules predicates)."""

import rules

from .enums import MembershipRole, MembershipStatus

COORDINATORS_GROUP = "Coordinators"


@rules.predicate
def is_approved_member(user) -> bool:
    """Belongs, approved, to at least one member city."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_is_approved_member", None)
    if cached is None:
        cached = user.memberships.filter(status=MembershipStatus.APPROVED).exists()
        user._is_approved_member = cached
    return cached


@rules.predicate
def is_network_coordinator(user) -> bool:
    return user.is_authenticated and user.groups.filter(name=COORDINATORS_GROUP).exists()


@rules.predicate
def is_city_coordinator(user, city) -> bool:
    if not user.is_authenticated or city is None:
        return False
    return user.memberships.filter(
        city=city, role=MembershipRole.COORDINATOR, status=MembershipStatus.APPROVED
    ).exists()


@rules.predicate
def is_membership_city_coordinator(user, membership) -> bool:
    return membership is not None and is_city_coordinator(user, membership.city)


can_review_city_memberships = rules.is_staff | is_city_coordinator

rules.add_perm("cities.review_memberships", can_review_city_memberships)
rules.add_perm("cities.decide_membership", rules.is_staff | is_membership_city_coordinator)
rules.add_perm("cities.see_people", rules.is_staff | is_network_coordinator | is_approved_member)
