from django.db import models
from django.utils.translation import gettext_lazy as _


class SpokenLanguage(models.TextChoices):
    """Languages people in the network commonly work in (ISO 639-1)."""

    FRENCH = "fr", _("French")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")
    DANISH = "da", _("Danish")
    NORWEGIAN = "no", _("Norwegian")
    FINNISH = "fi", _("Finnish")
    ARABIC = "ar", _("Arabic")


class PortalLanguage(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"
    SWEDISH = "sv", "Svenska"


class Frequency(models.TextChoices):
    """How often a person gets e-mails about what they follow."""

    IMMEDIATELY = "immediately", _("At once, one e-mail per notification")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    NEVER = "never", _("Never: I read them on the portal")


class ReportEmails(models.TextChoices):
    """How a moderator hears of new reports of comments on the content they moderate."""

    EACH = "each", _("At once, one e-mail per report")
    DAILY = "daily", _("In one daily e-mail listing the new reports")
