"""The project list's summaries without filters (``ListSummary``): computed off the request
after projects change, so that the list reads its count and facets from one row.

A change queues one refresh after its commit; changes that come while a refresh is waiting
join it (a flag in the shared cache), so a burst of edits costs one refresh, not one each.
A refresh counts everything (a few seconds at 100,000 projects, in a worker), stores both
kinds of readers' summaries in one transaction, then renews the cached pages.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core import pagecache

from .models import ListScope, ListSummary, Project
from .selectors import Summary, as_counts, count

PENDING_KEY = "projects:summary-refresh-pending"
PENDING_SECONDS = 300  # a lost task (a worker that died) blocks refreshes this long at most


def compute(scope: str) -> Summary:
    # What a visitor reads, or what every member reads: the one rule (cities/rules.py).
    reader = AnonymousUser() if scope == ListScope.PUBLIC else None
    projects = Project.objects.visible_to(reader) if reader else Project.objects.alive()
    return count(projects)


def refresh() -> None:
    """Count again, for visitors and for members, and store it."""
    cache.delete(PENDING_KEY)  # changes from now on queue another refresh
    now = timezone.now()
    with transaction.atomic():
        for scope in ListScope.values:
            found = compute(scope)
            ListSummary.objects.update_or_create(
                scope=scope,
                defaults={"total": found.count, "counts": as_counts(found), "computed_at": now},
            )
    pagecache.bump()  # pages made with the previous counts


def queue_refresh() -> None:
    """After the current transaction commits, refresh the summaries (unless one is waiting)."""
    from .tasks import refresh_list_summaries  # tasks import this module

    def queue() -> None:
        if cache.add(PENDING_KEY, True, PENDING_SECONDS):
            refresh_list_summaries.delay()

    if pagecache.enabled():
        transaction.on_commit(queue)
