from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.dates import DATE_YEARS, DatesInRangeMixin

from .enums import ActivityKind, Country, MembershipRole, MembershipStatus

# The portal languages with a name field of their own; English is ``name``.
NAME_FIELDS = {"fr": "name_fr", "sv": "name_sv"}


def reader_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def display_name_expression(prefix: str = ""):
    """The city's name in the active language, for the database (ordering, ``Concat``):
    ``prefix`` leads to the city, e.g. ``"city__"``."""
    field = NAME_FIELDS.get(reader_language())
    if field is None:
        return models.F(f"{prefix}name")
    return Coalesce(NullIf(f"{prefix}{field}", models.Value("")), f"{prefix}name")


class CityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class City(DatesInRangeMixin, models.Model):
    """A member city of the Alliance (or the body that joined on its behalf)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name in English"), max_length=120)
    name_fr = models.CharField(
        _("name in French"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when it is the English name."),
    )
    name_sv = models.CharField(
        _("name in Swedish"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty when it is the English name."),
    )
    local_name = models.CharField(_("local name"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("region"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("approximate population"), null=True, blank=True)
    population_note = models.CharField(_("population note"), max_length=120, blank=True)
    member_body = models.CharField(_("member body"), max_length=200)
    national_network = models.CharField(_("national network"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    photo = models.ImageField(_("photo"), upload_to="cities/", blank=True)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    is_active = models.BooleanField(_("active member"), default=True)
    website = models.URLField(_("website"), blank=True)

    objects = CityQuerySet.as_manager()

    date_years = {"joined_on": DATE_YEARS}

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["country", "name"]
        indexes = [models.Index(fields=["country", "is_active"], name="city_country_active")]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="city_unique_name_country"),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90) & Q(latitude__lte=90), name="city_latitude_range"
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180) & Q(longitude__lte=180),
                name="city_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(country__in=Country.values), name="city_country_known"
            ),
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_alt=""), name="city_photo_has_alt"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("cities:detail", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        """The name in the active language (Göteborg in French and Swedish, Gothenburg in
        English): what pages and e-mails show."""
        field = NAME_FIELDS.get(reader_language())
        return (getattr(self, field) if field else "") or self.name

    @property
    def all_names(self) -> list[str]:
        """Every name the city goes by, for search."""
        return list(
            dict.fromkeys(n for n in (self.name, self.name_fr, self.name_sv, self.local_name) if n)
        )

    @property
    def local_language(self) -> str:
        """The language of ``local_name`` (a country code is not a language: SE is Sami)."""
        return {Country.FRANCE: "fr", Country.SWEDEN: "sv"}[self.country]


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=MembershipStatus.APPROVED)

    def pending(self):
        return self.filter(status=MembershipStatus.PENDING)


class Membership(models.Model):
    """A person's request to belong to a city, decided by its coordinators or staff."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    city = models.ForeignKey(
        City, verbose_name=_("city"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    message = models.TextField(_("message to the coordinators"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["city", "status"], name="membership_city_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "city"],
                condition=Q(status__in=[MembershipStatus.PENDING, MembershipStatus.APPROVED]),
                name="membership_one_live_per_city",
                violation_error_message=_(
                    "You already have a membership or a pending request for this city."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=MembershipStatus.values), name="membership_status_known"
            ),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values), name="membership_role_known"
            ),
            models.CheckConstraint(
                condition=Q(status=MembershipStatus.PENDING) | Q(decided_at__isnull=False),
                name="membership_decision_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.city} ({self.get_status_display()})"

    @property
    def is_approved(self) -> bool:
        return self.status == MembershipStatus.APPROVED


class ActivityEntry(models.Model):
    """One privileged or moderation action, for the record: who did what, to what, when, why.

    Written once by ``cities.services.activity_record`` and never changed: the portal and the
    admin only read it. The actor's name is kept as it was, so that the record reads the same
    after the actor's account is gone (for accountability; the privacy page says so), and the
    retention task deletes entries past ``RETENTION_ACTIVITY_LOG_DAYS``.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("who"), max_length=150, blank=True)
    kind = models.CharField(_("what"), max_length=30, choices=ActivityKind.choices)
    city = models.ForeignKey(
        City,
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.CharField(_("kind of object"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=40, blank=True)
    target_label = models.CharField(_("object"), max_length=300, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="activity_newest"),
            models.Index(fields=["city", "-created_at"], name="activity_city_newest"),
            models.Index(fields=["kind", "-created_at"], name="activity_kind_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ActivityKind.values), name="activity_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("An activity log entry is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An activity log entry is never deleted.")
