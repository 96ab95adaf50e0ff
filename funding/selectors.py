"""Reads for funding calls: the list with its filters, order and counts, one call's page, the
calls of the iCalendar feed.

A call's status is worked out from its dates at each read, never stored: upcoming until its
opening day (in Brussels), then open until its last deadline (``closes_at``), then closed.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from accounts.models import User
from cities.enums import Country
from languages.models import reader_translations
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import CallStatus, Programme
from .models import CallDeadline, FundingCall
from .services import BRUSSELS

PAGE_SIZE = 20
# The feed keeps the deadlines of calls closed this recently: a calendar that subscribed does
# not lose last week's deadline at once.
FEED_CLOSED_DAYS = 30
RANKS = {0: CallStatus.OPEN, 1: CallStatus.UPCOMING, 2: CallStatus.CLOSED}


def brussels_today(now: datetime.datetime | None = None) -> datetime.date:
    return timezone.localtime(now or timezone.now(), BRUSSELS).date()


def status_condition(status: str, now: datetime.datetime) -> Q:
    """The calls of ``status`` at ``now``."""
    today = brussels_today(now)
    if status == CallStatus.UPCOMING:
        return Q(opens_on__gt=today)
    if status == CallStatus.OPEN:
        return Q(opens_on__lte=today, closes_at__gte=now)
    return Q(opens_on__lte=today) & (Q(closes_at__lt=now) | Q(closes_at__isnull=True))


def status_of(call: FundingCall, now: datetime.datetime | None = None) -> str:
    now = now or timezone.now()
    if call.opens_on > brussels_today(now):
        return CallStatus.UPCOMING
    if call.closes_at is not None and call.closes_at >= now:
        return CallStatus.OPEN
    return CallStatus.CLOSED


def _with_order(calls: QuerySet[FundingCall], now: datetime.datetime) -> QuerySet[FundingCall]:
    """Open calls first, the one whose next deadline comes soonest first; then upcoming calls
    by opening date; then closed ones, the most recently closed first. The next deadline is
    the first one still ahead, read through the (call, at) index of the deadlines."""
    next_deadline = (
        CallDeadline.objects.filter(call=OuterRef("pk"), at__gte=now).order_by("at").values("at")
    )[:1]
    rank = Case(
        When(status_condition(CallStatus.OPEN, now), then=Value(0)),
        When(status_condition(CallStatus.UPCOMING, now), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return calls.annotate(status_rank=rank, next_deadline_at=Subquery(next_deadline)).order_by(
        "status_rank",
        Case(When(status_rank=0, then=F("next_deadline_at"))).asc(),
        Case(When(status_rank=1, then=F("opens_on"))).asc(),
        Case(When(status_rank=2, then=F("closes_at"))).desc(nulls_last=True),
        "pk",
    )


def card_queryset(calls: QuerySet[FundingCall]) -> QuerySet[FundingCall]:
    """What a call's card shows: themes, deadlines and the title and summary in the reader's
    language, in a fixed number of queries."""
    return calls.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
        Prefetch("deadlines", queryset=CallDeadline.objects.order_by("at")),
        reader_translations(),
    )


def filter_calls(
    calls: QuerySet[FundingCall],
    *,
    programme: str | None = None,
    theme: Theme | None = None,
    country: str | None = None,
) -> QuerySet[FundingCall]:
    if programme:
        calls = calls.filter(programme=Programme(programme))
    if theme is not None:
        # A subquery over the themes' table, not a join: no DISTINCT needed.
        through = FundingCall.themes.through
        calls = calls.filter(pk__in=through.objects.filter(theme=theme).values("fundingcall_id"))
    if country == Country.FRANCE:
        calls = calls.filter(open_to_france=True)
    elif country == Country.SWEDEN:
        calls = calls.filter(open_to_sweden=True)
    return calls


def status_counts(calls: QuerySet[FundingCall], now: datetime.datetime) -> dict[str, int]:
    """How many of ``calls`` are open, upcoming and closed: one query."""
    found = calls.order_by().aggregate(
        **{
            str(status): Count("pk", filter=status_condition(status, now))
            for status in CallStatus.values
        }
    )
    return {status: found[status] or 0 for status in CallStatus.values}


def mark(call: FundingCall, now: datetime.datetime) -> FundingCall:
    """Give a call with its deadlines prefetched what its card and page show: its status, each
    deadline's ``is_past``, and ``shown_deadline``, the next one ahead (the last one once all
    have passed)."""
    call.status = status_of(call, now)
    call.status_label = CallStatus(call.status).label
    deadlines = list(call.deadlines.all())
    for deadline in deadlines:
        deadline.is_past = deadline.at < now
    ahead = [deadline for deadline in deadlines if not deadline.is_past]
    call.shown_deadline = ahead[0] if ahead else (deadlines[-1] if deadlines else None)
    return call


@dataclass
class CallList:
    page: Page
    calls: list[FundingCall]
    counts: dict[str, int]  # per status, with the other filters applied


def call_list(
    *,
    user: User,
    programme: str | None = None,
    theme: Theme | None = None,
    country: str | None = None,
    status: str | None = None,
    page=1,
) -> CallList:
    """One page of calls (``PAGE_SIZE``) in the list's order, and the counts per status. The
    same for every reader: calls are public. Costs a fixed number of queries: the counts,
    the page, its themes, deadlines and translations."""
    now = timezone.now()
    calls = filter_calls(
        FundingCall.objects.all(), programme=programme, theme=theme, country=country
    )
    counts = status_counts(calls, now)
    if status:
        calls = calls.filter(status_condition(CallStatus(status), now))
    paginator = Paginator(card_queryset(_with_order(calls, now)), PAGE_SIZE)
    # Counted with the statuses above: the paginator asks no COUNT of its own.
    paginator.count = counts[CallStatus(status)] if status else sum(counts.values())
    shown = paginator.get_page(page)
    return CallList(
        page=shown, calls=[mark(call, now) for call in shown.object_list], counts=counts
    )


def call_for_detail(slug: str) -> FundingCall | None:
    """The call with what its page shows (themes, goals, deadlines), or None."""
    call = (
        FundingCall.objects.filter(slug=slug)
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
            Prefetch("sdgs", queryset=SustainableDevelopmentGoal.objects.order_by("number")),
            Prefetch("deadlines", queryset=CallDeadline.objects.order_by("at")),
        )
        .first()
    )
    return mark(call, timezone.now()) if call is not None else None


def _with_deadlines(calls: QuerySet[FundingCall]) -> QuerySet[FundingCall]:
    return calls.prefetch_related(
        Prefetch("deadlines", queryset=CallDeadline.objects.order_by("at"))
    )


def call_with_deadlines(slug: str) -> FundingCall | None:
    """The call and its deadlines (for its iCalendar file), or None."""
    return _with_deadlines(FundingCall.objects.filter(slug=slug)).first()


def feed_calls(now: datetime.datetime | None = None) -> QuerySet[FundingCall]:
    """The calls of the deadlines feed: open and upcoming ones, and those closed in the last
    ``FEED_CLOSED_DAYS`` days, with their deadlines."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=FEED_CLOSED_DAYS)
    calls = FundingCall.objects.filter(
        Q(closes_at__gte=since) | Q(opens_on__gt=brussels_today(now))
    ).order_by("closes_at", "pk")
    return _with_deadlines(calls)
