from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import localized

from .enums import ThemeKind


class Theme(models.Model):
    """A work theme of the Alliance, or a topic a member city proposed to share."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=ThemeKind.choices, default=ThemeKind.ALLIANCE
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_sv = models.TextField(_("description (Swedish)"), blank=True)
    year_start = models.PositiveSmallIntegerField(_("worked on from (year)"), null=True, blank=True)
    year_end = models.PositiveSmallIntegerField(_("worked on until (year)"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        "cities.City",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_themes",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["kind", "position", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_end__isnull=True)
                | Q(year_start__isnull=True)
                | Q(year_end__gte=F("year_start")),
                name="theme_years_in_order",
            ),
            models.CheckConstraint(
                condition=Q(year_start__isnull=True) | Q(year_start__gte=1900),
                name="theme_year_start_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("themes:detail", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def years(self) -> str:
        if self.year_start and self.year_end and self.year_end != self.year_start:
            return f"{self.year_start}–{self.year_end}"
        return str(self.year_start or "")


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two ``#RRGGBB`` colours."""
    lighter, darker = sorted(
        (_relative_luminance(first), _relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 UN Sustainable Development Goals, with its official colour."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200)
    colour = models.CharField(_("official colour"), max_length=7)

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1) & Q(number__lte=17), name="sdg_number_1_to_17"
            ),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9A-Fa-f]{6}$"), name="sdg_colour_hex"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the goal's colour (WCAG AA needs 4.5:1)."""
        white, black = "#FFFFFF", "#000000"
        if contrast_ratio(self.colour, white) >= contrast_ratio(self.colour, black):
            return white
        return black
