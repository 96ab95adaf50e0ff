"""Follows, and the fan-out of notifications: a bounded number of queries however many follow."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.enums import Frequency
from accounts.models import User
from cities.rules import members_content_readers

from .models import Follow, Notification

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
DIGEST_PERIODS = {
    Frequency.DAILY: timezone.timedelta(days=1),
    Frequency.WEEKLY: timezone.timedelta(days=7),
}


# --- Follows -------------------------------------------------------------------


def follow(*, user: User, target) -> Follow:
    if is_following(user=user, target=target):
        raise ValidationError(_("You already follow this."))
    try:
        with transaction.atomic():
            return Follow.objects.create(
                user=user,
                content_type=ContentType.objects.get_for_model(target),
                object_id=target.pk,
            )
    except IntegrityError as error:  # two clicks at once
        raise ValidationError(_("You already follow this.")) from error


def unfollow(*, user: User, target) -> None:
    Follow.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).delete()


def is_following(*, user: User, target) -> bool:
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).exists()


def follow_quietly(*, user: User, target) -> None:
    """Follow unless already following (authors follow what they create)."""
    Follow.objects.get_or_create(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    )


# --- Fan-out -------------------------------------------------------------------


def language_free_path(url: str) -> str:
    """/en/projects/x/ → /projects/x/: each recipient reads it in their own language."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if url.startswith(prefix):
            return "/" + url[len(prefix) :]
    return url


def notify(
    *,
    kind: str,
    actor: User | None,
    title: str,
    url: str,
    context: str = "",
    targets=(),
    also=(),
    public: bool = True,
    base_url: str = "",
) -> int:
    """Notify the followers of ``targets`` (and the people in ``also``) of something new.

    Never the actor; for members-only content, only those who may read it. Four queries and
    one bulk insert, whatever the number of followers; e-mails "at once" go out after commit.
    """
    condition = Q()
    for target in targets:
        condition |= Q(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)
    ids = (
        set(Follow.objects.filter(condition).values_list("user_id", flat=True))
        if condition
        else set()
    )
    ids |= {person.pk for person in also if person is not None}
    if actor is not None:
        ids.discard(actor.pk)
    if not ids:
        return 0
    recipients = User.objects.filter(pk__in=ids, is_active=True)
    if not public:
        recipients = members_content_readers(recipients)
    recipients = list(
        recipients.only("pk", "email", "full_name", "preferred_language", "notification_frequency")
    )
    path = language_free_path(url)
    with transaction.atomic():
        created = Notification.objects.bulk_create(
            [
                Notification(
                    recipient=person,
                    kind=kind,
                    actor=actor,
                    title=title[:250],
                    path=path,
                    context=context[:250],
                )
                for person in recipients
            ],
            batch_size=500,
        )
        User.objects.filter(pk__in=[person.pk for person in recipients]).update(
            unread_notifications=F("unread_notifications") + 1
        )
        at_once = [
            (person, notification)
            for person, notification in zip(recipients, created, strict=True)
            if person.notification_frequency == Frequency.IMMEDIATELY
        ]
        if at_once:
            transaction.on_commit(lambda: _send_at_once(at_once, base_url))
    return len(recipients)


def unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token: str) -> User | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=data.get("u"), is_active=True).first()


def _message(person: User, template: str, context: dict, base_url: str) -> EmailMessage:
    with translation.override(person.preferred_language):
        unsubscribe = base_url.rstrip("/") + reverse(
            "notifications:unsubscribe", kwargs={"token": unsubscribe_token(person)}
        )
        context = {
            **context,
            "recipient": person,
            "base": f"{base_url.rstrip('/')}/{person.preferred_language}",
            "unsubscribe_url": unsubscribe,
        }
        subject = render_to_string(f"email/{template}_subject.txt", context).strip()
        body = render_to_string(f"email/{template}_body.txt", context)
    return EmailMessage(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [person.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _send_at_once(pairs, base_url: str) -> None:
    for person, notification in pairs:
        _message(person, "notification", {"notification": notification}, base_url).send()
    Notification.objects.filter(pk__in=[n.pk for _p, n in pairs]).update(emailed_at=timezone.now())


def send_due_digests(*, base_url: str, now=None) -> int:
    """One e-mail per person whose daily or weekly digest is due, with what they have not been
    sent yet. Each notification is marked sent in the same transaction that reads it, so a
    second run (even a concurrent one) sends nothing twice."""
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
            with transaction.atomic():
                locked = User.objects.select_for_update().get(pk=person.pk)
                if locked.last_digest_at and locked.last_digest_at > now - period:
                    continue
                items = list(
                    Notification.objects.select_for_update()
                    .filter(recipient=locked, emailed_at__isnull=True, created_at__lte=now)
                    .order_by("created_at", "pk")
                )
                if not items:
                    continue
                Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
                locked.last_digest_at = now
                locked.save(update_fields=["last_digest_at"])
                message = _message(
                    locked, "digest", {"notifications": items, "frequency": frequency}, base_url
                )
                transaction.on_commit(message.send)
                sent += 1
    return sent


def mark_read(*, user: User, notification: Notification | None = None) -> int:
    """Mark one (or all) of the user's notifications read; keeps the header count right."""
    with transaction.atomic():
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
        if notification is not None:
            unread = unread.filter(pk=notification.pk)
        count = unread.update(read_at=timezone.now())
        if count:
            remaining = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
            User.objects.filter(pk=user.pk).update(unread_notifications=remaining)
            user.unread_notifications = remaining
    return count


def unsubscribe(*, user: User) -> None:
    User.objects.filter(pk=user.pk).update(notification_frequency=Frequency.NEVER)
