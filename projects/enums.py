from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.enums import ContentLanguage


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("project status", "Planned")
    ONGOING = "ongoing", pgettext_lazy("project status", "Ongoing")
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")


# PostgreSQL text-search configurations created by migration 0002 (unaccented stemming).
SEARCH_CONFIGS = {
    ContentLanguage.FRENCH: "alliance_fr",
    ContentLanguage.SWEDISH: "alliance_sv",
    ContentLanguage.ENGLISH: "alliance_en",
}

# The "soft solution" fields: how the city works, what peers can learn and ask.
SOFT_FIELDS = [
    "approach",
    "stakeholders",
    "lessons_learned",
    "looking_for",
    "transferability",
    "equity",
]


class PictureKind(models.TextChoices):
    """The copies of a project's pictures, as named in their addresses."""

    COVER = "cover", _("cover image")
    COVER_THUMBNAIL = "cover_thumbnail", _("cover thumbnail")
    IMAGE = "image", _("image")
    THUMBNAIL = "thumbnail", _("thumbnail")
