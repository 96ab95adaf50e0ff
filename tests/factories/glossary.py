"""Glossary entries for tests."""

import itertools

from languages.enums import EntryState, PlanningSystem
from languages.models import GlossaryEntry
from languages.terms import bump_terms_version

_sequence = itertools.count(1)


def make_entry(**fields) -> GlossaryEntry:
    """A published French-system entry with its three terms and one source, unless told."""
    number = next(_sequence)
    values = {
        "slug": f"term-{number}",
        "system": PlanningSystem.FRANCE,
        "term_fr": f"terme {number}",
        "term_sv": f"term {number}",
        "term_en": f"term {number}",
        "definition_fr": "Une définition.",
        "definition_sv": "En definition.",
        "definition_en": "A definition.",
        "sources": [{"title": "Source", "url": "https://example.org/source"}],
        "state": EntryState.PUBLISHED,
    }
    values.update(fields)
    entry = GlossaryEntry(**values)
    entry.full_clean()
    entry.save()
    bump_terms_version()  # as the glossary's services do: an index read before is out of date
    return entry
