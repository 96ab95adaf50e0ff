from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ProjectRevision(models.Model):
    """The state of a project after one save: who saved it, when, and what changed."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="revisions",
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
    restored_from = models.PositiveIntegerField(_("restored from revision"), null=True, blank=True)

    class Meta:
        verbose_name = _("project revision")
        verbose_name_plural = _("project revisions")
        ordering = ["project", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="revision_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="revision_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.project} #{self.number}"
