"""Reads for moderation: what a moderator's page shows, and who hears of a report.

A network coordinator or staff member moderates every comment; a city coordinator those on
their city's projects (``projects.rules``). Comments of deleted projects wait until the project
is restored.
"""

from datetime import datetime

from django.contrib.auth.models import Group
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from accounts.models import User
from cities.enums import MembershipRole
from cities.models import Membership
from cities.rules import COORDINATORS_GROUP, approved_cities, in_coordinators_group, is_moderator

from .models import Comment, CommentReport
from .rules import coordinated_city_ids

# The reports shown with each comment on the moderation page; the page says how many in all.
REPORTS_SHOWN = 10


def moderation_scope(user) -> list[int] | None:
    """None: ``user`` moderates every comment; else the ids of the cities whose projects'
    comments they moderate (none for someone who moderates nothing)."""
    if is_moderator(user):
        return None
    return coordinated_city_ids(user)


def _in_scope(queryset: QuerySet, scope: list[int] | None, prefix: str = "") -> QuerySet:
    queryset = queryset.filter(**{f"{prefix}project__deleted_at__isnull": True})
    if scope is None:
        return queryset
    return queryset.filter(**{f"{prefix}project__city_id__in": scope})


def _open() -> QuerySet[CommentReport]:
    return CommentReport.objects.filter(resolved_at__isnull=True)


def reported_comments(user) -> QuerySet[Comment]:
    """Comments with open reports that ``user`` moderates, the latest reported first; each with
    ``open_reports`` (the newest ``REPORTS_SHOWN``, with their reporters), ``open_count`` and
    ``last_reported_at``. Three queries for a page, with its count."""
    of_comment = _open().filter(comment=OuterRef("pk")).order_by()
    latest = of_comment.order_by("-created_at").values("created_at")[:1]
    count = of_comment.values("comment").annotate(total=Count("pk")).values("total")
    reports = _open().select_related("reporter").order_by("-created_at", "-pk")
    return (
        _in_scope(
            Comment.objects.filter(pk__in=_open().values("comment_id")), moderation_scope(user)
        )
        .annotate(last_reported_at=Subquery(latest), open_count=Subquery(count))
        .select_related("project__city", "author")
        .prefetch_related(
            Prefetch("reports", queryset=reports[:REPORTS_SHOWN], to_attr="open_reports")
        )
        .order_by("-last_reported_at", "-pk")
    )


def review_requests(user, limit: int) -> list[Comment]:
    """Hidden comments whose authors asked for a review nobody has answered yet, oldest first:
    at most ``limit`` + 1 (one more tells that there are more). One query."""
    waiting = Comment.objects.filter(
        hidden_at__isnull=False, review_requested_at__isnull=False, review_declined_at__isnull=True
    )
    return list(
        _in_scope(waiting, moderation_scope(user))
        .select_related("project__city", "author", "hidden_by")
        .order_by("review_requested_at", "pk")[: limit + 1]
    )


def hidden_comments(user, limit: int) -> list[Comment]:
    """Hidden comments ``user`` moderates, the latest hidden first, except those waiting for a
    review (listed with the requests): at most ``limit`` + 1. One query."""
    hidden = Comment.objects.filter(hidden_at__isnull=False).exclude(
        review_requested_at__isnull=False, review_declined_at__isnull=True
    )
    return list(
        _in_scope(hidden, moderation_scope(user))
        .select_related("project__city", "author", "hidden_by")
        .order_by("-hidden_at", "-pk")[: limit + 1]
    )


def open_report_count(user) -> int:
    """How many open reports wait for ``user``: one query."""
    return _in_scope(_open(), moderation_scope(user), prefix="comment__").count()


# --- Who is told -------------------------------------------------------------------------


def moderators_for(city_id: int) -> QuerySet[User]:
    """Who hears of a report or a review request about a comment on a project of the city:
    the network coordinators and the city's approved coordinators, active."""
    network = Group.objects.filter(name=COORDINATORS_GROUP).values("user")
    city = Membership.objects.approved().filter(city_id=city_id, role=MembershipRole.COORDINATOR)
    return User.objects.filter(
        Q(pk__in=network) | Q(pk__in=city.values("user_id")), is_active=True
    ).order_by("pk")


def digest_readers(report_emails: str) -> QuerySet[User]:
    """Active network and city coordinators who chose ``report_emails`` (the daily e-mail)."""
    network = Group.objects.filter(name=COORDINATORS_GROUP).values("user")
    coordinators = Membership.objects.approved().filter(role=MembershipRole.COORDINATOR)
    return User.objects.filter(
        Q(pk__in=network) | Q(pk__in=coordinators.values("user_id")),
        is_active=True,
        report_emails=report_emails,
    ).order_by("pk")


def reports_for_digest(user: User, since: datetime, until: datetime) -> list[CommentReport]:
    """The reports made in (``since``, ``until``] and still open about what ``user`` is told of:
    everything for a network coordinator, their cities' projects for a city coordinator."""
    if in_coordinators_group(user):
        scope = None
    else:
        scope = [
            city_id
            for city_id, role in approved_cities(user).items()
            if role == MembershipRole.COORDINATOR
        ]
    reports = (
        _open()
        .filter(created_at__gt=since, created_at__lte=until)
        .exclude(Q(reporter=user) | Q(comment__author=user))
    )
    return list(
        _in_scope(reports, scope, prefix="comment__")
        .select_related("comment__project__city", "comment__author", "reporter")
        .order_by("created_at", "pk")
    )
