"""Writes to the glossary (members propose entries and corrections, coordinators decide) and
to translations (members write and correct them, engines draft them off the request)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.enums import ContentLanguage
from core.slugs import unique_slug

from .enums import GLOSSARY_LANGUAGES, EntryState, TranslationOrigin
from .models import (
    GlossaryEntry,
    TagConcept,
    Translation,
    TranslationRequest,
    TranslationRevision,
    text_digest,
)
from .signals import translation_saved
from .tags import bump_concepts_version
from .terms import bump_terms_version, glossary_for
from .translatable import fields_of, present_fields

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


# Translations ---------------------------------------------------------------------------------


def _check_target(obj, language: str) -> None:
    if language not in ContentLanguage.values:
        raise ValidationError(_("This is not one of the portal's languages."), code="language")
    if language == obj.content_language:
        raise ValidationError(
            _("This is the language of the original: a translation goes into another one."),
            code="same_language",
        )


def _check_fields(obj, texts: dict) -> None:
    unknown = set(texts) - set(fields_of(obj))
    if unknown:
        raise ValidationError(
            _("These fields cannot be translated: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))},
            code="unknown_field",
        )


def _revise(translation: Translation, saved_by) -> None:
    TranslationRevision.objects.create(
        translation=translation,
        text=translation.text,
        origin=translation.origin,
        engine=translation.engine,
        engine_version=translation.engine_version,
        translated_by=translation.translated_by,
        reviewed_by=translation.reviewed_by,
        source_digest=translation.source_digest,
        saved_by=saved_by,
        saved_at=translation.updated_at,
    )


def _existing(obj, language: str) -> dict[str, Translation]:
    return {
        translation.field: translation
        for translation in Translation.objects.select_for_update().filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
        )
    }


@transaction.atomic
def save_translation(
    *,
    obj,
    language: str,
    texts: dict[str, str],
    by,
    confirmed: frozenset[str] | set[str] = frozenset(),
    bases: dict[str, str] | None = None,
) -> list[Translation]:
    """A member writes or corrects the translation of ``obj`` into ``language``.

    ``texts`` maps fields to their translated text. A field whose text is unchanged is left as
    it was unless it is ``confirmed``: the member checked it against today's original, so a
    machine translation becomes reviewed by them and an out-of-date one current again. A
    changed field is current (the member had the original beside it); editing a machine
    translation or someone else's translation records the member as its reviewer. An empty
    field leaves the field untranslated, except the first (the title or the body), which a
    translation cannot do without. ``bases`` are the digests of the translations the member
    started from (the editor's): a field someone else changed meanwhile is refused, with
    nothing saved. Returns the translations saved.
    """
    _check_target(obj, language)
    _check_fields(obj, texts)
    first = fields_of(obj)[0]
    existing = _existing(obj, language)
    texts = {name: (text or "").strip() for name, text in texts.items()}
    if not texts.get(first) and (first in texts or first not in existing):
        # A dict's messages keep a code only as errors of their own (ValidationError drops
        # ``code`` next to a dict).
        raise ValidationError(
            {
                first: ValidationError(
                    _("The translation needs its %(field)s.")
                    % {"field": obj._meta.get_field(first).verbose_name},
                    code="first_field_empty",
                )
            }
        )
    if bases is not None:
        _check_unchanged(obj, texts, existing, bases)
    now = timezone.now()
    saved = []
    for name, text in texts.items():
        original = getattr(obj, name) or ""
        digest = text_digest(original)
        translation = existing.get(name)
        if not text:
            continue
        if translation is None:
            translation = Translation(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                field=name,
                language=language,
                source_language=obj.content_language,
                origin=TranslationOrigin.HUMAN,
                translated_by=by,
            )
        elif translation.text == text and name not in confirmed:
            continue
        elif translation.is_machine or translation.translated_by_id != by.pk:
            translation.reviewed_by, translation.reviewed_at = by, now
        translation.text = text
        translation.source_digest = digest
        translation.source_language = obj.content_language
        translation.updated_at = now
        translation.full_clean(exclude=["content_type", "translated_by", "reviewed_by"])
        translation.save()
        _revise(translation, by)
        saved.append(translation)
    if saved:
        _translated(obj, language, saved)
    return saved


def _check_unchanged(obj, texts: dict, existing: dict, bases: dict) -> None:
    changed = {}
    for name, text in texts.items():
        translation = existing.get(name)
        current = text_digest(translation.text) if translation else ""
        if bases.get(name, "") != current and (translation is None or translation.text != text):
            changed[name] = ValidationError(
                _(
                    "Someone else changed this translation while you were editing it: it now "
                    "reads as shown. Check it, then save again."
                ),
                code="edit_conflict",
            )
    if changed:
        raise ValidationError(changed)


@transaction.atomic
def save_machine_translation(
    *,
    obj,
    language: str,
    texts: dict[str, str],
    engine: str,
    engine_version: str = "",
    digests: dict[str, str] | None = None,
) -> list[Translation]:
    """An engine's translation of ``obj``. It fills the fields nobody has translated and
    replaces earlier unreviewed machine text; what a person wrote or reviewed stays, even out
    of date, for a person to update. ``digests`` are those of the originals the engine was
    sent (so an original changed meanwhile shows the new translation as out of date)."""
    _check_target(obj, language)
    _check_fields(obj, texts)
    if not engine:
        raise ValueError("a machine translation names its engine")
    existing = _existing(obj, language)
    now = timezone.now()
    saved = []
    for name, text in texts.items():
        text = (text or "").strip()
        translation = existing.get(name)
        if not text or (
            translation is not None and not (translation.is_machine and not translation.is_reviewed)
        ):
            continue
        if translation is None:
            translation = Translation(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                field=name,
                language=language,
            )
        translation.text = text
        translation.source_language = obj.content_language
        translation.source_digest = (digests or {}).get(name) or text_digest(
            getattr(obj, name) or ""
        )
        translation.origin = TranslationOrigin.MACHINE
        translation.translated_by = None
        translation.engine, translation.engine_version = engine, engine_version
        translation.updated_at = now
        translation.save()
        _revise(translation, None)
        saved.append(translation)
    if saved:
        _translated(obj, language, saved)
    return saved


def _translated(obj, language: str, saved: list[Translation]) -> None:
    translation_saved.send(
        sender=type(obj),
        instance=obj,
        language=language,
        fields=[translation.field for translation in saved],
    )


MACHINE_CALLBACK = "languages.services.machine_translation_done"
MACHINE_FAILED = "languages.services.machine_translation_failed"


@transaction.atomic
def request_machine_translation(*, obj, language: str, by) -> TranslationRequest:
    """Ask the engine for a translation of ``obj`` into ``language``: queued once the request
    is saved, stored by ``machine_translation_done`` when the engine answers. Asking again
    while one is pending changes nothing."""
    from .machine import get_backend
    from .tasks import machine_translate

    _check_target(obj, language)
    backend = get_backend()
    if backend is None:
        raise ValidationError(_("Machine translation is not available."), code="no_engine")
    content_type = ContentType.objects.get_for_model(obj)
    request, created = TranslationRequest.objects.get_or_create(
        content_type=content_type,
        object_id=obj.pk,
        language=language,
        defaults={"requested_by": by},
    )
    if not created and request.failed_at is None:
        return request
    request.requested_by, request.requested_at, request.failed_at = by, timezone.now(), None
    request.save()
    fields = present_fields(obj)
    texts = [getattr(obj, name) or "" for name in fields]
    context = {
        "content_type": content_type.pk,
        "object_id": obj.pk,
        "language": language,
        "fields": fields,
        "digests": {name: text_digest(text) for name, text in zip(fields, texts, strict=True)},
    }
    glossary = glossary_for(texts, obj.content_language, language)
    transaction.on_commit(
        lambda: machine_translate.delay(
            texts,
            obj.content_language,
            language,
            glossary=glossary,
            on_done=MACHINE_CALLBACK,
            on_failed=MACHINE_FAILED,
            context=context,
        )
    )
    return request


def _context_object(context: dict):
    content_type = ContentType.objects.get_for_id(context["content_type"])
    return content_type.get_all_objects_for_this_type().filter(pk=context["object_id"]).first()


@transaction.atomic
def machine_translation_done(result: dict) -> None:
    """The machine_translate task's callback: store what the engine wrote."""
    context = result["context"]
    obj = _context_object(context)
    TranslationRequest.objects.filter(
        content_type_id=context["content_type"],
        object_id=context["object_id"],
        language=context["language"],
    ).delete()
    if obj is None:  # deleted meanwhile
        return
    save_machine_translation(
        obj=obj,
        language=context["language"],
        texts=dict(zip(context["fields"], result["texts"], strict=True)),
        engine=result["backend"],
        engine_version=result["version"],
        digests=context["digests"],
    )


def machine_translation_failed(context: dict) -> None:
    """Every retry failed: the page offers to ask again instead of saying "pending"."""
    TranslationRequest.objects.filter(
        content_type_id=context["content_type"],
        object_id=context["object_id"],
        language=context["language"],
    ).update(failed_at=timezone.now())
