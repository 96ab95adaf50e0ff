"""The published glossary terms, as one regular expression that finds them in member texts.

Pages mark the terms of every project, question and event text, so the index is read from the
database once per version of the glossary: the version lives in the cache (bumped by the
services whenever an entry is published, changed or rejected), the entries under that version
in the cache, and the compiled index in this process, keyed by the version.
"""

import re
import threading
import uuid
from dataclasses import dataclass

from django.core.cache import cache

from .enums import GLOSSARY_LANGUAGES

VERSION_KEY = "glossary:terms:version"
ENTRIES_KEY = "glossary:terms:{version}"
# Long enough that a page rarely rebuilds it, short enough that a lost bump heals by itself.
ENTRIES_TIMEOUT = 24 * 60 * 60
# "plan local d'urbanisme (PLU)": the term, then its acronym (or another name) in brackets.
BRACKETED = re.compile(r"^(?P<term>.+?)\s*\((?P<other>[^()]+)\)$")
APOSTROPHES = "'’ʼ"


@dataclass(frozen=True)
class Term:
    slug: str
    expansions: dict  # language → the spelled-out term, for an acronym's title
    acronym: bool


@dataclass(frozen=True)
class TermIndex:
    pattern: re.Pattern | None
    acronyms: dict  # "PLU" → Term, matched exactly
    words: dict  # folded "plan local d'urbanisme" → Term
    entries: dict = None  # slug → {language: the entry's first name in it}

    def find(self, matched: str) -> Term | None:
        return self.acronyms.get(matched) or self.words.get(_fold(matched))

    def found_in(self, text: str) -> list[tuple[str, str]]:
        """(slug, the words as written) of each entry the text names, in order, once each."""
        found: dict[str, str] = {}
        if self.pattern is None or not text:
            return []
        for match in self.pattern.finditer(text):
            term = self.find(match.group(0))
            if term is not None:
                found.setdefault(term.slug, match.group(0))
        return list(found.items())

    def glossary(self, texts: list[str], source: str, target: str) -> dict[str, str]:
        """The terms of ``texts`` (written in ``source``) mapped to the entry's name in
        ``target``, for an engine to keep: entries with no name in the target are left out."""
        mapping = {}
        for text in texts:
            for slug, words in self.found_in(text):
                names = (self.entries or {}).get(slug, {})
                if names.get(target) and names.get(source):
                    mapping.setdefault(words, names[target])
        return mapping


def is_acronym(text: str) -> bool:
    """PLU, SCoT, PLUi: one word with capitals after its first letter."""
    return " " not in text and sum(char.isupper() for char in text) >= 2


def _fold(text: str) -> str:
    for apostrophe in APOSTROPHES[1:]:
        text = text.replace(apostrophe, "'")
    return " ".join(text.casefold().split())


def _names(term: str) -> list[str]:
    """The names a term field holds: "préfet, préfecture", "plan local d'urbanisme (PLU)"."""
    names = []
    for part in term.split(", "):
        part = part.strip()
        bracketed = BRACKETED.match(part)
        if bracketed:
            names += [bracketed["term"].strip(), bracketed["other"].strip()]
        elif part:
            names.append(part)
    return names


def _expression(name: str, acronym: bool) -> str:
    words = []
    for word in name.split():
        escaped = re.escape(word)
        for apostrophe in APOSTROPHES:
            escaped = escaped.replace(re.escape(apostrophe), f"[{APOSTROPHES}]")
        words.append(escaped)
    expression = r"\s+".join(words)
    return expression if acronym else f"(?i:{expression})"


def build_index(rows: list[tuple]) -> TermIndex:
    """The index of (slug, term_fr, term_sv, term_en) rows."""
    acronyms, words, expressions, entries = {}, {}, {}, {}
    for slug, *terms in rows:
        entries[slug] = {
            code: _names(term)[0]
            for code, term in zip(GLOSSARY_LANGUAGES, terms, strict=True)
            if _names(term)
        }
        expansions = {}
        names = []
        for code, term in zip(GLOSSARY_LANGUAGES, terms, strict=True):
            for name in _names(term):
                names.append(name)
                if not is_acronym(name):
                    expansions.setdefault(code, name)
        for name in names:
            acronym = is_acronym(name)
            found = Term(slug=slug, expansions=expansions if acronym else {}, acronym=acronym)
            # The first entry to claim a name keeps it: two entries never share a link.
            if acronym:
                acronyms.setdefault(name, found)
            else:
                words.setdefault(_fold(name), found)
            expressions.setdefault(_expression(name, acronym), len(name))
    if not expressions:
        return TermIndex(pattern=None, acronyms={}, words={}, entries={})
    # Longest first, so that "PLUi" and "plan local d'urbanisme intercommunal" win over "PLU".
    alternatives = sorted(expressions, key=lambda expression: -expressions[expression])
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return TermIndex(pattern=pattern, acronyms=acronyms, words=words, entries=entries)


def terms_version() -> str:
    """The glossary's version: a cache read, no query."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_terms_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _published_rows() -> list[tuple]:
    from .models import GlossaryEntry

    fields = [f"term_{code}" for code in GLOSSARY_LANGUAGES]
    return list(GlossaryEntry.objects.published().order_by("slug").values_list("slug", *fields))


def published_term_rows(version: str) -> list[tuple]:
    """The (slug, term_fr, term_sv, term_en) rows of the published entries under ``version``:
    one query, then none until the version changes."""
    key = ENTRIES_KEY.format(version=version)
    rows = cache.get(key)
    if rows is None:
        rows = _published_rows()
        cache.set(key, rows, timeout=ENTRIES_TIMEOUT)
    return rows


def term_names(term: str) -> list[str]:
    return _names(term)


_memo: tuple[str, TermIndex] | None = None
_memo_lock = threading.Lock()


def term_index() -> TermIndex:
    """The index of the published terms: no query once this version is cached."""
    global _memo
    version = terms_version()
    memo = _memo
    if memo is not None and memo[0] == version:
        return memo[1]
    index = build_index(published_term_rows(version))
    with _memo_lock:
        _memo = (version, index)
    return index


def glossary_for(texts: list[str], source: str, target: str) -> dict[str, str]:
    return term_index().glossary(texts, source, target)
