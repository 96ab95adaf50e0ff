"""Writes to the glossary: members propose entries and corrections, coordinators decide."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.slugs import unique_slug

from .enums import GLOSSARY_LANGUAGES, EntryState
from .models import GlossaryEntry, TagConcept
from .tags import bump_concepts_version
from .terms import bump_terms_version

# What an entry says, as opposed to who proposed or decided it: what a correction changes.
CONTENT_FIELDS = [
    *(f"term_{code}" for code in GLOSSARY_LANGUAGES),
    *(f"no_equivalent_{code}" for code in GLOSSARY_LANGUAGES),
    "system",
    *(f"definition_{code}" for code in GLOSSARY_LANGUAGES),
    *(f"differences_{code}" for code in GLOSSARY_LANGUAGES),
    "sources",
]
# Words of the glossary's own addresses, never an entry's slug.
RESERVED_SLUGS = frozenset({"propose", "proposals"})


def _content(content: dict) -> dict:
    unknown = set(content) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"not glossary content: {sorted(unknown)}")
    return content


@transaction.atomic
def entry_propose(
    *, proposed_by, content: dict, note: str = "", corrects: GlossaryEntry | None = None
) -> GlossaryEntry:
    """A proposed entry, or a proposed correction of the published entry ``corrects``."""
    entry = GlossaryEntry(
        **_content(content), note=note, corrects=corrects, proposed_by=proposed_by
    )
    if corrects is not None:
        entry.slug = corrects.slug
    else:
        entry.slug = unique_slug(
            GlossaryEntry,
            entry.term_en or entry.term_fr or entry.term_sv,
            fallback="term",
            reserved=RESERVED_SLUGS,
            max_length=90,
        )
    entry.full_clean()
    entry.save()
    return entry


def _terms_changed() -> None:
    """Pages mark the new terms: now, and again once committed, so that no page caches what
    it read in between, before the commit, under the new version."""
    bump_terms_version()
    transaction.on_commit(bump_terms_version)


def _pending(entry: GlossaryEntry) -> GlossaryEntry:
    """The proposal, locked so that two coordinators cannot decide it twice."""
    entry = GlossaryEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.state != EntryState.PROPOSED:
        raise ValidationError(_("This proposal has already been decided."), code="decided")
    return entry


@transaction.atomic
def entry_approve(*, entry: GlossaryEntry, decided_by) -> GlossaryEntry:
    """Publish a proposed entry, or copy a correction into the entry it corrects.

    Returns the published entry (the corrected one for a correction).
    """
    entry = _pending(entry)
    published = entry
    if entry.corrects_id is not None:
        published = GlossaryEntry.objects.select_for_update().get(pk=entry.corrects_id)
        for field in CONTENT_FIELDS:
            setattr(published, field, getattr(entry, field))
        entry.state = EntryState.APPLIED
    else:
        entry.state = EntryState.PUBLISHED
    entry.decided_by, entry.decided_at = decided_by, timezone.now()
    if published is not entry:
        published.decided_by, published.decided_at = decided_by, entry.decided_at
        published.full_clean()
        published.save()
    entry.full_clean()
    entry.save()
    _terms_changed()
    return published


@transaction.atomic
def entry_reject(*, entry: GlossaryEntry, decided_by) -> GlossaryEntry:
    entry = _pending(entry)
    entry.state = EntryState.REJECTED
    entry.decided_by, entry.decided_at = decided_by, timezone.now()
    entry.full_clean()
    entry.save()
    _terms_changed()
    return entry


@transaction.atomic
def entry_update(*, entry: GlossaryEntry, content: dict) -> GlossaryEntry:
    """Change what an entry says (the admin's edit), keeping who proposed and decided it."""
    for field, value in _content(content).items():
        setattr(entry, field, value)
    entry.full_clean()
    entry.save()
    _terms_changed()
    return entry


def _concepts_changed() -> None:
    """Pages show and searches expand with the new names: now, and again once committed."""
    bump_concepts_version()
    transaction.on_commit(bump_concepts_version)


@transaction.atomic
def tag_concept_save(*, concept: TagConcept, names: dict) -> TagConcept:
    """Create or change a tag concept from its names ({"fr": …, "sv": …, "en": …})."""
    unknown = set(names) - set(GLOSSARY_LANGUAGES)
    if unknown:
        raise TypeError(f"not a concept language: {sorted(unknown)}")
    for code, name in names.items():
        setattr(concept, f"name_{code}", " ".join(name.split()))
    if not concept.slug:
        concept.slug = unique_slug(
            TagConcept,
            concept.name_en or concept.name_fr or concept.name_sv,
            fallback="tag",
            max_length=90,
        )
    concept.full_clean()
    concept.save()
    _concepts_changed()
    return concept


@transaction.atomic
def tag_concept_delete(*, concept: TagConcept) -> None:
    concept.delete()
    _concepts_changed()
