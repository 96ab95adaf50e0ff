from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.TextChoices):
    HORIZON_EUROPE = "horizon_europe", _("Horizon Europe")
    LIFE = "life", _("LIFE")
    INTERREG_EUROPE = "interreg_europe", _("Interreg Europe")
    URBACT = "urbact", _("URBACT")
    ERASMUS_PLUS = "erasmus_plus", _("Erasmus+")
    DIGITAL_EUROPE = "digital_europe", _("Digital Europe")
    EUI = "eui", _("European Urban Initiative")
    ADEME = "ademe", _("ADEME (France)")
    VINNOVA = "vinnova", _("Vinnova (Sweden)")
    ENERGIMYNDIGHETEN = "energimyndigheten", _("Swedish Energy Agency")
    OTHER = "other", _("Other programme")


class CallStatus(models.TextChoices):
    """Worked out from the dates: not stored, so that it never goes stale."""

    OPEN = "open", _("Open")
    UPCOMING = "upcoming", _("Upcoming")
    CLOSED = "closed", _("Closed")


class InterestLevel(models.TextChoices):
    LEAD = "lead", _("Would lead")
    PARTNER = "partner", _("Would partner")
    WATCHING = "watching", _("Watching")
