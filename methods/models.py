"""Methods and tools the cities use (a gender-aware safety walk, a temporary installation to
test a public space…), told so that another city can pick them up."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from cities.rules import readable_by
from core.enums import ContentLanguage, Visibility
from languages.models import TranslatableModel

from .enums import MethodKind


def private_storage():
    """The private storage (settings: STORAGES["private"]): attachments are served only through
    a view that checks who may read the method."""
    return storages["private"]


def attachment_path(instance, filename: str) -> str:
    return f"methods/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class MethodQuerySet(models.QuerySet):
    def visible_to(self, user):
        return readable_by(self, user)


class Method(TranslatableModel):
    """A method or tool: what it is for, its steps, what it takes, who takes part, its pitfalls.
    The projects that used it say how it went (``projects.ProjectMethod``)."""

    translated_fields = (
        "title",
        "purpose",
        "steps",
        "participants",
        "pitfalls",
        "time_needed",
        "cost",
    )
    translation_permission = "methods.view_method"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=MethodKind.choices, default=MethodKind.METHOD
    )
    purpose = models.CharField(_("what it is for"), max_length=500)
    steps = models.TextField(_("steps"), blank=True)
    time_needed = models.CharField(_("time it takes"), max_length=300, blank=True)
    cost = models.CharField(_("cost"), max_length=300, blank=True)
    participants = models.TextField(_("who takes part"), blank=True)
    pitfalls = models.TextField(_("pitfalls"), blank=True)
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), related_name="methods", blank=True
    )
    tags = TaggableManager(verbose_name=_("tags"), blank=True)
    content_language = models.CharField(
        _("language of the text"), max_length=2, choices=ContentLanguage.choices
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    city = models.ForeignKey(
        "cities.City",
        verbose_name=_("city that wrote it up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="methods",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="authored_methods",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MethodQuerySet.as_manager()

    class Meta:
        verbose_name = _("method or tool")
        verbose_name_plural = _("methods and tools")
        ordering = ["title", "pk"]
        indexes = [
            models.Index(fields=["visibility", "title"], name="method_listing"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="method_title_not_empty"),
            models.CheckConstraint(condition=~Q(purpose=""), name="method_purpose_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=MethodKind.values), name="method_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="method_visibility_known"
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="method_language_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("methods:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class MethodRevision(models.Model):
    """The state of a method after one save: who saved it, when, and what changed."""

    method = models.ForeignKey(
        Method, verbose_name=_("method"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("revision"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    snapshot = models.JSONField(_("content"))
    changed_fields = models.JSONField(_("changed fields"), default=list)

    class Meta:
        verbose_name = _("method revision")
        verbose_name_plural = _("method revisions")
        ordering = ["method", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["method", "number"], name="method_revision_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="method_revision_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method} #{self.number}"


class MethodDocument(models.Model):
    """An attachment or template of a method, stored privately and served through a
    permission check; checked like a project's documents (core.documents)."""

    method = models.ForeignKey(
        Method, verbose_name=_("method"), on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    title = models.CharField(_("title"), max_length=200)
    is_template = models.BooleanField(_("a template to fill in"), default=False)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("method attachment")
        verbose_name_plural = _("method attachments")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="method_document_not_empty"),
            models.CheckConstraint(condition=~Q(title=""), name="method_document_has_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return self.original_name.rsplit(".", 1)[-1].upper()
