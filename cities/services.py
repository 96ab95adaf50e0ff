"""Writes for cities and memberships."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import mail

from .enums import MembershipStatus
from .models import City, Membership
from .tasks import mail_membership_requested

logger = logging.getLogger(__name__)


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
