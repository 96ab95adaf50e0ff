"""Reads for projects: lists with filters and counts, detail page data."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from taggit.models import Tag, TaggedItem

from accounts.models import User
from cities.models import City
from cities.rules import readable_by, reads_members_content
from core import pagecache
from languages.models import reader_translations
from languages.tags import concept_index
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import ProjectStatus
from .models import Comment, ListScope, ListSummary, Project, ProjectLink
from .search import search

CARD_RELATED = ["city"]


def card_queryset(projects: QuerySet[Project]) -> QuerySet[Project]:
    """What a project card shows: city, themes and the title and summary in the reader's
    language, in a fixed number of queries."""
    return projects.select_related(*CARD_RELATED).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
        reader_translations(),
    )


def visible_projects(user: User) -> QuerySet[Project]:
    return Project.objects.visible_to(user)


def filter_projects(projects: QuerySet[Project], filters: dict) -> QuerySet[Project]:
    if filters.get("theme"):
        projects = projects.filter(themes=filters["theme"])
    if filters.get("city"):
        projects = projects.filter(city=filters["city"])
    if filters.get("country"):
        projects = projects.filter(city__country=filters["country"])
    if filters.get("status"):
        projects = projects.filter(status=filters["status"])
    if filters.get("sdg"):
        projects = projects.filter(sdgs=filters["sdg"])
    if filters.get("tag"):
        # The tag and its translations: "espace-public" also finds "offentligt rum".
        slugs = concept_index().equivalent_slugs(filters["tag"])
        projects = projects.filter(pk__in=Project.objects.filter(tags__slug__in=slugs).values("pk"))
    if filters.get("q"):
        projects = search(projects, filters["q"])
    return projects


@dataclass
class Facets:
    themes: list
    cities: list
    countries: list
    statuses: list
    sdgs: list
    tags: list


TAG_FACETS = 30


def count(projects: QuerySet[Project]) -> "Summary":
    """How many ``projects`` there are and how many carry each filter value, in one query that
    reads the matching projects once and, for each of them, its own themes, goals and tags
    through their indexes: its cost follows what matches, not the size of the network (the
    objects named are then read by id, one query per kind)."""
    total, counts = _counts(projects)
    return from_counts(total, counts)


KINDS = ("cities", "statuses", "countries", "themes", "sdgs", "tags")


def _per_project(through, target: str, condition: str = "") -> str:
    """A join of each matching project (``m``) to its own rows of a many-to-many table, as
    ``item.value``. On PostgreSQL a lateral subquery the planner may not merge (``OFFSET 0``):
    one index look-up per match, rather than hashing the whole table against the matches."""
    quote = connection.ops.quote_name
    if isinstance(through, str):  # taggit's generic table
        table, column, key = quote(through), quote("tag_id"), quote("object_id")
    else:
        table = quote(through._meta.db_table)
        column = quote(through._meta.get_field(target).column)
        key = quote(through._meta.get_field("project").column)
    if connection.vendor == "postgresql":
        return (
            f"CROSS JOIN LATERAL (SELECT {column} AS value FROM {table} "  # noqa: S608
            f"WHERE {key} = m.id {condition} OFFSET 0) AS item"
        )
    return (
        f"JOIN (SELECT {column} AS value, {key} AS owner FROM {table} "  # noqa: S608
        f"WHERE 1 = 1 {condition}) AS item ON item.owner = m.id"
    )


def _counts(projects: QuerySet[Project]) -> tuple[int, dict]:
    """The number of ``projects`` and, per kind of facet, [value, count] pairs: one query.
    Every name put into the SQL comes from the models' metadata, quoted; values are
    parameters (those of ``projects``' own query)."""
    matching, params = projects.order_by().values("pk", "city_id", "status").query.sql_with_params()
    quote = connection.ops.quote_name
    project_tags = (
        f"AND content_type_id IN (SELECT id FROM {quote('django_content_type')} "  # noqa: S608
        "WHERE app_label = 'projects' AND model = 'project')"
    )
    cities = quote(City._meta.db_table)
    parts = [
        "SELECT 'total', '', COUNT(*) FROM m",
        "SELECT 'cities', CAST(m.city_id AS TEXT), COUNT(*) FROM m GROUP BY m.city_id",
        "SELECT 'statuses', m.status, COUNT(*) FROM m GROUP BY m.status",
        f"SELECT 'countries', city.country, COUNT(*) FROM m JOIN {cities} AS city "  # noqa: S608
        "ON city.id = m.city_id GROUP BY city.country",
    ]
    joins = {
        "themes": _per_project(Project.themes.through, "theme"),
        "sdgs": _per_project(Project.sdgs.through, "sustainabledevelopmentgoal"),
        "tags": _per_project(TaggedItem._meta.db_table, "tag", project_tags),
    }
    for kind, join in joins.items():
        parts.append(
            f"SELECT '{kind}', CAST(item.value AS TEXT), COUNT(*) FROM m {join} "  # noqa: S608
            "GROUP BY item.value"
        )
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    sql = f"WITH m (id, city_id, status) AS {materialized}({matching}) " + " UNION ALL ".join(parts)
    found: dict[str, list] = {kind: [] for kind in KINDS}
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, value, number in cursor.fetchall():
            if kind == "total":
                total = number
            elif kind in ("statuses", "countries"):
                found[kind].append([value, number])
            else:
                found[kind].append([int(value), number])
    return total, found


@dataclass
class Summary:
    """What a list shows around its page: how many projects match, and the facet counts."""

    count: int
    facets: Facets


def scope_of(user: User) -> str:
    return ListScope.MEMBERS if reads_members_content(user) else ListScope.PUBLIC


def summary(projects: QuerySet[Project], filters: dict, user: User) -> Summary:
    """The count and facets of ``projects`` (``filters`` applied for ``user``). Without filters
    they come from the summaries computed when projects change (``ListSummary``); with filters
    they are counted. Either way they are then kept in the shared cache while nothing changes:
    readers who see the same projects (visitors, or members) share one entry per set of
    filters, renewed with the visitors' pages (``core.pagecache``)."""
    if not pagecache.enabled():
        return count(projects)
    scope = scope_of(user)
    described = sorted((name, str(getattr(value, "pk", value))) for name, value in filters.items())
    digest = hashlib.sha256(repr(described).encode()).hexdigest()
    key = f"projects:summary:{pagecache.generation()}:{scope}:{digest}"
    found = cache.get(key)
    if found is None:
        stored = None if filters else ListSummary.objects.filter(scope=scope).first()
        found = from_counts(stored.total, stored.counts) if stored else count(projects)
        cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return found


def as_counts(found: Summary) -> dict:
    """``found``'s facets as ids and counts (what ``ListSummary.counts`` stores)."""
    facet = found.facets
    return {
        "themes": [[theme.pk, theme.count] for theme in facet.themes],
        "cities": [[city.pk, city.count] for city in facet.cities],
        "countries": [[code, count] for code, count in facet.countries],
        "statuses": [[value, count] for value, _label, count in facet.statuses],
        "sdgs": [[goal.pk, goal.count] for goal in facet.sdgs],
        "tags": [[tag.pk, tag.count] for tag in facet.tags],
    }


def _objects(model, pairs, order) -> list:
    by_pk = model.objects.in_bulk([pk for pk, _count in pairs])
    found = []
    for pk, number in pairs:
        if pk in by_pk:  # removed since: left out until the next summary
            by_pk[pk].count = number
            found.append(by_pk[pk])
    return sorted(found, key=order)


def _top_tags(pairs) -> list[Tag]:
    """The most used tags (ties by name), one per subject."""
    pairs = sorted(pairs, key=lambda pair: -pair[1])
    if len(pairs) > TAG_FACETS:
        # Those tied with the last one kept may come before it by name: read them too.
        last = pairs[TAG_FACETS - 1][1]
        pairs = [pair for pair in pairs if pair[1] >= last][: TAG_FACETS * 5]
    tags = _objects(Tag, pairs, order=lambda tag: (-tag.count, tag.name))[:TAG_FACETS]
    return _one_per_concept(tags)


def from_counts(total: int, counts: dict) -> Summary:
    """A summary from ids and counts (one query per kind of object), in the facets' orders."""
    statuses = dict(counts["statuses"])
    return Summary(
        total,
        Facets(
            themes=_objects(Theme, counts["themes"], order=lambda t: (t.kind, t.position)),
            cities=_objects(City, counts["cities"], order=lambda city: city.name),
            countries=sorted((code, number) for code, number in counts["countries"]),
            statuses=[
                (value, label, statuses[value])
                for value, label in ProjectStatus.choices
                if value in statuses
            ],
            sdgs=_objects(SustainableDevelopmentGoal, counts["sdgs"], order=lambda g: g.number),
            tags=_top_tags(counts["tags"]),
        ),
    )


def _one_per_concept(tags) -> list[Tag]:
    """One facet per subject: "espace public" and "offentligt rum" are one tag, counted once
    per project tagged with either (a project with both is counted twice)."""
    index, kept, by_concept = concept_index(), [], {}
    for tag in tags:
        concept = index.concept(tag.name)
        if concept is None:
            kept.append(tag)
        elif concept.slug in by_concept:
            by_concept[concept.slug].count += tag.count
        else:
            by_concept[concept.slug] = tag
            kept.append(tag)
    return sorted(kept, key=lambda tag: -tag.count)


def project_for_detail(slug: str, user: User) -> Project | None:
    """The project with what its page shows, or None when ``user`` may not read it: who may
    not costs one query, the same as for an address that does not exist."""
    project = (
        Project.objects.select_related("city", "author", "deleted_by").filter(slug=slug).first()
    )
    if project is None or not user.has_perm("projects.view_project", project):
        return None
    if project.is_deleted:
        # Its page only says that it was deleted, when and by whom (projects.views).
        return project
    prefetch_related_objects(
        [project],
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
        "sdgs",
        "tags",
        "images",
        "documents",
        Prefetch("contacts", queryset=User.objects.order_by("full_name")),
    )
    return project


def related_links(project: Project, user: User) -> list[tuple[Project, str]]:
    """Projects linked to ``project`` from either side, that ``user`` may see."""
    outgoing = readable_by(
        ProjectLink.objects.filter(from_project=project, to_project__deleted_at=None),
        user,
        field="to_project__visibility",
    )
    incoming = readable_by(
        ProjectLink.objects.filter(to_project=project, from_project__deleted_at=None),
        user,
        field="from_project__visibility",
    )
    links = ProjectLink.objects.filter(
        Q(pk__in=outgoing.values("pk")) | Q(pk__in=incoming.values("pk"))
    ).select_related("from_project__city", "to_project__city")
    return [
        (link.to_project if link.from_project_id == project.pk else link.from_project, link.note)
        for link in links
    ]


def project_comments(project: Project) -> list[Comment]:
    """Top-level comments with their replies and authors, oldest first."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    return list(
        project.comments.filter(parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def latest_projects(user: User, limit: int = 6) -> list[Project]:
    return list(card_queryset(Project.objects.visible_to(user).order_by("-created_at"))[:limit])


def projects_for(
    user: User, *, city: City | None = None, theme: Theme | None = None, limit: int = 12
):
    """The newest projects of a city or a theme that ``user`` may read, as cards."""
    projects = visible_projects(user)
    if city is not None:
        projects = projects.filter(city=city)
    if theme is not None:
        projects = projects.filter(themes=theme)
    return list(card_queryset(projects).order_by("-created_at")[:limit])


def recent_comments(user: User, limit: int = 5) -> list[Comment]:
    """The newest live comments on projects ``user`` may read, with their project and the
    commenter's city, for the home page's activity; none for those who may not read comments
    (visitors). One query."""
    if not user.has_perm("projects.read_comments"):
        return []
    return list(
        Comment.objects.filter(
            project__in=visible_projects(user).values("pk"),
            hidden_at__isnull=True,
            deleted_at__isnull=True,
        )
        .select_related("project", "project__city", "author")
        .order_by("-created_at")[:limit]
    )
