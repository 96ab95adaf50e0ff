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


class ActivityKind(models.TextChoices):
    """What the activity log records: privileged and moderation actions."""

    MEMBERSHIP_APPROVED = "membership_approved", _("Membership approved")
    MEMBERSHIP_REJECTED = "membership_rejected", _("Membership rejected")
    MEMBERSHIP_ENDED = "membership_ended", _("Membership ended")
    ROLE_CHANGED = "role_changed", _("Role changed")
    GROUP_CHANGED = "group_changed", _("Group or staff status changed")
    EVENT_PUBLISHED = "event_published", _("Event published")
    EVENT_CANCELLED = "event_cancelled", _("Event cancelled")
    PROJECT_DELETED = "project_deleted", _("Project deleted")
    PROJECT_RESTORED = "project_restored", _("Project restored")
    CONTENT_HIDDEN = "content_hidden", _("Content hidden")
    CONTENT_RESTORED = "content_restored", _("Content restored")
    REPORT_DISMISSED = "report_dismissed", _("Report dismissed")
    ADMIN_EDIT = "admin_edit", _("Edit in the administration")
    DATA_EXPORTED = "data_exported", _("Personal data exported")
    ACCOUNT_DELETED = "account_deleted", _("Account deleted")
