"""Matching across the two countries: which projects of the other country are closest.

A score adds up what two projects share — themes (3 points each), tags (2) and SDGs (1) — and
how alike their words are: PostgreSQL full-text rank on PostgreSQL, word overlap on SQLite. The
reasons shown to the reader are the shared names.

Across languages: a tag counts as shared when the other project carries it or one of its
translations ("espace public" = "offentligt rum"), and the words compared include the other
languages' names of the glossary terms and translated tags a text holds, so that a French and a
Swedish project on one subject match without a word in common (``languages.equivalents``).
"""

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from taggit.models import TaggedItem

from accounts.models import User
from cities.enums import Country
from languages.equivalents import equivalent_words
from languages.tags import concept_index, key, shown_tag
from themes.models import SustainableDevelopmentGoal, Theme

from .enums import SEARCH_CONFIGS
from .models import Project
from .search import fold, uses_postgres

THEME_POINTS, TAG_POINTS, SDG_POINTS, TEXT_POINTS = 3, 2, 1, 4
STOP_WORDS = {
    *"the and for with from that this what how our".split(),
    *"des les une pour avec dans par sur aux est".split(),
    *"och att det som med för den till ett ska har inte".split(),
}


@dataclass
class Profile:
    """What is matched: one project, or all the projects of a city."""

    country: str
    theme_ids: set[int]
    sdg_ids: set[int]
    tag_ids: set[int]
    words: list[str]
    # The names of its tags and of their translations, compared by ``languages.tags.key``.
    tag_names: set[str] = field(default_factory=set)
    exclude_ids: set[int] = field(default_factory=set)


@dataclass
class Match:
    project: Project
    score: float
    reasons: list[str]


def significant_words(text: str, limit: int = 15) -> list[str]:
    words = []
    for word in re.findall(r"\w+", fold(text)):
        if len(word) > 3 and word not in STOP_WORDS and not word.isdigit() and word not in words:
            words.append(word)
    return words[:limit]


def words_across_languages(text: str, limit: int = 15) -> list[str]:
    """The significant words of ``text``, then those of its glossary terms' and tag names'
    names in the other languages."""
    own = significant_words(text, limit=limit)
    others = significant_words(" ".join(equivalent_words(text)), limit=limit)
    return own + [word for word in others if word not in own]


def tag_names(tags) -> set[str]:
    """The keys of the names of ``tags`` and of their translations."""
    index = concept_index()
    return {key(name) for tag in tags for name in index.equivalents(tag.name)}


def project_profile(project: Project) -> Profile:
    tags = list(project.tags.all())
    return Profile(
        country=project.city.country,
        theme_ids={theme.pk for theme in project.themes.all()},
        sdg_ids={goal.pk for goal in project.sdgs.all()},
        tag_ids={tag.pk for tag in tags},
        words=words_across_languages(f"{project.title} {project.summary}"),
        exclude_ids={project.pk},
        tag_names=tag_names(tags),
    )


def city_profile(projects: list[Project], country: str, extra_theme_ids=()) -> Profile:
    """The union of a city's projects (prefetched themes, sdgs, tags), plus extra themes."""
    return Profile(
        country=country,
        theme_ids={t.pk for p in projects for t in p.themes.all()} | set(extra_theme_ids),
        sdg_ids={g.pk for p in projects for g in p.sdgs.all()},
        tag_ids={t.pk for p in projects for t in p.tags.all()},
        words=words_across_languages(
            " ".join(f"{p.title} {p.summary}" for p in projects), limit=25
        ),
        exclude_ids={p.pk for p in projects},
        tag_names=tag_names(t for p in projects for t in p.tags.all()),
    )


def _shared(through, owner: str, other: str, ids) -> Coalesce:
    """How many of ``ids`` the candidate project has in a many-to-many table (a subquery)."""
    return Coalesce(
        Subquery(
            through.objects.filter(**{owner: OuterRef("pk"), f"{other}__in": list(ids) or [0]})
            .order_by()
            .values(owner)
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _name_variants(names: set[str]) -> list[str]:
    """The spellings a tag of one of ``names`` may carry: as the concept writes it, lower
    case, capitalised (taggit compares names as written)."""
    index, variants = concept_index(), set()
    for name in names:
        concept = index.concept(name)
        spelled = [other for _code, other in concept.names] if concept else [name]
        for other in spelled:
            variants |= {other, other.lower(), other[:1].upper() + other[1:]}
    return sorted(variants)


def _shared_tags(ids, names=()) -> Coalesce:
    """How many tags the candidate shares: the same tags, or one of their translations."""
    same = Q(tag_id__in=list(ids) or [0])
    if names:
        same |= Q(tag__name__in=_name_variants(set(names)))
    return Coalesce(
        Subquery(
            TaggedItem.objects.filter(
                same,
                content_type=ContentType.objects.get_for_model(Project),
                object_id=OuterRef("pk"),
            )
            .order_by()
            .values("object_id")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def _text_query(words: list[str]):
    combined = None
    for config in dict.fromkeys(SEARCH_CONFIGS.values()):
        part = SearchQuery(" | ".join(words), config=config, search_type="raw")
        combined = part if combined is None else combined | part
    return combined


def _word_overlap(words: set[str], text: str) -> float:
    other = set(words_across_languages(text, limit=40))
    if not words or not other:
        return 0.0
    return len(words & other) / len(words | other)


def peer_matches(profile: Profile, user: User, limit: int = 6) -> list[Match]:
    """The best projects of the other country for ``profile``, that ``user`` may see."""
    other_country = Country.SWEDEN if profile.country == Country.FRANCE else Country.FRANCE
    candidates = (
        Project.objects.visible_to(user)
        .filter(city__country=other_country)
        .exclude(pk__in=profile.exclude_ids)
        .annotate(
            shared_themes=_shared(
                Project.themes.through, "project_id", "theme_id", profile.theme_ids
            ),
            shared_sdgs=_shared(
                Project.sdgs.through, "project_id", "sustainabledevelopmentgoal_id", profile.sdg_ids
            ),
            shared_tags=_shared_tags(profile.tag_ids, profile.tag_names),
        )
    )
    words = [word for word in profile.words if word.isalnum()]
    if uses_postgres() and words:
        candidates = candidates.annotate(
            text=Coalesce(
                SearchRank(F("search_vector"), _text_query(words)), 0.0, output_field=FloatField()
            )
        )
    else:
        candidates = candidates.annotate(text=Value(0.0, output_field=FloatField()))
    candidates = candidates.annotate(
        points=F("shared_themes") * THEME_POINTS
        + F("shared_tags") * TAG_POINTS
        + F("shared_sdgs") * SDG_POINTS
    )
    if uses_postgres():
        ranked = list(
            candidates.filter(points__gt=0)
            .annotate(total=F("points") + F("text") * TEXT_POINTS)
            .order_by("-total", "-created_at")
            .select_related("city")[:limit]
        )
        scored = [(project, project.total) for project in ranked]
    else:
        # SQLite: word overlap computed here on the candidates' titles and summaries.
        rows = list(candidates.filter(points__gt=0).select_related("city"))
        word_set = set(words)
        scored = sorted(
            (
                (p, p.points + TEXT_POINTS * _word_overlap(word_set, f"{p.title} {p.summary}"))
                for p in rows
            ),
            key=lambda pair: (-pair[1], -pair[0].created_at.timestamp()),
        )[:limit]
    return _with_reasons(scored, profile)


def _with_reasons(scored, profile: Profile) -> list[Match]:
    projects = [project for project, _score in scored]
    prefetch_related_objects(
        projects,
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
        Prefetch("sdgs", queryset=SustainableDevelopmentGoal.objects.order_by("number")),
        "tags",  # taggit's manager takes no custom queryset: sorted below
    )
    matches = []
    for project, score in scored:
        reasons = [theme.name for theme in project.themes.all() if theme.pk in profile.theme_ids]
        reasons += [
            _("SDG %(number)d") % {"number": goal.number}
            for goal in project.sdgs.all()
            if goal.pk in profile.sdg_ids
        ]
        shared_tags = [
            shown_tag(tag.name)
            for tag in project.tags.all()
            if tag.pk in profile.tag_ids or key(tag.name) in profile.tag_names
        ]
        reasons += [
            _("tag “%(tag)s”") % {"tag": tag} for tag in sorted(dict.fromkeys(shared_tags), key=str)
        ]
        matches.append(Match(project=project, score=round(score, 2), reasons=reasons))
    return matches
