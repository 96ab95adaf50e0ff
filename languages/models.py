"""The planning glossary: French, Swedish and English terms of two planning systems that
rarely map one to one."""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.dates import date_format, localtime
from core.enums import ContentLanguage
from core.i18n import localized

from .enums import GLOSSARY_LANGUAGES, EntryState, PlanningSystem, TranslationOrigin
from .phrases import phrase
from .shown import ShownVersion

SOURCE_KEYS = {"title", "url"}
# States a new entry and a correction go through (a correction is applied, never published).
ENTRY_STATES = [EntryState.PROPOSED, EntryState.PUBLISHED, EntryState.REJECTED]
CORRECTION_STATES = [EntryState.PROPOSED, EntryState.APPLIED, EntryState.REJECTED]


def validate_sources(value) -> None:
    """A list of {"title": …, "url": "https://…"}: the shape the pages and the migration use."""
    if not isinstance(value, list):
        raise ValidationError(_("Sources must be a list."), code="sources_not_list")
    check_url = URLValidator(schemes=["https", "http"])
    for source in value:
        if not isinstance(source, dict) or set(source) != SOURCE_KEYS:
            raise ValidationError(
                _("Each source needs a title and an address, nothing else."), code="source_shape"
            )
        if not str(source["title"]).strip():
            raise ValidationError(_("Each source needs a title."), code="source_title")
        try:
            check_url(source["url"])
        except ValidationError:
            raise ValidationError(
                _("“%(url)s” is not a web address (https://…)."),
                code="source_url",
                params={"url": source["url"]},
            ) from None


class GlossaryEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=EntryState.PUBLISHED)

    def pending(self):
        return self.filter(state=EntryState.PROPOSED)


class GlossaryEntry(models.Model):
    """One planning term in up to three languages, or a member's proposal for one; a proposal
    that ``corrects`` a published entry holds the whole corrected entry."""

    slug = models.SlugField(_("slug"), max_length=100)
    term_fr = models.CharField(_("term (French)"), max_length=200, blank=True)
    term_sv = models.CharField(_("term (Swedish)"), max_length=200, blank=True)
    term_en = models.CharField(_("term (English)"), max_length=200, blank=True)
    no_equivalent_fr = models.BooleanField(_("no exact equivalent in French"), default=False)
    no_equivalent_sv = models.BooleanField(_("no exact equivalent in Swedish"), default=False)
    no_equivalent_en = models.BooleanField(_("no exact equivalent in English"), default=False)
    system = models.CharField(_("planning system"), max_length=8, choices=PlanningSystem.choices)
    definition_fr = models.TextField(_("definition (French)"), blank=True)
    definition_sv = models.TextField(_("definition (Swedish)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    differences_fr = models.TextField(_("what differs between the systems (French)"), blank=True)
    differences_sv = models.TextField(_("what differs between the systems (Swedish)"), blank=True)
    differences_en = models.TextField(_("what differs between the systems (English)"), blank=True)
    sources = models.JSONField(
        _("sources"), default=list, blank=True, validators=[validate_sources]
    )
    state = models.CharField(
        _("state"), max_length=16, choices=EntryState.choices, default=EntryState.PROPOSED
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    note = models.TextField(_("note to the coordinators"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_glossary_entries",
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or rejected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decided_glossary_entries",
    )
    decided_at = models.DateTimeField(_("approved or rejected at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = GlossaryEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary entries")
        ordering = ["slug"]
        constraints = [
            # Corrections repeat the slug of the entry they correct; entries never share one.
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(corrects__isnull=True),
                name="glossary_entry_slug_unique",
            ),
            models.CheckConstraint(
                condition=~Q(term_fr="") | ~Q(term_sv="") | ~Q(term_en=""),
                name="glossary_entry_has_a_term",
            ),
            models.CheckConstraint(
                condition=(Q(term_fr="") | Q(no_equivalent_fr=False))
                & (Q(term_sv="") | Q(no_equivalent_sv=False))
                & (Q(term_en="") | Q(no_equivalent_en=False)),
                name="glossary_entry_term_or_no_equivalent",
            ),
            models.CheckConstraint(
                condition=Q(state__in=EntryState.values), name="glossary_entry_state_known"
            ),
            models.CheckConstraint(
                condition=Q(system__in=PlanningSystem.values),
                name="glossary_entry_system_known",
            ),
            models.CheckConstraint(
                condition=~Q(state=EntryState.PUBLISHED) | ~Q(sources=[]),
                name="glossary_entry_published_has_a_source",
            ),
            # Only new entries are published; a correction is applied to its entry.
            models.CheckConstraint(
                condition=Q(corrects__isnull=True, state__in=ENTRY_STATES)
                | Q(corrects__isnull=False, state__in=CORRECTION_STATES),
                name="glossary_entry_state_fits_kind",
            ),
        ]
        indexes = [models.Index(fields=["state", "slug"], name="glossary_entry_state_slug")]

    def __str__(self) -> str:
        return self.term()[0]

    def get_absolute_url(self) -> str:
        return reverse("glossary:detail", kwargs={"slug": self.slug})

    def term(self, language: str | None = None) -> tuple[str, str]:
        """(term, its language): the reader's, else the one of the term's own system, else any."""
        language = language or (get_language() or "en").split("-")[0]
        own = {PlanningSystem.FRANCE: "fr", PlanningSystem.SWEDEN: "sv"}.get(self.system, "en")
        for code in (language, own, *GLOSSARY_LANGUAGES):
            value = getattr(self, f"term_{code}", "")
            if value:
                return value, code
        return "", language

    def terms(self) -> list[dict]:
        """The three languages with their term or their "no exact equivalent" flag."""
        return [
            {
                "code": code,
                "term": getattr(self, f"term_{code}"),
                "no_equivalent": getattr(self, f"no_equivalent_{code}"),
            }
            for code in GLOSSARY_LANGUAGES
        ]

    @property
    def definition(self) -> str:
        return localized(self, "definition")

    @property
    def differences(self) -> str:
        return localized(self, "differences")

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None


def text_digest(text: str) -> str:
    """What a translation remembers of its original, to tell when the original has changed
    (line endings and surrounding spaces do not count as a change)."""
    normal = "\n".join(line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n"))
    return hashlib.sha256(normal.strip().encode()).hexdigest()


LANGUAGE_CODES = ContentLanguage.values
ENGINE_LABELS = {"libretranslate": "LibreTranslate", "deepl": "DeepL"}


def _name(person) -> str:
    # Never the e-mail address: provenance lines are public on public texts.
    return (person.full_name if person is not None else "") or _("a member")


class Translation(models.Model):
    """One field of one text (a project's summary, an answer's body…) in another language than
    the one it was written in. The original is never touched; ``source_digest`` remembers it as
    it was when translated, so a changed original shows the translation as out of date."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=40)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices)
    source_language = models.CharField(
        _("translated from"), max_length=2, choices=ContentLanguage.choices
    )
    text = models.TextField(_("translation"))
    source_digest = models.CharField(max_length=64, editable=False)
    origin = models.CharField(_("made by"), max_length=8, choices=TranslationOrigin.choices)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    engine = models.CharField(_("engine"), max_length=40, blank=True)
    engine_version = models.CharField(_("engine version"), max_length=40, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            # Its columns in this order also serve "these objects in this language".
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language", "field"],
                name="translation_one_per_field_and_language",
            ),
            models.CheckConstraint(
                condition=~Q(language=models.F("source_language")),
                name="translation_into_another_language",
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES, source_language__in=LANGUAGE_CODES),
                name="translation_languages_known",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="translation_not_empty"),
            # A machine names its engine; a person's translation names none.
            models.CheckConstraint(
                condition=Q(origin=TranslationOrigin.MACHINE, engine__gt="")
                | Q(origin=TranslationOrigin.HUMAN, engine="", engine_version=""),
                name="translation_origin_fits_engine",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | Q(reviewed_at__isnull=False),
                name="translation_review_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.field} ({self.source_language} → {self.language})"

    @property
    def is_machine(self) -> bool:
        return self.origin == TranslationOrigin.MACHINE

    @property
    def engine_label(self) -> str:
        """The engine's own spelling of its name."""
        return ENGINE_LABELS.get(self.engine, self.engine)

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None

    def is_out_of_date(self, original: str) -> bool:
        return self.source_digest != text_digest(original)

    def provenance(self) -> str:
        """Who made this translation and when, from which language, in the reader's words."""
        when = date_format(localtime(self.updated_at), "DATE_FORMAT")
        if self.is_machine:
            text = phrase(
                "machine_made",
                self.source_language,
                engine=f"{self.engine_label} {self.engine_version}".strip(),
                date=when,
            )
            if self.reviewed_by_id:
                return f"{text} " + _("Reviewed by %(person)s.") % {
                    "person": _name(self.reviewed_by)
                }
            return f"{text} " + _("Not reviewed by a person yet.")
        text = phrase(
            "human_made", self.source_language, person=_name(self.translated_by), date=when
        )
        if self.reviewed_by_id and self.reviewed_by_id != self.translated_by_id:
            return f"{text} " + _("Reviewed by %(person)s.") % {"person": _name(self.reviewed_by)}
        return text


class TranslationRevision(models.Model):
    """Every state a translation was saved in, so that a correction never loses what was there."""

    translation = models.ForeignKey(Translation, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField()
    origin = models.CharField(max_length=8, choices=TranslationOrigin.choices)
    engine = models.CharField(max_length=40, blank=True)
    engine_version = models.CharField(max_length=40, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_digest = models.CharField(max_length=64)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("translation revision")
        verbose_name_plural = _("translation revisions")
        ordering = ["-saved_at", "-pk"]
        indexes = [
            models.Index(fields=["translation", "-saved_at"], name="translation_revision_by_date")
        ]

    def __str__(self) -> str:
        return f"{self.translation} @ {self.saved_at:%Y-%m-%d %H:%M}"


class TranslationRequest(models.Model):
    """A machine translation asked for and not yet back: the page says "translation pending"."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=2, choices=ContentLanguage.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("machine translation request")
        verbose_name_plural = _("machine translation requests")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="translation_request_one_per_language",
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="translation_request_language_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} → {self.language}"


READER_TRANSLATIONS = "reader_translations"


def reader_translations(language: str | None = None) -> models.Prefetch:
    """What a list prefetches (``queryset.prefetch_related(reader_translations())``) so that
    each item's ``shown`` costs no query: the translations into the reader's language."""
    return models.Prefetch(
        "translations",
        queryset=Translation.objects.filter(language=language or get_language()).select_related(
            "translated_by", "reviewed_by"
        ),
        to_attr=READER_TRANSLATIONS,
    )


class TranslatableModel(models.Model):
    """A text members may translate: subclasses declare ``translated_fields`` and
    ``translation_permission`` and have a ``content_language`` (languages.translatable).

    ``shown`` is the text in the reader's language: free when the translations were prefetched
    (``reader_translations()``) or attached (``selectors.attach_translations``), one query
    otherwise. Deleting the object deletes its translations."""

    translations = GenericRelation(Translation)

    class Meta:
        abstract = True

    @cached_property
    def shown(self):
        language = get_language()
        found = getattr(self, READER_TRANSLATIONS, None)
        if found is None:
            found = list(
                Translation.objects.filter(
                    content_type=ContentType.objects.get_for_model(self),
                    object_id=self.pk,
                    language=language,
                ).select_related("translated_by", "reviewed_by")
            )
        return ShownVersion(self, language, {t.field: t for t in found if t.language == language})


class TagConcept(models.Model):
    """One subject named in up to three languages: the tags "espace public", "offentligt rum"
    and "public space" are one concept, shown in the reader's language, searched and matched as
    one. A tag belongs to the concept one of whose names it carries (case and accents aside), so
    that the tags members type join it without a link to keep up."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=100, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_fr="") | ~Q(name_sv="") | ~Q(name_en=""),
                name="tag_concept_has_a_name",
            ),
            *(
                models.UniqueConstraint(
                    Lower(f"name_{code}"),
                    condition=~Q(**{f"name_{code}": ""}),
                    name=f"tag_concept_name_{code}_unique",
                )
                for code in GLOSSARY_LANGUAGES
            ),
        ]

    def __str__(self) -> str:
        return " = ".join(name for _code, name in self.names())

    def names(self) -> list[tuple[str, str]]:
        """(language, name) of the names it has, in the glossary's order."""
        return [
            (code, getattr(self, f"name_{code}"))
            for code in GLOSSARY_LANGUAGES
            if getattr(self, f"name_{code}")
        ]
