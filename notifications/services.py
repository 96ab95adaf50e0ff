"""Follows, and the fan-out of notifications: a bounded number of queries however many follow."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from accounts.enums import Frequency
from accounts.models import User
from cities.models import City
from cities.rules import members_content_readers
from core import pagecache

from .emails import UNSUBSCRIBE_SALT
from .models import Follow, Notification
from .tasks import send_at_once

logger = logging.getLogger(__name__)


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
    title_language: str = "",
    subject=None,
    city: City | None = None,
    context: str | Promise = "",
    targets=(),
    also=(),
    public: bool = True,
    emailed_separately=(),
) -> int:
    """Notify the followers of ``targets`` (and the people in ``also``) of something new.

    ``subject`` is what ``title`` is the title of (a project, an event, a question): each
    reader sees its translation into their language when there is one. ``city`` is where it
    happened, named in each reader's language when shown; ``context`` says anything else, and
    a lazy translation there is kept in each recipient's language.

    Never the actor; for members-only content, only those who may read it. Four queries and
    one bulk insert, whatever the number of followers; e-mails "at once" go out after commit,
    from a task. The people in ``emailed_separately`` get an e-mail of their own about it (the
    project's people about a comment): their notification counts as e-mailed, so that neither
    an e-mail at once nor a digest tells them twice.
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
    subject_type = ContentType.objects.get_for_model(subject) if subject is not None else None
    contexts = _contexts_by_language(context, {person.preferred_language for person in recipients})
    separately = {person.pk for person in emailed_separately if person is not None}
    now = timezone.now()
    with transaction.atomic():
        created = Notification.objects.bulk_create(
            [
                Notification(
                    recipient=person,
                    kind=kind,
                    actor=actor,
                    title=title[:250],
                    title_language=title_language,
                    subject_type=subject_type,
                    subject_id=subject.pk if subject is not None else None,
                    path=path,
                    city=city,
                    context=contexts[person.preferred_language],
                    emailed_at=now if person.pk in separately else None,
                )
                for person in recipients
            ],
            batch_size=500,
        )
        User.objects.filter(pk__in=[person.pk for person in recipients]).update(
            unread_notifications=F("unread_notifications") + 1
        )
        # Their headers count one more notification.
        pagecache.member_changed([person.pk for person in recipients])
        at_once = [
            notification.pk
            for person, notification in zip(recipients, created, strict=True)
            if person.notification_frequency == Frequency.IMMEDIATELY
            and person.pk not in separately
        ]
        if at_once:
            send_at_once.delay_on_commit(at_once)
    return len(recipients)


def _contexts_by_language(context: str | Promise, languages: set[str]) -> dict[str, str]:
    """``context`` as each recipient's language says it (a plain string as it is)."""
    texts = {}
    for language in languages:
        if isinstance(context, Promise):
            with translation.override(language):
                texts[language] = str(context)[:250]
        else:
            texts[language] = context[:250]
    return texts


def user_from_unsubscribe_token(token: str) -> User | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=data.get("u"), is_active=True).first()


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
            pagecache.member_changed([user.pk])
    return count


def unsubscribe(*, user: User) -> None:
    User.objects.filter(pk=user.pk).update(notification_frequency=Frequency.NEVER)
    pagecache.member_changed([user.pk])
