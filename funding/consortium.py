"""The consortium a call's page suggests: projects of the other country than the cities already
interested (France ↔ Sweden), each with why.

Two kinds of reason, both read, never computed here:

- the stored peer matches (``projects.models.ProjectMatch``, kept by ``projects.matching``) of
  the projects the interested cities named, or, for a city that named none, the stored matches
  of all its projects together (``CityMatch``): "Matches Saint-Brieuc's project “…”";
- the call's themes that the project shares: "Shares the call's theme: Public spaces".

With no city interested yet, projects of both countries sharing the call's themes. Only
countries the call is open to, only cities not interested already, only active cities, only
projects the reader may see. A fixed number of queries whatever the data: the call's themes,
the two kinds of stored matches, the newest projects on the call's themes, the themes of the
projects suggested and their titles in the reader's language.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import User
from cities.enums import Country
from languages.selectors import attach_translations
from projects.matching import THEME_POINTS, other_country
from projects.models import CityMatch, Project, ProjectMatch
from themes.models import Theme

from .models import CallInterest, FundingCall
from .partner_selectors import interests_for

LIMIT = 8
MATCH_ROWS = 200  # stored matches read at most (the best ones): 12 per project are stored
THEMED = 40  # newest projects on the call's themes considered
MATCH_REASONS = 3  # peer-match reasons shown per suggestion at most


@dataclass
class Suggestion:
    project: Project
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    matched: list = field(default_factory=list)  # (interested project or None, its city)
    themes: list[Theme] = field(default_factory=list)


def eligible_countries(call: FundingCall) -> set[str]:
    countries = set()
    if call.open_to_france:
        countries.add(Country.FRANCE)
    if call.open_to_sweden:
        countries.add(Country.SWEDEN)
    return countries


def suggest(
    call: FundingCall,
    *,
    user: User | None = None,
    interests: list[CallInterest] | None = None,
    limit: int = LIMIT,
    language: str | None = None,
) -> list[Suggestion]:
    """Up to ``limit`` projects for ``call``'s consortium, best first, with their reasons; the
    titles of the projects suggested and of the interested cities' projects (``interests``,
    read when not given) are attached in the reader's ``language``."""
    if interests is None:
        interests = interests_for(call)
    interested = {interest.city_id for interest in interests}
    countries = {interest.city.country for interest in interests}
    wanted = {other_country(country) for country in countries} if countries else set(Country)
    wanted &= eligible_countries(call)
    named = [project for interest in interests for project in interest.projects.all()]
    if not wanted:
        attach_translations(named, language or get_language())
        return []
    candidates = (
        (Project.objects.visible_to(user) if user is not None else Project.objects.alive())
        .filter(city__country__in=wanted, city__is_active=True)
        .exclude(city_id__in=interested)
    )
    call_themes = list(call.themes.all())
    found: dict[int, Suggestion] = {}

    def suggestion(project: Project) -> Suggestion:
        if project.pk not in found:
            found[project.pk] = Suggestion(project=project)
        return found[project.pk]

    # Stored peers of the projects the interested cities named: each interested city's projects
    # match projects of the other country only, so the country filter keeps the right side.
    by_pk = {project.pk: project for project in named}
    if by_pk:
        rows = (
            ProjectMatch.objects.filter(project_id__in=list(by_pk), match__in=candidates)
            .select_related("match__city")
            .order_by("-score", "-match__created_at", "-match_id")[:MATCH_ROWS]
        )
        for row in rows:
            item = suggestion(row.match)
            item.score += row.score
            own = by_pk[row.project_id]
            item.matched.append((own, own.city))
    # Cities that named no project: the stored peers of all their projects together.
    unnamed = {
        interest.city_id: interest.city for interest in interests if not interest.projects.all()
    }
    if unnamed:
        rows = (
            CityMatch.objects.filter(city_id__in=list(unnamed), match__in=candidates)
            .select_related("match__city")
            .order_by("-score", "-match__created_at", "-match_id")[:MATCH_ROWS]
        )
        for row in rows:
            item = suggestion(row.match)
            item.score += row.score
            item.matched.append((None, unnamed[row.city_id]))
    if call_themes:
        on_themes = Project.themes.through.objects.filter(
            project_id=OuterRef("pk"), theme_id__in=[theme.pk for theme in call_themes]
        )
        for project in (
            candidates.filter(Exists(on_themes))
            .select_related("city")
            .order_by("-created_at", "-pk")[:THEMED]
        ):
            suggestion(project)
    if not found:
        attach_translations(named, language or get_language())
        return []
    prefetch_related_objects(
        [item.project for item in found.values()],
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
    )
    call_theme_ids = {theme.pk for theme in call_themes}
    for item in found.values():
        item.themes = [theme for theme in item.project.themes.all() if theme.pk in call_theme_ids]
        item.score += THEME_POINTS * len(item.themes)
    ranked = sorted(
        (item for item in found.values() if item.score > 0),
        key=lambda item: (-item.score, -item.project.created_at.timestamp(), -item.project.pk),
    )[:limit]
    # One query for every title the suggestions and the interests show.
    attach_translations([*named, *(item.project for item in ranked)], language or get_language())
    for item in ranked:
        item.score = round(item.score, 2)
        item.reasons = _reasons(item)
    return ranked


def _reasons(item: Suggestion) -> list[str]:
    reasons = []
    for own, city in item.matched:
        if own is None:
            text = _("Matches the projects of %(city)s") % {"city": city.display_name}
        else:
            text = _("Matches %(city)s's project “%(title)s”") % {
                "city": city.display_name,
                "title": own.shown.title,
            }
        if text not in reasons:
            reasons.append(text)
    reasons = reasons[:MATCH_REASONS]
    reasons += [
        _("Shares the call's theme: %(theme)s") % {"theme": theme.name} for theme in item.themes
    ]
    return reasons
