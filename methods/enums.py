from django.db import models
from django.utils.translation import gettext_lazy as _


class MethodKind(models.TextChoices):
    METHOD = "method", _("Method")
    TOOL = "tool", _("Tool")
    TEMPLATE = "template", _("Template")
