"""Reads of the glossary."""

from dataclasses import dataclass
from itertools import groupby

from .enums import GLOSSARY_LANGUAGES
from .models import GlossaryEntry
from .services import CONTENT_FIELDS
from .text import fold, initial, sort_key

# What the search looks in: the terms and the definitions, in the three languages.
SEARCHED_FIELDS = [
    *(f"term_{code}" for code in GLOSSARY_LANGUAGES),
    *(f"definition_{code}" for code in GLOSSARY_LANGUAGES),
]


@dataclass
class Row:
    entry: GlossaryEntry
    term: str
    language: str  # the language of ``term``: the reader's, or another when theirs has none


def glossary_rows(*, language: str, query: str = "") -> list[Row]:
    """The published entries matching every word of ``query`` (accents and case ignored), in
    the alphabetical order of ``language``.

    The glossary holds hundreds of entries, not millions: it is read in one query and sorted
    here, where Swedish å, ä, ö can follow z on SQLite and PostgreSQL alike.
    """
    words = fold(query).split()
    rows = []
    for entry in GlossaryEntry.objects.published().only("slug", "system", *SEARCHED_FIELDS):
        if words:
            haystack = fold(" ".join(getattr(entry, field) for field in SEARCHED_FIELDS))
            if not all(word in haystack for word in words):
                continue
        term, term_language = entry.term(language)
        rows.append(Row(entry, term, term_language))
    rows.sort(key=lambda row: (sort_key(row.term, language), row.entry.slug))
    return rows


def by_initial(rows: list[Row], language: str) -> list[tuple[str, list[Row]]]:
    return [
        (letter, list(group))
        for letter, group in groupby(rows, key=lambda row: initial(row.term, language))
    ]


def pending_proposals():
    return (
        GlossaryEntry.objects.pending()
        .select_related("corrects", "proposed_by")
        .order_by("proposed_at", "pk")
    )


def correction_changes(correction: GlossaryEntry) -> list[dict]:
    """The fields a correction changes: label, what the entry says now, what is proposed."""
    current = correction.corrects
    return [
        {
            "label": GlossaryEntry._meta.get_field(field).verbose_name,
            "now": getattr(current, field),
            "proposed": getattr(correction, field),
        }
        for field in CONTENT_FIELDS
        if getattr(current, field) != getattr(correction, field)
    ]
