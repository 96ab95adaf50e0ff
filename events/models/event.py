import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.rules import is_moderator, readable_by
from core.dates import EVENT_YEARS, DatesInRangeMixin
from core.enums import ContentLanguage, ContentLanguageField, Visibility
from languages.models import TranslatableModel

from ..enums import EventKind, EventState


def cover_path(instance, filename: str) -> str:
    return f"events/covers/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state__in=[EventState.PUBLISHED, EventState.CANCELLED])

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def visible_to(self, user):
        """Published (and cancelled) events the user may read, plus drafts they organise;
        coordinators and staff see every draft."""
        if is_moderator(user):
            return self.all()
        events = readable_by(self.published(), user)
        if user.is_authenticated:
            # A subquery, not a join: no duplicate rows to remove, so lists stop at their page.
            organised = Event.organisers.through.objects.filter(user=user).values("event_id")
            events = events | self.filter(pk__in=organised)
        return events


class Event(DatesInRangeMixin, TranslatableModel):
    """A webinar, discussion, bilateral meeting, seminar, site visit or workshop of the network."""

    translated_fields = ("title", "description")
    translation_permission = "events.view_event"

    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), blank=True)
    content_language = ContentLanguageField()
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    host_city = models.ForeignKey(
        "cities.City",
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
    )
    cities = models.ManyToManyField(
        "cities.City",
        verbose_name=_("participating cities"),
        blank=True,
        related_name="events",
    )
    venue = models.CharField(_("venue address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("Shown only to people with a confirmed seat."),
    )
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), blank=True, related_name="events"
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=EventState.choices, default=EventState.DRAFT
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
    )
    cover_image = models.ImageField(_("cover image"), upload_to=cover_path, blank=True)
    # The cards' copy of the cover (core.pictures.PictureSize.THUMBNAIL): a list of events never
    # loads the 1600-pixel pictures.
    cover_thumbnail = models.ImageField(
        _("cover thumbnail"), upload_to=cover_path, blank=True, editable=False
    )
    cover_alt = models.CharField(_("cover image description"), max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # iCalendar SEQUENCE: calendar programs update their copy when it grows.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventQuerySet.as_manager()

    date_years = {
        "starts_at": EVENT_YEARS,
        "ends_at": EVENT_YEARS,
        "registration_opens_at": EVENT_YEARS,
        "registration_closes_at": EVENT_YEARS,
    }

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["state", "visibility", "starts_at"], name="event_listing"),
            models.Index(fields=["ends_at"], name="event_ends_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The event must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="event_registration_window_in_order",
                violation_error_message=_("Registration must close after it opens."),
            ),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_known"),
            models.CheckConstraint(
                condition=Q(state__in=EventState.values), name="event_state_known"
            ),
            models.CheckConstraint(
                condition=Q(cover_image="") | ~Q(cover_alt=""), name="event_cover_has_alt"
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="event_content_language_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        # Once the event starts nobody can register (registration_open), so a window that
        # opens or closes later would promise what the portal does not do. A moment outside
        # the years has its own error already (clean_fields): it is left out here.
        starts, ends, opens, closes = (
            value if value in EVENT_YEARS else None
            for value in (
                self.starts_at,
                self.ends_at,
                self.registration_opens_at,
                self.registration_closes_at,
            )
        )
        errors = {}
        if opens and starts and opens >= starts:
            errors["registration_opens_at"] = _("Registration must open before the event starts.")
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        elif closes and ends and closes > ends:
            errors["registration_closes_at"] = _("Registration must close before the event ends.")
        elif closes and starts and closes > starts:
            errors["registration_closes_at"] = _(
                "Registration must close when the event starts, at the latest."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def uid(self) -> str:
        """Stable iCalendar UID."""
        return f"event-{self.pk}@alliance-portal"

    @property
    def is_published(self) -> bool:
        return self.state == EventState.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.state == EventState.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def seats_left(self) -> int | None:
        """Free seats, from the ``confirmed`` annotation of the list selectors."""
        if self.capacity is None or getattr(self, "confirmed", None) is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.state != EventState.PUBLISHED or self.starts_at <= now:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)
