from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.dates import EVENT_YEARS, DatesInRangeMixin
from core.enums import ContentLanguage, ContentLanguageField
from languages.models import TranslatableModel

from ..enums import AgendaItemKind


class AgendaItem(DatesInRangeMixin, TranslatableModel):
    """One slot of an event's programme: a talk, a workshop, a site visit, a break…"""

    translated_fields = ("title", "description")
    translation_permission = "events.view_event"
    translation_subject = "event"  # whose permission decides

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="agenda"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # The event's language unless said otherwise (a Swedish talk in a French seminar).
    content_language = ContentLanguageField()
    kind = models.CharField(_("kind"), max_length=12, choices=AgendaItemKind.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    speakers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers (members)"), blank=True, related_name="+"
    )
    speakers_text = models.CharField(_("other speakers"), max_length=300, blank=True)
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("projects visited or presented"),
        blank=True,
        related_name="agenda_items",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    date_years = {"starts_at": EVENT_YEARS, "ends_at": EVENT_YEARS}

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["starts_at", "position", "pk"]
        indexes = [models.Index(fields=["event", "starts_at"], name="agenda_event_time")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="agenda_item_ends_after_start",
                violation_error_message=_("An agenda item must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgendaItemKind.values), name="agenda_item_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="agenda_item_content_language_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title
