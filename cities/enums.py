from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    FRANCE = "FR", _("France")
    SWEDEN = "SE", _("Sweden")


class MembershipRole(models.TextChoices):
    PLANNER = "planner", _("Urban planner / project officer")
    EU_OFFICER = "eu_officer", _("EU or innovation project officer")
    ELECTED = "elected", _("Elected official")
    RESEARCHER = "researcher", _("Researcher")
    ASSOCIATION = "association", _("Association")
    COORDINATOR = "coordinator", _("City coordinator")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
