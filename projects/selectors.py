"""Reads for projects: lists with filters and counts, detail page data."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from taggit.models import Tag

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


def facets(projects: QuerySet[Project]) -> Facets:
    """How many of ``projects`` carry each filter value (one query per filter). Each count
    starts from the matching projects (an inner join from them), so that it reads what matches,
    not every project of the network."""
    ids = projects.order_by().values("pk")
    themes = (
        Theme.objects.filter(projects__in=ids)
        .annotate(count=Count("projects"))
        .order_by("kind", "position")
    )
    cities = (
        City.objects.filter(projects__in=ids).annotate(count=Count("projects")).order_by("name")
    )
    countries = list(
        Project.objects.filter(pk__in=ids)
        .values_list("city__country")
        .annotate(count=Count("pk"))
        .order_by("city__country")
    )
    statuses = dict(
        Project.objects.filter(pk__in=ids).values_list("status").annotate(count=Count("pk"))
    )
    sdgs = SustainableDevelopmentGoal.objects.filter(projects__in=ids).annotate(
        count=Count("projects")
    )
    tags = (
        Tag.objects.filter(
            taggit_taggeditem_items__content_type__app_label="projects",
            taggit_taggeditem_items__object_id__in=ids,
        )
        .annotate(count=Count("taggit_taggeditem_items", distinct=True))
        .order_by("-count", "name")[:30]
    )
    return Facets(
        themes=list(themes),
        cities=list(cities),
        countries=countries,
        statuses=[
            (value, label, statuses[value])
            for value, label in ProjectStatus.choices
            if value in statuses
        ],
        sdgs=list(sdgs),
        tags=_one_per_concept(tags),
    )


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
        return Summary(projects.count(), facets(projects))
    scope = scope_of(user)
    described = sorted((name, str(getattr(value, "pk", value))) for name, value in filters.items())
    digest = hashlib.sha256(repr(described).encode()).hexdigest()
    key = f"projects:summary:{pagecache.generation()}:{scope}:{digest}"
    found = cache.get(key)
    if found is None:
        stored = None if filters else ListSummary.objects.filter(scope=scope).first()
        if stored is not None:
            found = from_counts(stored.total, stored.counts)
        else:
            found = Summary(projects.count(), facets(projects))
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


def _objects(model, pairs) -> list:
    by_pk = model.objects.in_bulk([pk for pk, _count in pairs])
    found = []
    for pk, count in pairs:
        if pk in by_pk:  # removed since: left out until the next summary
            by_pk[pk].count = count
            found.append(by_pk[pk])
    return found


def from_counts(total: int, counts: dict) -> Summary:
    """A summary from stored ids and counts (one query per kind of object)."""
    labels = dict(ProjectStatus.choices)
    return Summary(
        total,
        Facets(
            themes=_objects(Theme, counts["themes"]),
            cities=_objects(City, counts["cities"]),
            countries=[(code, count) for code, count in counts["countries"]],
            statuses=[
                (value, labels[value], count)
                for value, count in counts["statuses"]
                if value in labels
            ],
            sdgs=_objects(SustainableDevelopmentGoal, counts["sdgs"]),
            tags=_objects(Tag, counts["tags"]),
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
