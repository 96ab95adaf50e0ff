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
