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


class ModerationReason(models.TextChoices):
    """Why a moderator hid a comment, showed it again or dismissed a report, and why someone
    reported it: the author is told the label (and the note) in their own language."""

    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Personal data")
    INSULT = "insult", _("Insult or personal attack")
    SPAM = "spam", _("Spam or advertising")
    OTHER = "other", _("Other (say which)")


class ReportResolution(models.TextChoices):
    """How a report was closed: its comment hidden, or the report dismissed."""

    HIDDEN = "hidden", _("Comment hidden")
    DISMISSED = "dismissed", _("Report dismissed")


class ModerationAction(models.TextChoices):
    """What the moderation page does to a comment."""

    HIDE = "hide", _("Hide the comment")
    RESTORE = "restore", _("Show the comment again")
    DISMISS = "dismiss", _("Dismiss (keep the comment as it is)")
