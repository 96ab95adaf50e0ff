from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectMethod(models.Model):
    """A project used a method or tool, and says how it went: "we used it in…"."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="method_uses",
    )
    method = models.ForeignKey(
        "methods.Method",
        verbose_name=_("method or tool"),
        on_delete=models.CASCADE,
        related_name="uses",
    )
    account = models.TextField(_("how it went"), max_length=2000, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("method used by a project")
        verbose_name_plural = _("methods used by projects")
        ordering = ["method", "project"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "method"],
                name="project_method_once",
                violation_error_message=_("This project already says it uses this method."),
            ),
        ]
        indexes = [models.Index(fields=["method", "project"], name="method_use_method")]

    def __str__(self) -> str:
        return f"{self.project} · {self.method}"
