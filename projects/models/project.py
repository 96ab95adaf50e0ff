import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from cities.rules import readable_by
from core.dates import DATE_YEARS, DatesInRangeMixin
from core.enums import ContentLanguage, Visibility
from languages.models import TranslatableModel

from ..enums import ProjectStatus
from ..storage import name_for
from .fields import ProjectPictureField


def cover_path(instance, filename: str) -> str:
    # Unguessable names, and a members-only project's pictures in the private storage.
    name = f"projects/covers/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"
    return name_for(name, private=not instance.is_public)


class ProjectQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)

    def visible_to(self, user):
        """Projects ``user`` may read: public ones, and members-only ones for approved members."""
        return readable_by(self.alive(), user)


class Project(DatesInRangeMixin, TranslatableModel):
    """An ongoing (or planned, or completed) project of a member city, told for peers."""

    # What members may translate (languages.translatable), in the order a reader meets it.
    translated_fields = (
        "title",
        "summary",
        "description",
        "approach",
        "stakeholders",
        "lessons_learned",
        "looking_for",
        "transferability",
        "equity",
    )
    translation_permission = "projects.view_project"

    city = models.ForeignKey(
        "cities.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    lead_organisation = models.CharField(_("lead organisation"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), related_name="projects"
    )
    sdgs = models.ManyToManyField(
        "themes.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        related_name="projects",
        blank=True,
    )
    tags = TaggableManager(verbose_name=_("tags"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    stakeholders = models.TextField(_("stakeholders involved"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    looking_for = models.TextField(_("looking for"), blank=True)
    transferability = models.TextField(_("transferability"), blank=True)
    equity = models.TextField(_("equity"), blank=True)
    content_language = models.CharField(
        _("language of the text"), max_length=2, choices=ContentLanguage.choices
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    cover_image = ProjectPictureField(_("cover image"), upload_to=cover_path, blank=True)
    # The cards' copy of the cover (core.pictures.PictureSize.THUMBNAIL), beside it in the same
    # storage: a members-only project's is served by the same permission-checked view.
    cover_thumbnail = ProjectPictureField(
        _("cover thumbnail"), upload_to=cover_path, blank=True, editable=False
    )
    cover_alt = models.CharField(_("cover image description"), max_length=250, blank=True)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contacts"),
        related_name="contact_for_projects",
        blank=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="authored_projects",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept current by projects.search.index_project on every save.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(editable=False, null=True)

    objects = ProjectQuerySet.as_manager()

    date_years = {"start_date": DATE_YEARS, "end_date": DATE_YEARS}

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at"]
        indexes = [
            # The lists, newest first: what visitors see, what members see, per city. Partial,
            # because PostgreSQL does not take "deleted_at IS NULL" as an equality to follow an
            # index's order.
            models.Index(
                fields=["visibility", "-created_at"],
                condition=Q(deleted_at__isnull=True),
                name="project_listing",
            ),
            models.Index(
                fields=["-created_at"], condition=Q(deleted_at__isnull=True), name="project_newest"
            ),
            models.Index(
                fields=["city", "visibility", "-created_at"],
                condition=Q(deleted_at__isnull=True),
                name="project_city_newest",
            ),
            models.Index(fields=["city", "status"], name="project_city_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(cover_image="") | ~Q(cover_alt=""),
                name="project_cover_has_alt",
                violation_error_message=_("Describe the cover image for people who cannot see it."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProjectStatus.values), name="project_status_known"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="project_visibility_known"
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="project_language_known",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="project_title_not_empty"),
            models.CheckConstraint(condition=~Q(summary=""), name="project_summary_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def private_picture_url(self, field_name: str) -> str:
        """Where the cover of a members-only project (or its thumbnail) is served, to those who
        may read it."""
        view = "projects:cover_thumbnail" if field_name == "cover_thumbnail" else "projects:cover"
        return reverse(view, kwargs={"slug": self.slug})

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class ProjectLink(models.Model):
    """Two related projects in different places, e.g. Saint-Brieuc's square and Gothenburg's
    temporary installation. Shown on both projects."""

    from_project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="links_out"
    )
    to_project = models.ForeignKey(
        Project,
        verbose_name=_("related project"),
        on_delete=models.CASCADE,
        related_name="links_in",
    )
    note = models.CharField(_("how they relate"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("related project link")
        verbose_name_plural = _("related project links")
        constraints = [
            # A↔B once, whichever side it was made from.
            models.UniqueConstraint(
                Least("from_project", "to_project"),
                Greatest("from_project", "to_project"),
                name="project_link_once",
                violation_error_message=_("These projects are already linked."),
            ),
            models.CheckConstraint(
                condition=~Q(from_project=F("to_project")), name="project_link_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_project} ↔ {self.to_project}"
