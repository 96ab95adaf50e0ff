"""Erase what has outlived its period (the periods are settings, stated on the privacy page).

Run daily by a task; each step selects only what is past its date, so a second run the same day
finds nothing left to do.
"""

import datetime

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import User
from cities.models import ActivityEntry, Membership
from core import mail
from funding.sheets import sheets_delete_before

from .personal_data import EXPORT_PREFIX, account_delete, export_storage


def _before(now: datetime.datetime, setting: str) -> datetime.datetime:
    return now - datetime.timedelta(days=getattr(settings, setting))


def erase_registration_needs(now: datetime.datetime) -> int:
    """The dietary and access needs given at registration, once the event is well past."""
    registration_model = apps.get_model("events.Registration")
    return (
        registration_model.objects.filter(
            event__ends_at__lt=_before(now, "RETENTION_REGISTRATION_NEEDS_DAYS")
        )
        .exclude(needs="")
        .update(needs="")
    )


def expire_membership_requests(now: datetime.datetime) -> int:
    """Requests nobody decided: withdrawn, and the person told they may ask again."""
    expired = list(
        Membership.objects.pending()
        .filter(created_at__lt=_before(now, "RETENTION_PENDING_MEMBERSHIP_DAYS"))
        .select_related("user", "city")
    )
    with transaction.atomic():
        for membership in expired:
            mail.send(
                to=membership.user,
                template="email/membership_expired",
                context={
                    "membership": membership,
                    "city": membership.city,
                    "days": settings.RETENTION_PENDING_MEMBERSHIP_DAYS,
                },
            )
        Membership.objects.filter(pk__in=[membership.pk for membership in expired]).delete()
    return len(expired)


def delete_read_notifications(now: datetime.datetime) -> int:
    notification_model = apps.get_model("notifications.Notification")
    deleted, _per_model = notification_model.objects.filter(
        read_at__lt=_before(now, "RETENTION_READ_NOTIFICATIONS_DAYS")
    ).delete()
    return deleted


def delete_unconfirmed_accounts(now: datetime.datetime) -> int:
    """Sign-ups whose e-mail address was never confirmed (accounts made by staff or by a
    command, with no address to confirm, are not sign-ups and stay)."""
    addresses = EmailAddress.objects.filter(user=OuterRef("pk"))
    people = User.objects.filter(
        date_joined__lt=_before(now, "RETENTION_UNCONFIRMED_ACCOUNT_DAYS"),
        is_staff=False,
        is_superuser=False,
        last_login__isnull=True,
    ).filter(Exists(addresses), ~Exists(addresses.filter(verified=True)))
    count = 0
    for person in people:
        account_delete(user=person)
        count += 1
    return count


def delete_old_exports(now: datetime.datetime) -> int:
    """Personal data exports past their link's validity."""
    storage = export_storage()
    cutoff = now - datetime.timedelta(days=settings.PERSONAL_DATA_EXPORT_DAYS)
    try:
        folders, _files = storage.listdir(EXPORT_PREFIX)
    except (FileNotFoundError, OSError):
        return 0
    count = 0
    for folder in folders:
        _subfolders, files = storage.listdir(f"{EXPORT_PREFIX}{folder}")
        for name in files:
            path = f"{EXPORT_PREFIX}{folder}/{name}"
            if storage.get_modified_time(path) < cutoff:
                storage.delete(path)
                count += 1
    return count


def delete_old_partner_sheets(now: datetime.datetime) -> int:
    """Partner sheets (their PDF and DOCX files, then their rows) past their week."""
    return sheets_delete_before(_before(now, "RETENTION_PARTNER_SHEET_DAYS"))


def delete_old_activity(now: datetime.datetime) -> int:
    deleted, _per_model = ActivityEntry.objects.filter(
        created_at__lt=_before(now, "RETENTION_ACTIVITY_LOG_DAYS")
    ).delete()
    return deleted


def apply_retention(now: datetime.datetime | None = None) -> dict[str, int]:
    """Every step, with how many items each erased."""
    now = now or timezone.now()
    return {
        "registration_needs": erase_registration_needs(now),
        "membership_requests": expire_membership_requests(now),
        "read_notifications": delete_read_notifications(now),
        "unconfirmed_accounts": delete_unconfirmed_accounts(now),
        "exports": delete_old_exports(now),
        "partner_sheets": delete_old_partner_sheets(now),
        "activity_entries": delete_old_activity(now),
    }
