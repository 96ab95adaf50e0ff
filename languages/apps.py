from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """Second floor: the languages of what members write — the planning glossary, machine
    translation backends — used by every app that holds text."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "languages"
    verbose_name = _("Languages")
