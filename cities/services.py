"""Writes for cities and memberships."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import mail
from core.pictures import PictureSize, reencode

from .enums import ActivityKind, MembershipRole, MembershipStatus
from .models import ActivityEntry, City, Membership
from .tasks import mail_membership_requested

logger = logging.getLogger(__name__)


def activity_record(
    *,
    kind: ActivityKind,
    actor: User | None,
    target=None,
    city: City | None = None,
    reason: str = "",
    target_label: str | None = None,
    target_type: str | None = None,
    target_id: str | None = None,
) -> ActivityEntry:
    """Write one entry of the activity log (inside the caller's transaction, so that the
    record and the action land or fail together). ``target`` is the model instance acted on:
    its kind, id and name are kept as text, so the entry outlives it. Without an instance
    (an object already deleted), ``target_type`` and ``target_id`` say which it was."""
    actor = actor if actor is not None and actor.is_authenticated else None
    entry = ActivityEntry(
        kind=kind,
        actor=actor,
        actor_name=actor.get_full_name() if actor else "",
        city=city,
        target_type=(
            target_type
            if target_type is not None
            else target._meta.label_lower
            if target is not None
            else ""
        ),
        target_id=(
            target_id if target_id is not None else str(target.pk) if target is not None else ""
        ),
        target_label=(
            target_label if target_label is not None else str(target) if target is not None else ""
        )[:300],
        reason=reason[:500],
    )
    # The actor and the city are instances the caller holds, and the kind's constraint is the
    # database's too: checking them again would cost four queries per entry.
    entry.full_clean(exclude=["actor", "city"], validate_constraints=False)
    entry.save()
    return entry


def city_save(*, city: City, photo=None) -> City:
    """Save a city as edited in the admin. A new ``photo`` (an upload its form checked) is kept
    re-encoded, resized and without metadata; the file it replaces is deleted once committed."""
    with transaction.atomic():
        old_name = (
            City.objects.filter(pk=city.pk).values_list("photo", flat=True).first()
            if city.pk
            else None
        )
        if photo is not None:
            content, extension = reencode(photo, PictureSize.DISPLAY)
            city.photo.save(f"{city.slug}.{extension}", content, save=False)
        city.full_clean()
        city.save()
        if old_name and old_name != city.photo.name:
            storage = city.photo.storage
            transaction.on_commit(lambda: storage.delete(old_name))
    return city


def membership_request(*, user: User, city: City, role: str, message: str = "") -> Membership:
    """Ask to join ``city``; tells the city's coordinators by e-mail once the request is saved."""
    membership = Membership(user=user, city=city, role=role, message=message)
    membership.full_clean()
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as exc:  # a concurrent double request
        raise ValidationError(
            _("You already have a membership or a pending request for this city.")
        ) from exc

    mail_membership_requested.delay_on_commit(membership.pk)
    return membership


def membership_change_role(
    *, membership: Membership, role: str, actor: User | None = None
) -> Membership:
    """Staff give a member another role (a planner becomes the city's coordinator); the change
    is kept in the activity log."""
    with transaction.atomic():
        old_role = (
            Membership.objects.filter(pk=membership.pk).values_list("role", flat=True).first()
        )
        membership.role = role
        membership.full_clean()
        membership.save(update_fields=["role"])
        if old_role != role:
            activity_record(
                kind=ActivityKind.ROLE_CHANGED,
                actor=actor,
                target=membership,
                city=membership.city,
                target_label=membership.user.get_full_name(),
                reason=f"{_role_label(old_role)} → {_role_label(role)}",
            )
    return membership


def _role_label(role: str | None) -> str:
    return str(MembershipRole(role).label) if role in MembershipRole.values else role or ""


def membership_end(*, membership: Membership, actor: User | None = None) -> None:
    """The person no longer belongs to the city: they lose what membership gave them (reading
    members-only content, editing the city's projects) and stay credited for what they wrote.
    The end is kept in the activity log."""
    with transaction.atomic():
        activity_record(
            kind=ActivityKind.MEMBERSHIP_ENDED,
            actor=actor,
            target=membership,
            city=membership.city,
            target_label=membership.user.get_full_name(),
        )
        membership.delete()


def membership_decide(*, membership: Membership, decided_by: User, approve: bool) -> Membership:
    """Approve or reject a pending request and tell the person by e-mail; the decision is kept
    in the activity log, ``decided_by`` as its actor."""
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update()
            .select_related("user", "city")
            .get(pk=membership.pk)
        )
        if locked.status != MembershipStatus.PENDING:
            raise ValidationError(_("This request has already been decided."))
        locked.status = MembershipStatus.APPROVED if approve else MembershipStatus.REJECTED
        locked.decided_at = timezone.now()
        locked.decided_by = decided_by
        locked.full_clean()
        locked.save(update_fields=["status", "decided_at", "decided_by"])
        activity_record(
            kind=ActivityKind.MEMBERSHIP_APPROVED if approve else ActivityKind.MEMBERSHIP_REJECTED,
            actor=decided_by,
            target=locked,
            city=locked.city,
            target_label=locked.user.get_full_name(),
        )
        mail.send(
            to=locked.user,
            template="email/membership_decided",
            context={"membership": locked, "city": locked.city},
        )
    return locked


def group_change_record(
    *,
    user: User,
    actor: User | None,
    added: list[str] = (),
    removed: list[str] = (),
    staff: bool | None = None,
    superuser: bool | None = None,
) -> ActivityEntry | None:
    """Keep in the activity log that ``user`` joined or left groups (``added``, ``removed``:
    their names) or got or lost staff or superuser status (``staff``, ``superuser``: the new
    value, None when unchanged): one entry for the whole change, none when nothing changed."""
    changes = [_("added to %(group)s") % {"group": name} for name in added]
    changes += [_("removed from %(group)s") % {"group": name} for name in removed]
    if staff is not None:
        changes.append(_("staff status on") if staff else _("staff status off"))
    if superuser is not None:
        changes.append(_("superuser status on") if superuser else _("superuser status off"))
    if not changes:
        return None
    return activity_record(
        kind=ActivityKind.GROUP_CHANGED,
        actor=actor,
        target=user,
        target_label=user.get_full_name(),
        reason="; ".join(changes),
    )
