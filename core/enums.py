"""Choices shared by several apps."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can read it")
    MEMBERS = "members", _("Members only: approved members of the network")


class ContentLanguage(models.TextChoices):
    """The language a member wrote a text in (a project, an event, a question, a comment…)."""

    FRENCH = "fr", _("French")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


def active_content_language() -> str:
    """The interface language in use (in a request, the reader's): what a member most likely
    writes in, so the default of every text's language."""
    code = (translation.get_language() or "").split("-")[0]
    return code if code in ContentLanguage.values else ContentLanguage.ENGLISH


class ContentLanguageField(models.CharField):
    """The language of a member's text, one of ``ContentLanguage``; by default the interface
    language at creation."""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.setdefault("max_length", 2)
        kwargs.setdefault("choices", ContentLanguage.choices)
        kwargs.setdefault("default", active_content_language)
        super().__init__(verbose_name or _("language of the text"), **kwargs)

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        # A callable default would add a hidden copy of the initial value to each form; the
        # default here is the reader's language, not data to compare a change against.
        field.show_hidden_initial = False
        return field
