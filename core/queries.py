"""Query expressions the apps share."""

from django.db.models import Count, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_of(rows: QuerySet, parent: str) -> Coalesce:
    """How many of ``rows`` (already filtered on ``parent=OuterRef("pk")``) each row of the
    outer query has: a subquery, counted only for the rows the outer query returns (a join
    with GROUP BY would count them all before a list is cut to its page)."""
    counted = rows.order_by().values(parent).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
