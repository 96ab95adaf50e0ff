from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.enums import ContentLanguage, ContentLanguageField

from .enums import NotificationKind


class Follow(models.Model):
    """Someone follows a theme, a city, a project, a question or an event."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                name="follow_once",
                violation_error_message=_("You already follow this."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.content_type.model} {self.object_id}"


class Notification(models.Model):
    """Something new in what a person follows. Read on the portal; e-mailed at once, in a
    digest or never, as the person chose."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The new thing, kept as its title and address so the list needs no join per row.
    title = models.CharField(_("title"), max_length=250)
    # Empty for the notifications made before texts knew their language.
    title_language = ContentLanguageField(_("language of the title"), blank=True, default="")
    # What the title is of (a project, an event, a question): its translation into the
    # reader's language, when one exists, is shown instead. Empty for older notifications.
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    path = models.CharField(_("address"), max_length=300)
    # The city it happened in, named in the reader's language when shown.
    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Anything else said about where (an event's kind), in the recipient's language.
    context = models.CharField(_("where"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["recipient", "emailed_at"],
                name="notification_to_send",
                condition=Q(emailed_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(title_language__in=[*ContentLanguage.values, ""]),
                name="notification_title_language_known",
            ),
            models.CheckConstraint(
                condition=Q(subject_type__isnull=True, subject_id__isnull=True)
                | Q(subject_type__isnull=False, subject_id__isnull=False),
                name="notification_subject_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def where(self) -> str:
        """The city (in the active language) and what else the line says of where."""
        return " · ".join(
            part for part in (self.city.display_name if self.city else "", self.context) if part
        )
