from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeKind(models.TextChoices):
    ALLIANCE = "alliance", _("Alliance work theme")
    PROPOSED = "proposed", _("Topic proposed by a city")
