"""Reads for cities and memberships."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from languages.text import sort_key

from .enums import Country, MembershipRole, MembershipStatus
from .models import ActivityEntry, City, Membership, display_name_expression, reader_language
from .rules import activity_city_ids


def approved_members(
    *, city: City | None = None, cities=None, country: str | None = None, role: str | None = None
) -> QuerySet[User]:
    """Active people with an approved membership (of ``city``, one of ``cities``, a city of
    ``country``, in ``role``). A subquery, not a join: no duplicates, nothing to make distinct."""
    memberships = Membership.objects.approved()
    if city is not None:
        memberships = memberships.filter(city=city)
    if cities is not None:
        memberships = memberships.filter(city__in=cities)
    if country is not None:
        memberships = memberships.filter(city__country=country)
    if role is not None:
        memberships = memberships.filter(role=role)
    return User.objects.filter(is_active=True, pk__in=memberships.values("user_id"))


def cities_with_member_counts() -> QuerySet[City]:
    return City.objects.active().annotate(
        member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.APPROVED))
    )


def cities_by_country() -> list[tuple[str, list[City]]]:
    """Active cities grouped by country, France first then Sweden, each country's in the
    alphabetical order of the reader's language (Göteborg after Borås, Umeå before Örebro in
    Swedish), in one query."""
    language = reader_language()
    cities = sorted(
        cities_with_member_counts(), key=lambda city: sort_key(city.display_name, language)
    )
    groups = []
    for code, label in Country.choices:
        groups.append((label, [city for city in cities if city.country == code]))
    return groups


def city_people(city: City) -> QuerySet[Membership]:
    """Approved members of ``city`` who chose to appear in the directory."""
    return (
        Membership.objects.approved()
        .filter(city=city, user__in_directory=True, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )


def pending_memberships(city: City) -> QuerySet[Membership]:
    return (
        Membership.objects.pending().filter(city=city).select_related("user").order_by("created_at")
    )


def coordinated_cities(user: User) -> QuerySet[City]:
    """Cities whose memberships ``user`` may review, with their pending-request counts."""
    cities = City.objects.all()
    if not user.is_staff:
        # A subquery, not a join: the pending count below must see every membership.
        cities = cities.filter(
            pk__in=Membership.objects.approved()
            .filter(user=user, role=MembershipRole.COORDINATOR)
            .values("city")
        )
    return cities.annotate(
        pending_count=Count(
            "memberships", filter=Q(memberships__status=MembershipStatus.PENDING), distinct=True
        )
    ).order_by("country", "name")


def waiting_requests(user: User) -> list[Membership]:
    """``user``'s requests to join a city that no one has decided yet, oldest first."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.pending().filter(user=user).select_related("city").order_by("created_at")
    )


def user_memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("city").order_by("city__name")


def activity_entries(
    user: User,
    *,
    city: City | None = None,
    kind: str = "",
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[ActivityEntry]:
    """The activity log as ``user`` may read it (all of it, or their cities'), newest first,
    narrowed to ``city``, ``kind`` and the days ``since`` to ``until`` (both included, Paris
    time), each filter served by one of the model's indexes."""
    entries = ActivityEntry.objects.select_related("city").order_by("-created_at", "-pk")
    city_ids = activity_city_ids(user)
    if city_ids is not None:
        entries = entries.filter(city_id__in=city_ids)
    if city is not None:
        entries = entries.filter(city=city)
    if kind:
        entries = entries.filter(kind=kind)
    if since is not None:
        entries = entries.filter(created_at__gte=_start_of(since))
    if until is not None:
        entries = entries.filter(created_at__lt=_start_of(until + datetime.timedelta(days=1)))
    return entries


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def activity_cities(user: User) -> QuerySet[City]:
    """The cities ``user`` may filter the activity log by."""
    cities = City.objects.order_by("country", display_name_expression())
    city_ids = activity_city_ids(user)
    return cities if city_ids is None else cities.filter(pk__in=city_ids)
