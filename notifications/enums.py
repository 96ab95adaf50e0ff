from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    NEW_PROJECT = "new_project", _("New project")
    NEW_QUESTION = "new_question", _("New question")
    NEW_ANSWER = "new_answer", _("New answer")
    NEW_COMMENT = "new_comment", _("New comment")
    NEW_EVENT = "new_event", _("New event")
    NEW_PARTNER_SEARCH = "new_partner_search", _("New partner search")
    PARTNER_REPLY = "partner_reply", _("Answer to your partner search")


# What one may follow: the kind name used in forms and URLs → "app_label.model".
FOLLOWABLE = {
    "theme": "themes.theme",
    "city": "cities.city",
    "project": "projects.project",
    "question": "questions.question",
    "event": "events.event",
    "call": "funding.fundingcall",
}
