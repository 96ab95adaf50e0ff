"""Who may do what with cities and memberships (django-rules predicates)."""

import rules
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Q, QuerySet

from core.enums import Visibility

from .enums import MembershipRole, MembershipStatus

COORDINATORS_GROUP = "Coordinators"
# What counts as a second factor: an authenticator app or a security key (recovery codes only
# stand in for them).
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def has_second_factor(user) -> bool:
    """Whether ``user`` enrolled a second factor, read once per request (cached on the user;
    ``alliance_portal.second_factor`` also keeps a yes in the session, so that it is read once
    per session)."""
    cached = getattr(user, "_second_factor", None)
    if cached is None:
        cached = Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()
        user._second_factor = cached
    return cached


def _power_counts(user) -> bool:
    """Whether the power ``user`` holds (staff, network or city coordinator) counts now: only
    once they have enrolled a second factor, when ``SECOND_FACTOR_REQUIRED`` (the default). A
    refusal is marked on the user, for the middleware to send them to the enrolment page."""
    if not settings.SECOND_FACTOR_REQUIRED or has_second_factor(user):
        return True
    user._power_withheld = True
    return False


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


def in_coordinators_group(user) -> bool:
    """In the network coordinators' group, second factor or not."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_is_network_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=COORDINATORS_GROUP).exists()
        user._is_network_coordinator = cached
    return cached


def holds_power(user) -> bool:
    """Staff, a network coordinator or an approved city coordinator: whom the portal asks for a
    second factor."""
    return user.is_authenticated and (
        user.is_staff
        or user.is_superuser
        or in_coordinators_group(user)
        or MembershipRole.COORDINATOR in approved_cities(user).values()
    )


@rules.predicate
def is_network_coordinator(user) -> bool:
    return in_coordinators_group(user) and _power_counts(user)


@rules.predicate
def is_city_member(user, city) -> bool:
    return city is not None and city.pk in approved_cities(user)


@rules.predicate
def is_city_coordinator(user, city) -> bool:
    return (
        city is not None
        and approved_cities(user).get(city.pk) == MembershipRole.COORDINATOR
        and _power_counts(user)
    )


@rules.predicate
def is_membership_city_coordinator(user, membership) -> bool:
    return membership is not None and is_city_coordinator(user, membership.city)


@rules.predicate
def is_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_staff) and _power_counts(user)


@rules.predicate
def is_superuser(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser) and _power_counts(user)


# Superusers pass the same object rules as coordinators: no more, no less.
is_moderator = is_staff | is_superuser | is_network_coordinator

# --- Members-only content ---------------------------------------------------------
# The one rule for who reads members-only projects, questions, events, comments and people:
# approved members of a member city, network coordinators and staff. It is written here once,
# as a predicate (for rules and querysets) and as the same condition over people (for
# notification audiences); tests/cities/test_members_content_rule.py holds the two together.


@rules.predicate
def reads_members_content(user) -> bool:
    return is_approved_member(user) or is_moderator(user)


def members_content_readers(people: QuerySet) -> QuerySet:
    """``people`` (a User queryset) narrowed to those who read members-only content."""
    return people.filter(
        Q(is_staff=True)
        | Q(is_superuser=True)
        | Q(groups__name=COORDINATORS_GROUP)
        | Q(memberships__status=MembershipStatus.APPROVED)
    ).distinct()


def readable_by(queryset: QuerySet, user, field: str = "visibility") -> QuerySet:
    """``queryset`` as ``user`` may read it: everything, or only what is public."""
    if reads_members_content(user):
        return queryset
    return queryset.filter(**{field: Visibility.PUBLIC})


# --- The activity log --------------------------------------------------------------
# Network coordinators and staff read all of it; a city coordinator the entries of the cities
# they coordinate (``activity_city_ids``).


def coordinated_city_ids(user) -> list[int]:
    """The cities ``user`` coordinates, approved, their power counting (a second factor)."""
    ids = [pk for pk, role in approved_cities(user).items() if role == MembershipRole.COORDINATOR]
    return ids if ids and _power_counts(user) else []


@rules.predicate
def coordinates_a_city(user) -> bool:
    return bool(coordinated_city_ids(user))


def activity_city_ids(user) -> list[int] | None:
    """The cities whose activity ``user`` reads: None for all of them (network coordinators,
    staff), else those they coordinate (perhaps none)."""
    return None if is_moderator(user) else coordinated_city_ids(user)


can_review_city_memberships = is_staff | is_city_coordinator

rules.add_perm("cities.review_memberships", can_review_city_memberships)
rules.add_perm("cities.decide_membership", is_staff | is_membership_city_coordinator)
rules.add_perm("cities.see_people", reads_members_content)
rules.add_perm("cities.read_activity", is_moderator | coordinates_a_city)

# The glossary (languages app, a lower floor) asks for these permission names; the rules that
# need memberships are written here, where memberships are known.
rules.add_perm("languages.propose_entry", reads_members_content)
rules.add_perm("languages.approve_entry", is_moderator)
rules.add_perm("languages.translate", reads_members_content)
