import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import LIVE_REGISTRATION_STATES, RegistrationState


class Registration(models.Model):
    """A person's seat, or place on the waiting list, at an event."""

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    state = models.CharField(_("state"), max_length=10, choices=RegistrationState.choices)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    needs = models.TextField(
        _("needs"),
        blank=True,
        max_length=1000,
        help_text=_("Diet, access or other needs. Only the organisers see this."),
    )
    listed = models.BooleanField(
        _("show my name in the public list of participants"), default=False
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "state", "created_at"], name="registration_queue"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(state__in=LIVE_REGISTRATION_STATES),
                name="registration_one_live_per_person",
                violation_error_message=_("You are already registered for this event."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=RegistrationState.values), name="registration_state_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.event} ({self.get_state_display()})"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The secret in a member's personal calendar feed URL; replacing it revokes the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self) -> str:
        return f"{self.user}"
