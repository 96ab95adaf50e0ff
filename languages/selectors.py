"""Reads of the glossary and of translations."""

from dataclasses import dataclass
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.safestring import SafeString

from core.diff import text_diff

from .enums import GLOSSARY_LANGUAGES
from .models import GlossaryEntry, Translation, TranslationRequest, TranslationRevision
from .services import CONTENT_FIELDS
from .shown import ShownVersion
from .text import fold, initial, sort_key
from .translatable import field_label

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


# Translations ---------------------------------------------------------------------------------


def translations_for(objects, language: str) -> dict[tuple[int, int], dict[str, Translation]]:
    """The translations of ``objects`` (of any translatable models) into ``language``: one
    query, none for an empty list; keyed by (content type id, pk), then field."""
    # The content types of all the models at once: one query at most, none once cached.
    types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    keys: dict[int, list[int]] = {}
    for obj in objects:
        keys.setdefault(types[type(obj)].pk, []).append(obj.pk)
    if not keys:
        return {}
    condition = Q()
    for content_type_id, pks in keys.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=pks)
    found: dict[tuple[int, int], dict[str, Translation]] = {}
    rows = Translation.objects.filter(condition, language=language).select_related(
        "translated_by", "reviewed_by"
    )
    for translation in rows:
        found.setdefault((translation.content_type_id, translation.object_id), {})[
            translation.field
        ] = translation
    return found


def attach_translations(objects, language: str, *, original: bool = False):
    """Give each object its ``shown`` version for a reader of ``language`` (one query)."""
    objects = list(objects)
    found = translations_for(objects, language)
    types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    for obj in objects:
        key = (types[type(obj)].pk, obj.pk)
        obj.shown = ShownVersion(obj, language, found.get(key, {}), original=original)
    return objects


def pending_translation(obj, language: str) -> TranslationRequest | None:
    return TranslationRequest.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
    ).first()


@dataclass
class TranslationChange:
    revision: TranslationRevision
    field_label: str
    language: str
    diff: SafeString | None  # None: the first version of this translation

    @property
    def by_machine(self) -> bool:
        return self.revision.saved_by_id is None and self.revision.origin == "machine"


def translation_history(obj) -> list[TranslationChange]:
    """Every saved state of every translation of ``obj``, newest first, each with what it
    changed in the state before it (one query)."""
    revisions = list(
        TranslationRevision.objects.filter(
            translation__content_type=ContentType.objects.get_for_model(obj),
            translation__object_id=obj.pk,
        )
        .select_related("translation", "saved_by")
        .order_by("-saved_at", "-pk")
    )
    older: dict[int, TranslationRevision] = {}
    history = []
    for revision in reversed(revisions):
        before = older.get(revision.translation_id)
        older[revision.translation_id] = revision
        translation = revision.translation
        history.append(
            TranslationChange(
                revision=revision,
                field_label=str(field_label(obj, translation.field)),
                language=translation.language,
                diff=text_diff(before.text, revision.text) if before is not None else None,
            )
        )
    history.reverse()
    return history
