from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .project import Project


class ProjectMatch(models.Model):
    """One of a project's best peer projects in the other country, with its score
    (``projects.matching``). Kept whatever the peer's visibility: readers' filters apply at read
    time. Written by ``projects.tasks.update_matches`` and the ``compute_matches`` command."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="matches"
    )
    match = models.ForeignKey(
        Project, verbose_name=_("peer project"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))

    class Meta:
        verbose_name = _("peer match")
        verbose_name_plural = _("peer matches")
        indexes = [models.Index(fields=["project", "-score"], name="project_match_best")]
        constraints = [
            models.UniqueConstraint(fields=["project", "match"], name="project_match_once"),
            models.CheckConstraint(
                condition=~Q(project=F("match")), name="project_match_not_itself"
            ),
            models.CheckConstraint(condition=Q(score__gt=0), name="project_match_score_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} → {self.match_id} ({self.score})"


class CityMatch(models.Model):
    """One of the best peer projects in the other country for all of a city's projects taken
    together (the suggestions page)."""

    city = models.ForeignKey(
        "cities.City", verbose_name=_("city"), on_delete=models.CASCADE, related_name="+"
    )
    match = models.ForeignKey(
        Project, verbose_name=_("peer project"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))

    class Meta:
        verbose_name = _("city peer match")
        verbose_name_plural = _("city peer matches")
        indexes = [models.Index(fields=["city", "-score"], name="city_match_best")]
        constraints = [
            models.UniqueConstraint(fields=["city", "match"], name="city_match_once"),
            models.CheckConstraint(condition=Q(score__gt=0), name="city_match_score_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.city_id} → {self.match_id} ({self.score})"


class CityMatchProfile(models.Model):
    """What a city's live projects share, as matching compares it: their themes, goals and tag
    concepts (``projects.matching.tag_key``), and how many projects there are. Read by the
    suggestions page in one query instead of loading every project of the city."""

    city = models.OneToOneField(
        "cities.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    theme_ids = models.JSONField(_("themes"), default=list)
    sdg_ids = models.JSONField(_("sustainable development goals"), default=list)
    tag_keys = models.JSONField(_("tags"), default=list)
    project_count = models.PositiveIntegerField(_("projects"), default=0)

    class Meta:
        verbose_name = _("city matching profile")
        verbose_name_plural = _("city matching profiles")

    def __str__(self) -> str:
        return str(self.city_id)


class ProjectMatchWords(models.Model):
    """The words a project is compared by (``projects.matching.project_words``: its title's and
    summary's significant words and their glossary equivalents), kept so that a change of one
    project does not recompute them for all the others."""

    project = models.OneToOneField(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    words = models.JSONField(_("words"), default=list)

    class Meta:
        verbose_name = _("project matching words")
        verbose_name_plural = _("project matching words")

    def __str__(self) -> str:
        return str(self.project_id)
