from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    INFORMAL = "informal", _("Informal discussion")
    BILATERAL = "bilateral", _("Bilateral meeting")
    SEMINAR = "seminar", _("Annual seminar")
    SITE_VISIT = "site_visit", _("Site visit")
    WORKSHOP = "workshop", _("Workshop")


class EventState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event state", "Draft")
    PUBLISHED = "published", pgettext_lazy("event state", "Published")
    CANCELLED = "cancelled", pgettext_lazy("event state", "Cancelled")


class AgendaItemKind(models.TextChoices):
    TALK = "talk", _("Talk")
    WORKSHOP = "workshop", pgettext_lazy("agenda item", "Workshop")
    SITE_VISIT = "site_visit", pgettext_lazy("agenda item", "Site visit")
    BREAK = "break", _("Break")
    MEAL = "meal", _("Meal")
    TRAVEL = "travel", _("Travel")


class RegistrationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration state", "Cancelled")


LIVE_REGISTRATION_STATES = [RegistrationState.CONFIRMED, RegistrationState.WAITING]
