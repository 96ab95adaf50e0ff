from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The three languages the glossary is written in, in the order its columns are shown.
GLOSSARY_LANGUAGES = ("fr", "sv", "en")


class PlanningSystem(models.TextChoices):
    """Whose planning system a term belongs to."""

    FRANCE = "FR", _("France")
    SWEDEN = "SE", _("Sweden")
    BOTH = "both", _("France and Sweden")


class EntryState(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("glossary entry", "Proposed")
    PUBLISHED = "published", pgettext_lazy("glossary entry", "Published")
    # A correction whose changes were copied into the entry it corrects.
    APPLIED = "applied", pgettext_lazy("glossary correction", "Applied")
    REJECTED = "rejected", pgettext_lazy("glossary entry", "Rejected")


class TranslationOrigin(models.TextChoices):
    """Who wrote a translation: a member, or an engine (then maybe reviewed by a member)."""

    HUMAN = "human", pgettext_lazy("translation origin", "Human")
    MACHINE = "machine", pgettext_lazy("translation origin", "Machine")
