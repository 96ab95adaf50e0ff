import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..storage import name_for, private_storage
from .fields import ProjectPictureField


def image_path(instance, filename: str) -> str:
    name = f"projects/images/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"
    return name_for(name, private=not instance.project.is_public)


def document_path(instance, filename: str) -> str:
    return f"projects/documents/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class ProjectImage(models.Model):
    """A picture of the project's gallery, resized for display, always with a text alternative."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="images",
    )
    image = ProjectPictureField(_("image"), upload_to=image_path)
    thumbnail = ProjectPictureField(_("thumbnail"), upload_to=image_path, blank=True)
    alt_text = models.CharField(
        _("description of the image"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project image")
        verbose_name_plural = _("project images")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="project_image_has_alt"),
        ]

    def __str__(self) -> str:
        return self.alt_text

    def private_picture_url(self, field_name: str) -> str:
        """Where a members-only project's picture (or its thumbnail) is served, to those who may
        read the project."""
        view = "projects:thumbnail" if field_name == "thumbnail" else "projects:picture"
        return reverse(view, kwargs={"slug": self.project.slug, "pk": self.pk})


class ProjectDocument(models.Model):
    """A document attached to a project, stored privately and served through a permission check."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(_("file"), upload_to=document_path, storage=private_storage)
    title = models.CharField(_("title"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="project_document_not_empty"),
            models.CheckConstraint(condition=~Q(title=""), name="project_document_has_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return self.original_name.rsplit(".", 1)[-1].upper()
