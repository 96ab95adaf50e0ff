"""Tag translations: which concept a tag's name belongs to, read from a cached index.

Tags are shown on list and detail pages and expand every search, so the concepts are read from
the database once per version, as the glossary's terms are (``languages.terms``): the version
lives in the cache (bumped by the services whenever a concept changes), the rows under that
version in the cache, and the index in this process, keyed by the version.
"""

import threading
import uuid
from dataclasses import dataclass

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.text import slugify
from django.utils.translation import get_language

from .enums import GLOSSARY_LANGUAGES
from .text import fold

VERSION_KEY = "tags:concepts:version"
ROWS_KEY = "tags:concepts:{version}"
ROWS_TIMEOUT = 24 * 60 * 60


@dataclass(frozen=True)
class Concept:
    slug: str
    names: tuple  # ((language, name), …) in the glossary's order

    def name(self, language: str) -> str:
        return dict(self.names).get(language, "")

    def language_of(self, name: str, preferred: str = "") -> str:
        """The language of ``name`` among the concept's names ("region" is sv and en: the
        preferred one when it is one of them)."""
        codes = [code for code, other in self.names if fold(other) == fold(name)]
        if preferred in codes:
            return preferred
        return codes[0] if codes else ""


def key(name: str) -> str:
    """What a tag's name is compared by: case, accents and spacing aside."""
    return " ".join(fold(name).split())


@dataclass(frozen=True)
class ConceptIndex:
    by_name: dict  # key(name) → Concept
    by_slug: dict  # slugify(name, allow_unicode=True), as taggit makes a tag's slug → Concept

    def concept(self, name: str) -> Concept | None:
        return self.by_name.get(key(name))

    def equivalents(self, name: str) -> list[str]:
        """Every name of the concept ``name`` belongs to (``name`` itself when none)."""
        concept = self.concept(name)
        return [other for _code, other in concept.names] if concept else [name]

    def equivalent_slugs(self, slug: str) -> list[str]:
        """The slugs of the tags of the concept whose tag has ``slug`` (``slug`` first)."""
        concept = self.by_slug.get(slug)
        if concept is None:
            return [slug]
        names = [slugify(name, allow_unicode=True) for _code, name in concept.names]
        return list(dict.fromkeys([slug, *names]))


def build_index(rows: list[tuple]) -> ConceptIndex:
    """The index of (slug, name_fr, name_sv, name_en) rows; the first concept to claim a name
    keeps it."""
    by_name, by_slug = {}, {}
    for slug, *names in rows:
        concept = Concept(
            slug=slug,
            names=tuple(
                (code, name) for code, name in zip(GLOSSARY_LANGUAGES, names, strict=True) if name
            ),
        )
        for _code, name in concept.names:
            by_name.setdefault(key(name), concept)
            by_slug.setdefault(slugify(name, allow_unicode=True), concept)
    return ConceptIndex(by_name=by_name, by_slug=by_slug)


# The version is read once per request (a page naming 30 tags asks the shared cache once);
# outside a request (tasks, commands), at every call.
_request = Local()


def _request_started(**kwargs) -> None:
    _request.version = ""


def _request_finished(**kwargs) -> None:
    _request.version = None


request_started.connect(_request_started, dispatch_uid="languages.tags.request_started")
request_finished.connect(_request_finished, dispatch_uid="languages.tags.request_finished")


def concepts_version() -> str:
    """The concepts' version: a cache read (once per request), no query."""
    in_request = getattr(_request, "version", None)
    if in_request:
        return in_request
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    if in_request is not None:  # "" once a request started
        _request.version = version
    return version


def bump_concepts_version() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    if getattr(_request, "version", None) is not None:
        _request.version = version


def _rows() -> list[tuple]:
    from .models import TagConcept

    fields = [f"name_{code}" for code in GLOSSARY_LANGUAGES]
    return list(TagConcept.objects.order_by("slug").values_list("slug", *fields))


_memo: tuple[str, ConceptIndex] | None = None
_memo_lock = threading.Lock()


def concept_index() -> ConceptIndex:
    """The index of the tag concepts: no query once this version is cached."""
    global _memo
    version = concepts_version()
    memo = _memo
    if memo is not None and memo[0] == version:
        return memo[1]
    rows_key = ROWS_KEY.format(version=version)
    rows = cache.get(rows_key)
    if rows is None:
        rows = _rows()
        cache.set(rows_key, rows, timeout=ROWS_TIMEOUT)
    index = build_index(rows)
    with _memo_lock:
        _memo = (version, index)
    return index


class ShownTag(str):
    """A tag's name as shown to a reader: ``lang`` is the language of the name shown ("" when
    unknown), ``foreign`` whether it differs from the reader's (the page then says it with a
    ``lang`` attribute), ``original`` the name the tag carries."""

    lang: str
    foreign: bool
    original: str
    is_translated: bool


def shown_tag(name: str, language: str | None = None, fallback_language: str = "") -> ShownTag:
    """The name of the tag ``name`` in ``language`` (the reader's) when its concept has one;
    else the tag's own name in its own language (``fallback_language`` when not known)."""
    language = language or (get_language() or "en").split("-")[0]
    concept = concept_index().concept(name)
    translated = concept.name(language) if concept else ""
    if translated:
        shown = ShownTag(translated)
        shown.lang = language
    else:
        shown = ShownTag(name)
        own = concept.language_of(name, fallback_language) if concept else ""
        shown.lang = own or fallback_language
    shown.foreign = bool(shown.lang) and shown.lang != language
    shown.original = name
    shown.is_translated = fold(str(shown)) != fold(name)
    return shown
