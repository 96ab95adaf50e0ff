"""Full-text search of projects.

PostgreSQL: a stored, weighted ``tsvector`` per project (title A; summary and tags B; the rest C)
built with the text-search configuration of the project's language, and of each translation's
language for its translations (``languages.models.Translation``, reindexed when one is saved),
accent-insensitive (configurations ``alliance_fr/sv/en`` of migration 0002 put ``unaccent``
before the stemmer), a GIN index, ranking, and ``ts_headline`` snippets for the shown page only.
SQLite (development): every word must appear in an accent-folded copy of the text.

Across languages: a query naming a glossary term or a translated tag also searches its names in
the other languages ("espace public" also searches "offentligt rum" and "public space"), each
in every language's configuration (``languages.equivalents``, cached: no query per search).
"""

import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core import pagecache
from languages.equivalents import expand_query, matching_condition
from languages.models import Translation

from .enums import SEARCH_CONFIGS, SOFT_FIELDS
from .models import Project

BODY_FIELDS = ["description", *SOFT_FIELDS, "lead_organisation"]
# How many matching projects a search ranks (PostgreSQL), at most.
SEARCH_CANDIDATES = 500
# ts_headline's marks: control characters, so that the headline can be escaped, then marked.
START, STOP = "\x02", "\x03"


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def fold(text: str) -> str:
    """Lower-case, accent-free, character for character (so positions match the original)."""
    return "".join(
        (unicodedata.normalize("NFKD", char)[:1] or char).lower()[:1] or char for char in text
    )


def _words(query: str) -> list[str]:
    return [word for word in fold(query).split() if word]


def _highlighted_words(query: str) -> list[str]:
    """The query's words and those of the other languages' names it was expanded with."""
    words = _words(query)
    for part in expand_query(query) or []:
        for alternative in part[1:]:
            words += [word for word in alternative.split() if word not in words]
    return words


def _translated_texts(project: Project) -> dict[str, dict[str, str]]:
    """The project's translations: language → field → text (one query)."""
    texts: dict[str, dict[str, str]] = {}
    rows = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Project), object_id=project.pk
    ).values_list("language", "field", "text")
    for language, field, text in rows:
        texts.setdefault(language, {})[field] = text
    return texts


def index_project(project: Project, *, translations: bool = True) -> None:
    """Refresh the project's stored search data (call after its fields, tags or translations
    are saved): the original in its language's configuration, each translation in its own, each
    field with its weight (title A; summary and tags B; the rest C)."""
    tags = " ".join(sorted(project.tags.names()))
    city = project.city.all_names
    versions = [
        (
            project.content_language,
            project.title,
            f"{project.summary} {tags}",
            " ".join([getattr(project, field) for field in BODY_FIELDS] + city),
        )
    ]
    for language, fields in (_translated_texts(project) if translations else {}).items():
        if language == project.content_language or language not in SEARCH_CONFIGS:
            continue
        versions.append(
            (
                language,
                fields.get("title", ""),
                fields.get("summary", ""),
                " ".join(fields.get(field, "") for field in BODY_FIELDS),
            )
        )
    values = {"search_text": fold(" ".join(text for version in versions for text in version[1:]))}
    if uses_postgres():
        vector = None
        for language, title, summary, body in versions:
            config = SEARCH_CONFIGS[language]
            part = (
                SearchVector(Value(title), weight="A", config=config)
                + SearchVector(Value(summary), weight="B", config=config)
                + SearchVector(Value(body), weight="C", config=config)
            )
            vector = part if vector is None else vector + part
        values["search_vector"] = vector
    Project.objects.filter(pk=project.pk).update(**values)
    pagecache.content_changed()  # an update() is not seen by the page cache's signals


def _any_config(text: str, search_type: str):
    combined = None
    for config in dict.fromkeys(SEARCH_CONFIGS.values()):
        part = SearchQuery(text, config=config, search_type=search_type)
        combined = part if combined is None else combined | part
    return combined


def search_query(query: str):
    """A query matching a project whatever language it was written in: the query as typed,
    or the query with its glossary terms and tag names in another language."""
    combined = _any_config(query, "websearch")
    parts = expand_query(query)
    if parts:
        expanded = None
        for part in parts:
            alternatives = None
            for alternative in part:
                one = _any_config(alternative, "plain")
                alternatives = one if alternatives is None else alternatives | one
            expanded = alternatives if expanded is None else expanded & alternatives
        combined = combined | expanded
    return combined


def _contains_all(words: list[str]) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    return condition


def search(projects: QuerySet[Project], query: str) -> QuerySet[Project]:
    """Filter ``projects`` to those matching ``query``, best first."""
    words = _words(query)
    if not words:
        return projects
    if uses_postgres():
        ts_query = search_query(query)
        # The GIN index finds the matches; ranking reads each one's vector, so only the first
        # SEARCH_CANDIDATES found are ranked: a search costs the same however many match.
        candidates = projects.filter(search_vector=ts_query).order_by().values("pk")
        return (
            projects.filter(pk__in=candidates[:SEARCH_CANDIDATES])
            .annotate(rank=SearchRank(F("search_vector"), ts_query))
            .order_by("-rank", "-created_at")
        )
    return projects.filter(matching_condition(query, words, _contains_all))


def _python_snippet(text: str, words: list[str], width: int = 220) -> SafeString:
    folded = fold(text)
    positions = [folded.find(word) for word in words if folded.find(word) >= 0]
    start = max(0, min(positions) - 60) if positions else 0
    excerpt, folded_excerpt = text[start : start + width], folded[start : start + width]
    marks = sorted(
        (i, i + len(word))
        for word in words
        for i in range(len(folded_excerpt))
        if folded_excerpt.startswith(word, i)
    )
    pieces, cursor = [], 0
    for begin, end in marks:
        if begin < cursor:
            continue
        pieces += [escape(excerpt[cursor:begin]), "<mark>", escape(excerpt[begin:end]), "</mark>"]
        cursor = end
    pieces.append(escape(excerpt[cursor:]))
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece escaped


def _marked(headline: str) -> SafeString:
    return mark_safe(  # noqa: S308 - escaped first, then only our own marks become tags
        escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    )


def add_snippets(projects: list[Project], query: str) -> None:
    """Set ``project.snippet`` (highlighted, safe HTML) on the projects of the page shown."""
    words = _highlighted_words(query)
    if not projects or not words:
        return
    if not uses_postgres():
        for project in projects:
            project.snippet = _python_snippet(f"{project.summary} {project.description}", words)
        return
    ts_query = search_query(query)
    text = Concat(F("summary"), Value(" "), F("description"), output_field=TextField())
    options = {"start_sel": START, "stop_sel": STOP, "max_words": 35, "min_words": 15}
    headlines = dict(
        Project.objects.filter(pk__in=[project.pk for project in projects])
        .annotate(
            headline=Case(
                *[
                    When(
                        content_language=language,
                        then=SearchHeadline(text, ts_query, config=config, **options),
                    )
                    for language, config in SEARCH_CONFIGS.items()
                ]
            )
        )
        .values_list("pk", "headline")
    )
    for project in projects:
        project.snippet = _marked(headlines.get(project.pk) or project.summary)
