"""Writes for cities and memberships."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import mail
from core.pictures import PictureSize, reencode

from .enums import MembershipStatus
from .models import City, Membership
from .tasks import mail_membership_requested

logger = logging.getLogger(__name__)


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


def membership_change_role(*, membership: Membership, role: str) -> Membership:
    """Staff give a member another role (a planner becomes the city's coordinator)."""
    with transaction.atomic():
        membership.role = role
        membership.full_clean()
        membership.save(update_fields=["role"])
    return membership


def membership_end(*, membership: Membership) -> None:
    """The person no longer belongs to the city: they lose what membership gave them (reading
    members-only content, editing the city's projects) and stay credited for what they wrote."""
    with transaction.atomic():
        membership.delete()


def membership_decide(*, membership: Membership, decided_by: User, approve: bool) -> Membership:
    """Approve or reject a pending request and tell the person by e-mail."""
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
        mail.send(
            to=locked.user,
            template="email/membership_decided",
            context={"membership": locked, "city": locked.city},
        )
    return locked
