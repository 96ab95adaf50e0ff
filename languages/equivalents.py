"""Equivalent names across languages, for searching and matching: the glossary's published terms
("permis de construire" = "bygglov" = "building permit", "PLU" = "plan local d'urbanisme") and
the tag translations ("espace public" = "offentligt rum" = "public space").

Built from the two cached indexes (``languages.terms`` and ``languages.tags``): no query once
their versions are cached, whatever the number of searches.
"""

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from .tags import concept_index, concepts_version
from .terms import is_acronym, published_term_rows, term_names, terms_version
from .text import fold

# A name found in a query brings at most this many other names, so that a query stays small.
MAX_ALTERNATIVES = 12


def normalized(text: str) -> str:
    """Words only, lower case, no accents: "Plan local d'urbanisme" → "plan local d urbanisme"."""
    return " ".join(re.findall(r"\w+", fold(text)))


@dataclass(frozen=True)
class EquivalentIndex:
    names: dict  # normalized name → tuple of the normalized names equivalent to it (itself first)
    query_pattern: re.Pattern | None  # every name, on normalized text
    text_pattern: re.Pattern | None  # names but acronyms, on normalized text
    acronym_pattern: re.Pattern | None  # acronyms as written ("PLU", not "plu"), on the text

    def equivalents(self, name: str) -> tuple:
        return self.names.get(normalized(name), ())


def _pattern(names, flags=0) -> re.Pattern | None:
    names = sorted(set(names), key=lambda name: (-len(name), name))
    if not names:
        return None
    alternatives = "|".join(re.escape(name).replace(r"\ ", " ") for name in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)


def build_index(glossary_rows: list[tuple], concepts) -> EquivalentIndex:
    """The index of the glossary's (slug, term_fr, term_sv, term_en) rows and of the tag
    concepts (``languages.tags.Concept``)."""
    groups = []
    for _slug, *terms in glossary_rows:
        groups.append([name for term in terms for name in term_names(term)])
    for concept in concepts:
        groups.append([name for _code, name in concept.names])
    names: dict[str, list[str]] = {}
    acronyms, words = set(), set()
    for group in groups:
        group_names = list(dict.fromkeys(normalized(name) for name in group if normalized(name)))
        if len(group_names) < 2:
            continue  # a name with no other name: nothing to add
        for name in group:
            key = normalized(name)
            if not key:
                continue
            (acronyms if is_acronym(name) else words).add(name if is_acronym(name) else key)
            same = names.setdefault(key, [key])
            same += [other for other in group_names if other not in same]
    return EquivalentIndex(
        names={key: tuple(same) for key, same in names.items()},
        query_pattern=_pattern(names),
        text_pattern=_pattern(words),
        acronym_pattern=_pattern(acronyms),
    )


_memo: tuple[tuple, EquivalentIndex] | None = None
_memo_lock = threading.Lock()


def equivalent_index() -> EquivalentIndex:
    global _memo
    versions = (terms_version(), concepts_version())
    memo = _memo
    if memo is not None and memo[0] == versions:
        return memo[1]
    rows = published_term_rows(versions[0])
    concepts = {concept.slug: concept for concept in concept_index().by_name.values()}
    index = build_index(rows, list(concepts.values()))
    with _memo_lock:
        _memo = (versions, index)
    return index


def expand_query(query: str) -> list[list[str]] | None:
    """The query as a list of parts, each a list of alternatives (normalized phrases, the
    query's own words first), when a name in it has equivalents; None when none has.

    "espace public Göteborg" → [["espace public", "offentligt rum", "public space"],
    ["goteborg"]]: a text matches when it matches one alternative of every part.
    """
    text = normalized(query)
    if not text:
        return None
    index = equivalent_index()
    if index.query_pattern is None:
        return None
    parts, position, found = [], 0, False
    for match in index.query_pattern.finditer(text):
        parts += [[word] for word in text[position : match.start()].split()]
        parts.append(list(index.names[match.group()][: MAX_ALTERNATIVES + 1]))
        position, found = match.end(), True
    parts += [[word] for word in text[position:].split()]
    return parts if found else None


def matching_condition(query: str, words: list[str], every_word: Callable[[list[str]], Q]) -> Q:
    """A filter for texts holding every word of the query (``every_word(words)`` builds it),
    or every word of the query with its glossary terms and tag names in another language."""
    condition = every_word(words)
    parts = expand_query(query)
    if parts:
        expanded = Q()
        for part in parts:
            alternatives = Q()
            for alternative in part:
                alternatives |= every_word(alternative.split())
            expanded &= alternatives
        condition |= expanded
    return condition


def equivalent_words(text: str) -> list[str]:
    """The words of the names, in other languages, of the terms and tag names ``text`` holds
    (its own words left out): "Le PLU de la commune" → "plan", "local", "urbanisme", "kommun",
    "municipality"…"""
    index = equivalent_index()
    keys = []
    if index.text_pattern is not None:
        keys += index.text_pattern.findall(normalized(text))
    if index.acronym_pattern is not None:
        keys += [normalized(name) for name in index.acronym_pattern.findall(text)]
    own = set(normalized(text).split())
    words = []
    for key in dict.fromkeys(keys):
        for other in index.names.get(key, ())[1:]:
            words += [word for word in other.split() if word not in own and word not in words]
    return words
