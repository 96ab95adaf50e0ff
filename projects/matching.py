"""Matching across the two countries: which projects of the other country are closest.

The score of two projects is symmetric and computed from what each project is (its features):
3 points per shared theme, 3 per method or tool both used (``ProjectMethod``: "we used it in…"),
2 per shared tag concept (a tag and its translations are one concept: "espace public" =
"offentligt rum"), 1 per shared SDG, plus 4 × the word overlap (Jaccard) of their significant
words across languages (``project_words``: the words of the title and summary, then the other
languages' names of the glossary terms and translated tags they hold), so that a French and a
Swedish project on one subject match without a word in common. Only a pair sharing a theme, a
method, a tag or a goal matches (words alone do not). Ties go to the newer project. One numpy
implementation (``score_keys``) serves the background task, the bulk command and the live ranking
on SQLite and PostgreSQL alike; scores are kept to 4 decimals with integer arithmetic, so that
every path gives the same number.

Pages do not rank: they read stored lists.

- ``ProjectMatch``: for each live project, its ``TOP_K`` best live projects of the other
  country, whatever their visibility. A page filters them to what the reader may see (live,
  ``Project.objects.visible_to``) and shows 6; a reader who may not see members-only projects
  sees fewer when more than ``TOP_K - 6`` of the best are members-only.
- ``CityMatch`` (``CITY_K`` per city) and ``CityMatchProfile``: the same for all of a city's live
  projects taken together (their themes, methods, goals and tags united; the words of the newest
  projects first, ``CITY_WORDS`` at most), for the suggestions page, which adds the reader's
  themes of expertise by re-ranking the stored candidates and the newest peer projects on those
  themes (the profile stores no methods: the page reads the city's, one query).
- ``ProjectMatchWords``: each project's words, so that one change does not recompute all.

What is kept exact. ``update_matches(project_id)`` (a task queued on commit by every service that
changes a project: create, edit, restore, delete, undelete; and whenever one of its method uses is
added or removed, however: ``projects.method_uses`` receives the model's signals, so that a method
deleted with its uses counts too) recomputes that project's own list
from scratch, then every list that holds it (it may have fallen out, or left for good: deleted,
or moved to the other country) and every list of the other country it now enters (its score
beats the list's last, or the list is not full), from scratch too; then every city's list and
profile. So after the task, provided the lists were exact before, every stored list is the exact
top of what the score gives. Not followed: changes of the glossary or of the tag translations
(the words and concepts of projects that did not change), of a theme or a goal themselves, and
projects written without the services (bulk loads): run ``manage.py compute_matches`` then, which
recomputes everything. Two tasks running at the same time may each miss the other's change to a
list they both rewrite; the next change or ``compute_matches`` puts it right.
"""

import io
import re
from dataclasses import dataclass, field

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from taggit.models import TaggedItem

from accounts.models import User
from cities.enums import Country
from cities.models import City
from cities.rules import reads_members_content
from core.enums import Visibility
from languages.equivalents import equivalent_words
from languages.selectors import attach_translations
from languages.tags import concept_index, key, shown_tag
from methods.models import Method
from themes.models import SustainableDevelopmentGoal, Theme

from .models import (
    CityMatch,
    CityMatchProfile,
    Project,
    ProjectMatch,
    ProjectMatchWords,
    ProjectMethod,
)
from .search import fold

THEME_POINTS, TAG_POINTS, SDG_POINTS, TEXT_POINTS = 3, 2, 1, 4
METHOD_POINTS = 3  # both used the same method or tool: as close as a shared theme
SCALE = 10_000  # scores are kept as integers of 1/10,000 of a point
TOP_K = 12  # stored per project
CITY_K = 30  # stored per city
CITY_WORDS = 25
SHOWN = 6
BLOCK_ENTRIES = 8_000_000  # scores computed at once (rows × candidates): 32 MB a matrix
WRITE_BATCH = 5_000
STOP_WORDS = {
    *"the and for with from that this what how our".split(),
    *"des les une pour avec dans par sur aux est".split(),
    *"och att det som med för den till ett ska har inte".split(),
}


def other_country(country: str) -> str:
    return Country.SWEDEN if country == Country.FRANCE else Country.FRANCE


# --- Features ---------------------------------------------------------------------------------


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


def project_words(title: str, summary: str) -> list[str]:
    return [word for word in words_across_languages(f"{title} {summary}") if word.isalnum()]


def tag_key(name: str, index=None) -> str:
    """What a tag is compared by: its concept (shared by its translations), else its name."""
    concept = (index or concept_index()).concept(name)
    return f"concept:{concept.slug}" if concept else f"tag:{key(name)}"


@dataclass
class Profile:
    """What is matched: one project, or all the projects of a city."""

    country: str
    theme_ids: set[int]
    sdg_ids: set[int]
    tag_ids: set[int]
    words: list[str]
    tag_keys: set[str] = field(default_factory=set)
    exclude_ids: set[int] = field(default_factory=set)
    method_ids: set[int] = field(default_factory=set)


@dataclass
class Match:
    project: Project
    score: float
    reasons: list[str]
    # The methods and tools both used that the reader may read ("Both use: …"), their titles
    # in the reader's language (``method.shown``).
    methods: list[Method] = field(default_factory=list)


def project_profile(project: Project) -> Profile:
    tags = list(project.tags.all())
    index = concept_index()
    return Profile(
        country=project.city.country,
        theme_ids={theme.pk for theme in project.themes.all()},
        sdg_ids={goal.pk for goal in project.sdgs.all()},
        tag_ids={tag.pk for tag in tags},
        words=project_words(project.title, project.summary),
        exclude_ids={project.pk},
        tag_keys={tag_key(tag.name, index) for tag in tags},
        method_ids={use.method_id for use in project.method_uses.all()},
    )


def city_profile(projects: list[Project], country: str, extra_theme_ids=()) -> Profile:
    """The union of a city's projects (prefetched themes, sdgs, tags, method uses; newest
    first), plus extra themes."""
    index = concept_index()
    return Profile(
        country=country,
        theme_ids={t.pk for p in projects for t in p.themes.all()} | set(extra_theme_ids),
        sdg_ids={g.pk for p in projects for g in p.sdgs.all()},
        tag_ids={t.pk for p in projects for t in p.tags.all()},
        words=_first_words(project_words(p.title, p.summary) for p in projects),
        exclude_ids={p.pk for p in projects},
        tag_keys={tag_key(t.name, index) for p in projects for t in p.tags.all()},
        method_ids={use.method_id for p in projects for use in p.method_uses.all()},
    )


def _first_words(word_lists, limit: int = CITY_WORDS) -> list[str]:
    words = {}
    for words_of_one in word_lists:
        for word in words_of_one:
            words.setdefault(word, None)
            if len(words) == limit:
                return list(words)
    return list(words)


@dataclass
class Features:
    """The features of live projects as matrices (one row per project), oldest first."""

    ids: np.ndarray  # project ids
    countries: np.ndarray  # their countries
    city_ids: np.ndarray
    structure: np.ndarray  # themes, methods, tag concepts, goals: 0/1 columns
    weights: np.ndarray  # the points of each structure column
    words: np.ndarray  # 0/1 per word of the vocabulary
    word_counts: np.ndarray  # how many words each project has
    word_lists: list[list[str]]  # in order, for the cities' words
    columns: dict  # ("theme", id) | ("method", id) | ("sdg", id) | ("tag", key) → column
    vocabulary: dict  # word → words column
    position: dict = field(default_factory=dict)  # project id → row

    def __post_init__(self):
        self.position = {pk: row for row, pk in enumerate(self.ids.tolist())}

    def encode(self, profile: Profile) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """One row of ``profile``'s features in these columns."""
        structure = np.zeros((1, self.structure.shape[1]), dtype=np.float32)
        keys = [("theme", pk) for pk in profile.theme_ids]
        keys += [("sdg", pk) for pk in profile.sdg_ids]
        keys += [("method", pk) for pk in profile.method_ids]
        keys += [("tag", name) for name in profile.tag_keys]
        for column in (self.columns.get(name) for name in keys):
            if column is not None:
                structure[0, column] = 1
        words = np.zeros((1, self.words.shape[1]), dtype=np.float32)
        unique = list(dict.fromkeys(profile.words))
        for column in (self.vocabulary.get(word) for word in unique):
            if column is not None:
                words[0, column] = 1
        return structure, words, np.array([len(unique)], dtype=np.int64)


def load_features(projects=None) -> Features:
    """The features of ``projects`` (default: every live project), in seven queries; the words
    of projects that have none stored yet are computed and stored."""
    projects = (Project.objects.alive() if projects is None else projects).order_by(
        "created_at", "pk"
    )
    rows = list(projects.values_list("pk", "city_id", "city__country", "title", "summary"))
    ids = [row[0] for row in rows]
    wanted = set(ids)
    themes, sdgs, tags, methods = {}, {}, {}, {}
    for pk, theme in Project.themes.through.objects.filter(project__in=projects).values_list(
        "project_id", "theme_id"
    ):
        themes.setdefault(pk, []).append(theme)
    for pk, goal in Project.sdgs.through.objects.filter(project__in=projects).values_list(
        "project_id", "sustainabledevelopmentgoal_id"
    ):
        sdgs.setdefault(pk, []).append(goal)
    for pk, method in ProjectMethod.objects.filter(project__in=projects).values_list(
        "project_id", "method_id"
    ):
        methods.setdefault(pk, []).append(method)
    index = concept_index()
    keys = {}
    for pk, name in TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Project), object_id__in=projects.values("pk")
    ).values_list("object_id", "tag__name"):
        if pk in wanted:
            tags.setdefault(pk, []).append(
                keys.get(name) or keys.setdefault(name, tag_key(name, index))
            )
    stored = dict(
        ProjectMatchWords.objects.filter(project__in=projects).values_list("project_id", "words")
    )
    missing = []
    for pk, _city, _country, title, summary in rows:
        if pk not in stored:
            stored[pk] = project_words(title, summary)
            missing.append(ProjectMatchWords(project_id=pk, words=stored[pk]))
    ProjectMatchWords.objects.bulk_create(missing, batch_size=WRITE_BATCH, ignore_conflicts=True)

    columns, weights = {}, []
    for kind, values, points in (
        ("theme", themes, THEME_POINTS),
        ("method", methods, METHOD_POINTS),
        ("tag", tags, TAG_POINTS),
        ("sdg", sdgs, SDG_POINTS),
    ):
        for value in sorted({v for vs in values.values() for v in vs}):
            columns[(kind, value)] = len(weights)
            weights.append(points)
    word_lists = [stored[pk] for pk in ids]
    vocabulary = {}
    for words in word_lists:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    structure = np.zeros((len(ids), len(weights)), dtype=np.float32)
    word_matrix = np.zeros((len(ids), len(vocabulary)), dtype=np.float32)
    counts = np.zeros(len(ids), dtype=np.int64)
    for row, pk in enumerate(ids):
        for kind, values in (("theme", themes), ("method", methods), ("tag", tags), ("sdg", sdgs)):
            for value in values.get(pk, ()):
                structure[row, columns[(kind, value)]] = 1
        unique = set(word_lists[row])
        for word in unique:
            word_matrix[row, vocabulary[word]] = 1
        counts[row] = len(unique)
    return Features(
        ids=np.array(ids, dtype=np.int64),
        countries=np.array([row[2] for row in rows]),
        city_ids=np.array([row[1] for row in rows], dtype=np.int64),
        structure=structure,
        weights=np.array(weights, dtype=np.float32),
        words=word_matrix,
        word_counts=counts,
        word_lists=word_lists,
        columns=columns,
        vocabulary=vocabulary,
    )


# --- Scores -----------------------------------------------------------------------------------


@dataclass
class Candidates:
    """The candidates' side of a score, laid out once for the products."""

    structure: np.ndarray  # columns × candidates, contiguous
    words: np.ndarray
    counts: np.ndarray  # float32

    @classmethod
    def of(cls, features: "Features", rows: np.ndarray) -> "Candidates":
        return cls(
            structure=np.ascontiguousarray(features.structure[rows].T),
            words=np.ascontiguousarray(features.words[rows].T),
            counts=features.word_counts[rows].astype(np.float32),
        )


def scores(structure_a, words_a, counts_a, candidates: Candidates, weights) -> np.ndarray:
    """The scores (in 1/SCALE points, whole numbers in float32) of every row of a against every
    candidate; 0 where they share no theme, method, tag or goal. Exact: every value stays below
    2**24 and the rounding of the division is far below the 1/union steps it floors."""
    points = (structure_a * weights) @ candidates.structure
    shared = words_a @ candidates.words
    union = np.add.outer(counts_a.astype(np.float32), candidates.counts)
    union -= shared
    np.maximum(union, 1, out=union)
    text = shared
    text *= np.float32(TEXT_POINTS * SCALE)
    text += np.floor(union * np.float32(0.5))
    text /= union
    np.floor(text, out=text)
    text[points <= 0] = -np.float32(SCALE)  # below any score: never chosen
    points *= np.float32(SCALE)
    text += points
    np.maximum(text, 0, out=text)
    return text


def score_keys(values: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """Sortable keys: the score, then the candidate's age (``ranks``: higher is newer); -1 for
    no match."""
    keys = values.astype(np.float64)
    keys *= (int(ranks.max()) + 2) if len(ranks) else 1
    keys += ranks[None, :]
    keys[values <= 0] = -1
    return keys


def best(keys: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the columns of the ``limit`` highest keys, best first, and their keys."""
    limit = min(limit, keys.shape[1])
    if limit == 0:
        return np.zeros((keys.shape[0], 0), dtype=np.int64), np.zeros((keys.shape[0], 0))
    columns = np.argpartition(-keys, limit - 1, axis=1)[:, :limit]
    chosen = np.take_along_axis(keys, columns, axis=1)
    order = np.argsort(-chosen, axis=1, kind="stable")
    return np.take_along_axis(columns, order, axis=1), np.take_along_axis(chosen, order, axis=1)


def _ranked(features: Features, rows: np.ndarray, candidates: np.ndarray, limit: int):
    """For each of ``rows`` (rows of ``features``): [(candidate project id, score), …] best
    first, among ``candidates`` (rows too)."""
    ranks = candidates.astype(np.int64)  # rows are oldest first: the row is the age
    laid_out = Candidates.of(features, candidates)
    result = []
    block_rows = max(1, BLOCK_ENTRIES // max(1, len(candidates)))
    for start in range(0, len(rows), block_rows):
        block = rows[start : start + block_rows]
        values = scores(
            features.structure[block],
            features.words[block],
            features.word_counts[block],
            laid_out,
            features.weights,
        )
        columns, keys = best(score_keys(values, ranks), limit)
        chosen = np.take_along_axis(values, columns, axis=1)
        for row_columns, row_keys, row_values in zip(columns, keys, chosen, strict=True):
            result.append(
                [
                    (int(features.ids[candidates[column]]), int(value) / SCALE)
                    for column, key_, value in zip(row_columns, row_keys, row_values, strict=True)
                    if key_ >= 0
                ]
            )
    return result


def _rows_of(features: Features, country: str) -> np.ndarray:
    return np.flatnonzero(features.countries == country)


# --- Stored lists -----------------------------------------------------------------------------


def _project_lists(features: Features, project_ids) -> dict[int, list[tuple[int, float]]]:
    """The lists of ``project_ids`` (live projects of ``features``), computed."""
    lists = {}
    for country in (Country.FRANCE, Country.SWEDEN):
        rows = np.array(
            [
                features.position[pk]
                for pk in project_ids
                if pk in features.position and features.countries[features.position[pk]] == country
            ],
            dtype=np.int64,
        )
        if len(rows):
            candidates = _rows_of(features, other_country(country))
            for row, ranked in zip(rows, _ranked(features, rows, candidates, TOP_K), strict=True):
                lists[int(features.ids[row])] = ranked
    return lists


def _write_project_lists(lists: dict[int, list[tuple[int, float]]], *, everything=False) -> None:
    if everything:
        ProjectMatch.objects.all().delete()
    else:
        ids = list(lists)
        for start in range(0, len(ids), 500):
            ProjectMatch.objects.filter(project_id__in=ids[start : start + 500]).delete()
    rows = ((pk, match, score) for pk, ranked in lists.items() for match, score in ranked)
    if connection.vendor == "postgresql":
        # COPY: a million rows in seconds, where INSERTs take minutes.
        buffer = io.StringIO("".join(f"{pk}\t{match}\t{score!r}\n" for pk, match, score in rows))
        with connection.cursor() as cursor:
            cursor.copy_expert(
                f"COPY {ProjectMatch._meta.db_table} (project_id, match_id, score) FROM STDIN",
                buffer,
            )
        return
    ProjectMatch.objects.bulk_create(
        (ProjectMatch(project_id=pk, match_id=match, score=score) for pk, match, score in rows),
        batch_size=WRITE_BATCH,
    )


def _city_features(features: Features, city_id: int):
    """A city's profile row: its projects' structure united, the words of the newest first."""
    rows = np.flatnonzero(features.city_ids == city_id)
    if not len(rows):
        return rows, None, None, None
    structure = features.structure[rows].max(axis=0, keepdims=True)
    words = _first_words(features.word_lists[row] for row in rows[::-1])
    word_row = np.zeros((1, features.words.shape[1]), dtype=np.float32)
    for word in words:
        word_row[0, features.vocabulary[word]] = 1
    return rows, structure, word_row, np.array([len(words)], dtype=np.int64)


def _lock_lists() -> None:
    """Taken first in the transaction that rewrites stored lists: two rewrites at once (two
    workers, two projects saved together) would each delete rows the other has not committed
    yet and insert the same lists twice. Locking the cities, in order, makes the second wait
    for the first (a no-op on SQLite, whose writes take turns anyway)."""
    list(City.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def _write_city_lists(features: Features) -> None:
    by_column = {column: name for name, column in features.columns.items()}
    profiles, matches = [], []
    for city_id, country in City.objects.values_list("pk", "country"):
        rows, structure, words, counts = _city_features(features, city_id)
        present = (
            [by_column[column] for column in np.flatnonzero(structure[0])] if len(rows) else []
        )
        profiles.append(
            CityMatchProfile(
                city_id=city_id,
                theme_ids=sorted(value for kind, value in present if kind == "theme"),
                sdg_ids=sorted(value for kind, value in present if kind == "sdg"),
                tag_keys=sorted(value for kind, value in present if kind == "tag"),
                project_count=len(rows),
            )
        )
        candidates = _rows_of(features, other_country(country))
        if not len(rows) or not len(candidates):
            continue
        values = scores(
            structure, words, counts, Candidates.of(features, candidates), features.weights
        )
        columns, keys = best(score_keys(values, candidates.astype(np.int64)), CITY_K)
        matches += [
            CityMatch(
                city_id=city_id,
                match_id=int(features.ids[candidates[column]]),
                score=int(values[0, column]) / SCALE,
            )
            for column, key_ in zip(columns[0], keys[0], strict=True)
            if key_ >= 0
        ]
    CityMatchProfile.objects.all().delete()
    CityMatchProfile.objects.bulk_create(profiles)
    CityMatch.objects.all().delete()
    CityMatch.objects.bulk_create(matches, batch_size=WRITE_BATCH)


def compute_all_matches() -> int:
    """Fill every list from scratch (``manage.py compute_matches``); returns how many projects
    have a list."""
    ProjectMatchWords.objects.exclude(project__in=Project.objects.alive()).delete()
    features = load_features()
    lists = _project_lists(features, features.ids.tolist())
    with transaction.atomic():
        _lock_lists()
        _write_project_lists(lists, everything=True)
        _write_city_lists(features)
    return len(lists)


def update_matches(project_id: int) -> None:
    """After ``project_id`` changed (or was created, deleted, undeleted): its list, the lists it
    enters or leaves, and the cities' lists, recomputed (see the module's docstring)."""
    project = Project.objects.filter(pk=project_id).values("title", "summary").first()
    if project is not None:
        ProjectMatchWords.objects.update_or_create(
            project_id=project_id,
            defaults={"words": project_words(project["title"], project["summary"])},
        )
    features = load_features()
    own = _project_lists(features, [project_id])  # empty when deleted
    holders = set(
        ProjectMatch.objects.filter(match_id=project_id).values_list("project_id", flat=True)
    )
    entering = set()
    if project_id in own:
        country = features.countries[features.position[project_id]]
        lists = {pk: (count, low) for pk, count, low in _list_ends(other_country(country))}
        # The score is symmetric: the project's score in a peer's list is the peer's in its own.
        # Its list holds only the best TOP_K peers; a peer outside it may still have room for it.
        full_scores = _ranked(
            features,
            np.array([features.position[project_id]]),
            _rows_of(features, other_country(country)),
            len(features.ids),
        )[0]
        for pk, score in full_scores:
            count, low = lists.get(pk, (0, 0.0))
            if count < TOP_K or score >= low:
                entering.add(pk)
    with transaction.atomic():
        _lock_lists()
        _write_project_lists(
            {project_id: own.get(project_id, [])}
            | _project_lists(features, sorted((holders | entering) - {project_id}))
            | {pk: [] for pk in holders if pk not in features.position}
        )
        _write_city_lists(features)


def _list_ends(country: str):
    """(project id, how many matches, the lowest score) of each stored list of ``country``."""
    return (
        ProjectMatch.objects.filter(project__city__country=country)
        .order_by()
        .values("project_id")
        .annotate(count=Count("pk"), low=Min("score"))
        .values_list("project_id", "count", "low")
    )


# --- Reading ----------------------------------------------------------------------------------


def peer_matches(profile: Profile, user: User, limit: int = SHOWN) -> list[Match]:
    """The best projects of the other country for ``profile``, that ``user`` may see, ranked
    live (for checks and one-off profiles: pages read the stored lists)."""
    candidates = (
        Project.objects.visible_to(user)
        .filter(city__country=other_country(profile.country))
        .exclude(pk__in=profile.exclude_ids)
    )
    features = load_features(candidates)
    if not len(features.ids):
        return []
    structure, words, counts = features.encode(profile)
    everyone = Candidates.of(features, np.arange(len(features.ids)))
    values = scores(structure, words, counts, everyone, features.weights)
    columns, keys = best(score_keys(values, np.arange(len(features.ids))), limit)
    chosen = [
        (int(features.ids[column]), int(values[0, column]) / SCALE)
        for column, key_ in zip(columns[0], keys[0], strict=True)
        if key_ >= 0
    ]
    projects = Project.objects.select_related("city").in_bulk([pk for pk, _score in chosen])
    return with_reasons([(projects[pk], score) for pk, score in chosen], profile, user)


def stored_matches(project: Project, user: User, limit: int = SHOWN) -> list[Match]:
    """``project``'s stored peers that ``user`` may see, best first, with reasons (six queries,
    two when there is none; seven when they share a method: its titles in the reader's
    language). ``project``'s own method uses are read with their methods, for the page's
    "Methods and tools used" too."""
    rows = (
        ProjectMatch.objects.filter(project=project, match__in=Project.objects.visible_to(user))
        .select_related("match__city")
        .order_by("-score", "-match__created_at", "-match_id")[:limit]
    )
    prefetch_related_objects([project], _uses_with_methods())
    tags = list(project.tags.all())
    index = concept_index()
    shared_with = Profile(  # what reasons need: no words, so no glossary
        country=project.city.country,
        theme_ids={theme.pk for theme in project.themes.all()},
        sdg_ids={goal.pk for goal in project.sdgs.all()},
        tag_ids={tag.pk for tag in tags},
        words=[],
        tag_keys={tag_key(tag.name, index) for tag in tags},
        method_ids={use.method_id for use in project.method_uses.all()},
    )
    return with_reasons([(row.match, row.score) for row in rows], shared_with, user)


def city_matches(
    city, user: User, expertise_ids=(), limit: int = 10
) -> tuple[Profile, list[Match]]:
    """The city's profile (with the reader's themes of expertise) and its best peers that
    ``user`` may see: the stored ones, and the newest peers on the reader's other themes,
    ranked with those themes counted (a fixed number of queries)."""
    stored = CityMatchProfile.objects.filter(city=city).first()
    city_themes = set(stored.theme_ids) if stored else set()
    extra_themes = set(expertise_ids) - city_themes
    profile = Profile(
        country=city.country,
        theme_ids=city_themes | extra_themes,
        sdg_ids=set(stored.sdg_ids) if stored else set(),
        tag_ids=set(),
        words=[],
        tag_keys=set(stored.tag_keys) if stored else set(),
        # Not in the stored profile: the methods its live projects used (one query).
        method_ids=set(
            ProjectMethod.objects.filter(project__city=city, project__deleted_at__isnull=True)
            .order_by()
            .values_list("method_id", flat=True)
        ),
    )
    visible = Project.objects.visible_to(user)
    rows = list(
        CityMatch.objects.filter(city=city, match__in=visible)
        .select_related("match__city")
        .order_by("-score", "-match__created_at", "-match_id")[:CITY_K]
    )
    scored = {row.match_id: (row.match, row.score) for row in rows}
    newcomers = []
    if extra_themes:
        # EXISTS rather than a join: the newest first from the listing index, no DISTINCT sort.
        on_themes = Project.themes.through.objects.filter(
            project_id=OuterRef("pk"), theme_id__in=extra_themes
        )
        newcomers = list(
            visible.filter(Exists(on_themes), city__country=other_country(city.country))
            .select_related("city")
            .order_by("-created_at", "-pk")[:CITY_K]
        )
    candidates = [match for match, _score in scored.values()]
    candidates += [project for project in newcomers if project.pk not in scored]
    _prefetch(candidates)
    index = concept_index()
    ranked = []
    for project in candidates:
        themes = {theme.pk for theme in project.themes.all()}
        if project.pk in scored:
            score = scored[project.pk][1]
        else:  # not among the city's best: its points without the words
            score = THEME_POINTS * len(themes & city_themes)
            score += SDG_POINTS * len({goal.pk for goal in project.sdgs.all()} & profile.sdg_ids)
            score += TAG_POINTS * len(
                {tag_key(tag.name, index) for tag in project.tags.all()} & profile.tag_keys
            )
            score += METHOD_POINTS * len(
                {use.method_id for use in project.method_uses.all()} & profile.method_ids
            )
        score += THEME_POINTS * len(themes & extra_themes)
        if score > 0:
            ranked.append((project, score))
    ranked.sort(key=lambda pair: (-pair[1], -pair[0].created_at.timestamp(), -pair[0].pk))
    return profile, with_reasons(ranked[:limit], profile, user)


def _uses_with_methods() -> Prefetch:
    """A project's method uses with their methods, by title (``projects.method_uses`` reads the
    same: the project page reads them once)."""
    return Prefetch(
        "method_uses",
        queryset=ProjectMethod.objects.select_related("method").order_by("method__title", "pk"),
    )


def _prefetch(projects: list[Project]) -> None:
    prefetch_related_objects(
        projects,
        Prefetch("themes", queryset=Theme.objects.order_by("kind", "position")),
        Prefetch("sdgs", queryset=SustainableDevelopmentGoal.objects.order_by("number")),
        "tags",  # taggit's manager takes no custom queryset: sorted below
        _uses_with_methods(),
    )


def _shared_methods(project: Project, profile: Profile, user: User | None) -> list[Method]:
    """The methods ``project`` shares with ``profile`` that ``user`` may read (members-only ones
    count in the score, but are named only to who may read them)."""
    members = user is not None and reads_members_content(user)
    return [
        use.method
        for use in project.method_uses.all()
        if use.method_id in profile.method_ids
        and (members or use.method.visibility == Visibility.PUBLIC)
    ]


def with_reasons(scored, profile: Profile, user: User | None = None) -> list[Match]:
    """Matches with what they share with ``profile``: themes, goals, tags, and the methods both
    used that ``user`` may read (four queries; five when a method is shared: its title in the
    reader's language)."""
    _prefetch([project for project, _score in scored])
    shared = {project.pk: _shared_methods(project, profile, user) for project, _score in scored}
    named = [method for found in shared.values() for method in found]
    if named:
        attach_translations(named, get_language())
    index = concept_index()
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
            if tag.pk in profile.tag_ids or tag_key(tag.name, index) in profile.tag_keys
        ]
        reasons += [
            _("tag “%(tag)s”") % {"tag": tag} for tag in sorted(dict.fromkeys(shared_tags), key=str)
        ]
        matches.append(
            Match(
                project=project,
                score=round(score, 2),
                reasons=reasons,
                methods=shared[project.pk],
            )
        )
    return matches
