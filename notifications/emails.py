"""Notification e-mails: one at once per notification, or a daily or weekly digest; each in the
reader's language, with a signed one-click unsubscribe link (List-Unsubscribe)."""

import logging
import smtplib

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from accounts.enums import Frequency
from accounts.models import User
from core import mail
from core.links import absolute_url

from .models import Notification
from .selectors import attach_shown_titles

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
DIGEST_PERIODS = {
    Frequency.DAILY: timezone.timedelta(days=1),
    Frequency.WEEKLY: timezone.timedelta(days=7),
}


def unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def compose(person: User, template: str, context: dict) -> EmailMessage:
    with translation.override(person.preferred_language):
        unsubscribe = absolute_url(
            reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(person)})
        )
    return mail.compose(
        to=person,
        template=f"email/{template}",
        context={
            **context,
            # Notifications keep language-free paths: the reader's language goes in front.
            "base": absolute_url(f"/{person.preferred_language}"),
            "unsubscribe_url": unsubscribe,
        },
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_at_once(notification_ids: list[int]) -> int:
    """One e-mail per notification not e-mailed yet, queued for delivery; returns how many."""
    notifications = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient", "city", "subject_type")
        .order_by("pk")
    )
    attach_shown_titles(notifications)  # each in its recipient's language, one query
    for notification in notifications:
        mail.queue(compose(notification.recipient, "notification", {"notification": notification}))
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=timezone.now()
    )
    return len(notifications)


def send_due_digests(*, now=None) -> int:
    """One e-mail per person whose daily or weekly digest is due, with what they have not been
    sent yet; returns how many were handed over to the mail server.

    A digest is marked sent only once the mail server took it: if it refuses or is away, the
    items stay unsent and the next run sends them. The person's row stays locked meanwhile, so
    a concurrent run waits, then finds nothing due: nobody gets the same item twice.
    """
    now = now or timezone.now()
    sent = 0
    for frequency, period in DIGEST_PERIODS.items():
        due = (
            User.objects.filter(
                notification_frequency=frequency,
                is_active=True,
                notifications__emailed_at__isnull=True,
            )
            .filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - period))
            .distinct()
        )
        for person in due:
            try:
                if _send_digest(person, frequency, period, now):
                    sent += 1
            except (smtplib.SMTPException, OSError):  # OSError: refused, reset, timed out
                logger.warning(
                    "Digest of user %s not delivered; the next run tries again.",
                    person.pk,
                    exc_info=True,
                )
    return sent


def _send_digest(person: User, frequency: str, period, now) -> bool:
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=person.pk)
        if locked.last_digest_at and locked.last_digest_at > now - period:
            return False
        items = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(recipient=locked, emailed_at__isnull=True, created_at__lte=now)
            .select_related("city", "subject_type")
            .order_by("created_at", "pk")
        )
        if not items:
            return False
        attach_shown_titles(items, locked.preferred_language)  # one query for the digest
        mail.deliver(compose(locked, "digest", {"notifications": items, "frequency": frequency}))
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
        locked.last_digest_at = now
        locked.save(update_fields=["last_digest_at"])
    return True
