from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ListScope(models.TextChoices):
    """Who reads a list: what visitors see (public projects), or what members see (all)."""

    PUBLIC = "public", _("visitors")
    MEMBERS = "members", _("members")


class ListSummary(models.Model):
    """The project list's count and facet counts without filters, for one kind of reader:
    computed when projects change (``projects.tasks.refresh_list_summaries``), so that the
    list never counts every project while someone waits."""

    scope = models.CharField(_("readers"), max_length=10, choices=ListScope.choices, unique=True)
    total = models.PositiveIntegerField(_("projects"))
    # {"themes": [[id, n]…], "cities": …, "countries": [[code, n]…], "statuses": …, "sdgs": …,
    #  "tags": …}: ids and counts, in the order the list shows them.
    counts = models.JSONField(_("counts"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("project list summary")
        verbose_name_plural = _("project list summaries")
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=ListScope.values), name="list_summary_scope_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scope}: {self.total}"
