"""Reads of the cities' interest in calls and of partner searches: a fixed number of queries
however many there are. All of it is members-only: callers check ``funding.view_partners``."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from cities.models import City
from languages.selectors import attach_translations
from projects.models import Project

from .models import CallInterest, FundingCall, PartnerReply, PartnerSearch

CARD_RELATED = ["city", "call", "project__city"]


def open_calls(now=None) -> QuerySet[FundingCall]:
    """Calls not closed yet (open or upcoming), soonest deadline first: what one may look for
    partners for, or say one's interest in."""
    now = now or timezone.now()
    return FundingCall.objects.filter(Q(closes_at__isnull=True) | Q(closes_at__gte=now)).order_by(
        "closes_at", "pk"
    )


def open_searches(today=None, now=None) -> QuerySet[PartnerSearch]:
    """Searches still taking answers: before their closing day, their call (if any) still open,
    their project (if any) not deleted. Soonest closing first."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    return (
        PartnerSearch.objects.open(today)
        .filter(
            Q(call__isnull=True) | Q(call__closes_at__isnull=True) | Q(call__closes_at__gte=now)
        )
        .filter(Q(project__isnull=True) | Q(project__deleted_at__isnull=True))
        .order_by("closes_on", "pk")
    )


def _reply_count():
    replies = (
        PartnerReply.objects.filter(search=OuterRef("pk"))
        .order_by()
        .values("search")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(replies, output_field=IntegerField()), 0)


def card_queryset(searches: QuerySet[PartnerSearch]) -> QuerySet[PartnerSearch]:
    """What a card shows: the city, the call, the project, how many cities answered."""
    return searches.select_related(*CARD_RELATED).annotate(reply_count=_reply_count())


def with_titles(searches, language: str | None = None) -> list[PartnerSearch]:
    """The searches, their calls and projects titled in the reader's language (one query)."""
    searches = list(searches)
    # Every instance (searches for one call each have their own): one query for them all.
    attach_translations(
        [
            *(search.call for search in searches if search.call_id),
            *(search.project for search in searches if search.project_id),
        ],
        language or get_language(),
    )
    return searches


def filter_searches(searches: QuerySet[PartnerSearch], filters: dict) -> QuerySet[PartnerSearch]:
    """By call, by posting city or its country, by theme (of the call or of the project):
    subqueries, so that no filter needs DISTINCT."""
    if filters.get("call"):
        searches = searches.filter(call=filters["call"])
    if filters.get("city"):
        searches = searches.filter(city=filters["city"])
    if filters.get("country"):
        searches = searches.filter(
            city__in=City.objects.filter(country=filters["country"]).values("pk")
        )
    if filters.get("theme"):
        theme = filters["theme"]
        searches = searches.filter(
            Q(
                call__in=FundingCall.themes.through.objects.filter(theme=theme).values(
                    "fundingcall_id"
                )
            )
            | Q(project__in=Project.themes.through.objects.filter(theme=theme).values("project_id"))
        )
    return searches


def searches_for(*, call=None, project=None, city=None, limit: int = 6) -> list[PartnerSearch]:
    """The open searches for a call, about a project or posted by a city, with their titles
    in the reader's language (two queries, one when there is none)."""
    searches = open_searches()
    if call is not None:
        searches = searches.filter(call=call)
    if project is not None:
        searches = searches.filter(project=project)
    if city is not None:
        searches = searches.filter(city=city)
    return with_titles(card_queryset(searches)[:limit])


def search_for_detail(pk: int) -> PartnerSearch | None:
    """A search with its call, project and answers (the answers' cities and authors)."""
    return (
        PartnerSearch.objects.select_related("city", "author", "call", "project__city")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=PartnerReply.objects.select_related("city", "author").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .filter(Q(project__isnull=True) | Q(project__deleted_at__isnull=True))
        .filter(pk=pk)
        .first()
    )


def interests_for(call: FundingCall) -> list[CallInterest]:
    """The cities interested in ``call``, by level (lead, partner, watching) then city, each
    with its live projects (two queries)."""
    return list(
        CallInterest.objects.filter(call=call)
        .select_related("city")
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.alive().select_related("city").order_by("title", "pk"),
            )
        )
        .order_by("level", "city__name", "pk")
    )
