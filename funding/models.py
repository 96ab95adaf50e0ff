"""Funding calls, the cities' interest in them, partner searches and their answers, and the
partner sheets made for a call."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.enums import ContentLanguage
from languages.models import TranslatableModel

from .enums import InterestLevel, Programme


def private_storage():
    """Partner sheets name people: they are kept in the private storage, served by a view."""
    return storages["private"]


def sheet_path(instance, filename: str) -> str:
    return f"partner-sheets/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class FundingCall(TranslatableModel):
    """A call for proposals of a European or national programme, recorded by coordinators."""

    translated_fields = ("title", "summary", "eligibility")
    translation_permission = "funding.view_fundingcall"

    programme = models.CharField(_("programme"), max_length=20, choices=Programme.choices)
    identifier = models.CharField(_("call or topic identifier"), max_length=120)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=3000)
    opens_on = models.DateField(_("opening date"))
    # The last deadline, kept by funding.services when deadlines change: the list's status
    # filters and order read it through an index instead of every call's deadlines.
    closes_at = models.DateTimeField(_("last deadline"), null=True, blank=True, editable=False)
    budget = models.DecimalField(
        _("budget (euros)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    cofunding_rate = models.PositiveSmallIntegerField(
        _("co-funding rate (%)"), null=True, blank=True
    )
    eligibility = models.TextField(_("eligibility notes"), blank=True)
    open_to_france = models.BooleanField(_("French applicants eligible"), default=True)
    open_to_sweden = models.BooleanField(_("Swedish applicants eligible"), default=True)
    official_url = models.URLField(_("official page"), max_length=500)
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), related_name="funding_calls", blank=True
    )
    sdgs = models.ManyToManyField(
        "themes.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        related_name="funding_calls",
        blank=True,
    )
    content_language = models.CharField(
        _("language of the text"), max_length=2, choices=ContentLanguage.choices
    )
    is_example = models.BooleanField(_("an example (demo content, not a real call)"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["closes_at", "pk"]
        indexes = [
            models.Index(fields=["closes_at", "opens_on"], name="call_by_deadline"),
            models.Index(fields=["programme", "closes_at"], name="call_programme"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="call_title_not_empty"),
            models.CheckConstraint(condition=~Q(identifier=""), name="call_identifier_not_empty"),
            models.CheckConstraint(
                condition=Q(programme__in=Programme.values), name="call_programme_known"
            ),
            models.CheckConstraint(
                condition=Q(cofunding_rate__isnull=True) | Q(cofunding_rate__lte=100),
                name="call_cofunding_rate_percent",
                violation_error_message=_("A co-funding rate is between 0 and 100 %."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="call_budget_positive"
            ),
            models.CheckConstraint(
                condition=Q(open_to_france=True) | Q(open_to_sweden=True),
                name="call_open_to_a_country",
                violation_error_message=_("A call is open to French or Swedish applicants."),
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="call_language_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:detail", kwargs={"slug": self.slug})


class CallDeadline(models.Model):
    """One deadline of a call (a call may have stages), an instant entered in Brussels time."""

    call = models.ForeignKey(
        FundingCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="deadlines"
    )
    at = models.DateTimeField(_("deadline"))
    label = models.CharField(_("what is due"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["call", "at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "at"],
                name="call_deadline_once",
                violation_error_message=_("This call already has a deadline at that time."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call} · {self.at:%Y-%m-%d %H:%M}"


class CallInterest(models.Model):
    """How a city is interested in a call, and with which of its projects; set by its members."""

    call = models.ForeignKey(
        FundingCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="interests"
    )
    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="call_interests",
    )
    level = models.CharField(_("interest"), max_length=10, choices=InterestLevel.choices)
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("with these projects"),
        related_name="call_interests",
        blank=True,
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("city's interest in a call")
        verbose_name_plural = _("cities' interest in calls")
        ordering = ["call", "level", "city"]
        constraints = [
            models.UniqueConstraint(fields=["call", "city"], name="call_interest_once"),
            models.CheckConstraint(
                condition=Q(level__in=InterestLevel.values), name="call_interest_level_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.call} · {self.level}"


class PartnerSearchQuerySet(models.QuerySet):
    def open(self, today):
        return self.filter(closes_on__gte=today)


class PartnerSearch(models.Model):
    """A city looking for partners, for a call or for one of its projects (or both)."""

    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="partner_searches",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="partner_searches",
    )
    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="partner_searches",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="partner_searches",
    )
    title = models.CharField(_("what you are looking for"), max_length=200)
    roles_sought = models.TextField(_("roles sought"), max_length=2000)
    wants_france = models.BooleanField(_("partners in France"), default=True)
    wants_sweden = models.BooleanField(_("partners in Sweden"), default=True)
    description = models.TextField(_("more about it"), max_length=5000, blank=True)
    content_language = models.CharField(
        _("language of the text"), max_length=2, choices=ContentLanguage.choices
    )
    closes_on = models.DateField(_("answers wanted by"))
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    objects = PartnerSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner search")
        verbose_name_plural = _("partner searches")
        ordering = ["closes_on", "pk"]
        indexes = [
            models.Index(fields=["call", "closes_on"], name="partner_search_call"),
            models.Index(fields=["project", "closes_on"], name="partner_search_project"),
            models.Index(fields=["city", "closes_on"], name="partner_search_city"),
            models.Index(fields=["closes_on"], name="partner_search_open"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(call__isnull=False) | Q(project__isnull=False),
                name="partner_search_has_subject",
                violation_error_message=_("Say which call or which project you seek partners for."),
            ),
            models.CheckConstraint(
                condition=Q(wants_france=True) | Q(wants_sweden=True),
                name="partner_search_wants_a_country",
                violation_error_message=_("Choose at least one country."),
            ),
            models.CheckConstraint(condition=~Q(title=""), name="partner_search_has_title"),
            models.CheckConstraint(condition=~Q(roles_sought=""), name="partner_search_has_roles"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", kwargs={"pk": self.pk})


class PartnerReply(models.Model):
    """Another city's answer to a partner search: "we'd join as…"."""

    search = models.ForeignKey(
        PartnerSearch,
        verbose_name=_("partner search"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="partner_replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="partner_replies",
    )
    role = models.CharField(_("we would join as"), max_length=300)
    message = models.TextField(_("message"), max_length=3000, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer to a partner search")
        verbose_name_plural = _("answers to partner searches")
        ordering = ["search", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["search", "city"],
                name="partner_reply_once_per_city",
                violation_error_message=_("Your city has already answered this search."),
            ),
            models.CheckConstraint(condition=~Q(role=""), name="partner_reply_has_role"),
        ]

    def __str__(self) -> str:
        return f"{self.city} → {self.search}"


class PartnerSheet(models.Model):
    """A partner sheet of a city for a call, in one language, made by a task as PDF and DOCX."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(
        FundingCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="sheets"
    )
    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="partner_sheets",
    )
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked for by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="partner_sheets",
    )
    requested_at = models.DateTimeField(_("asked for at"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=sheet_path, storage=private_storage, blank=True)
    docx = models.FileField(
        _("editable document"), upload_to=sheet_path, storage=private_storage, blank=True
    )

    class Meta:
        verbose_name = _("partner sheet")
        verbose_name_plural = _("partner sheets")
        ordering = ["-requested_at"]
        indexes = [
            models.Index(fields=["call", "city", "language", "-requested_at"], name="sheet_latest")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(language__in=ContentLanguage.values), name="sheet_language_known"
            ),
            models.CheckConstraint(
                condition=Q(ready_at__isnull=True) | Q(ready_at__gte=F("requested_at")),
                name="sheet_ready_after_asked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.call} ({self.language})"
