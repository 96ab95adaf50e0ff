"""E-mails about memberships, sent off the request."""

from celery import shared_task

from core import mail

from .enums import MembershipRole, MembershipStatus
from .models import Membership
from .selectors import approved_members


@shared_task
def mail_membership_requested(membership_id: int) -> None:
    """Tell each coordinator of the city about a new request to join it."""
    membership = Membership.objects.select_related("user", "city").filter(pk=membership_id).first()
    if membership is None or membership.status != MembershipStatus.PENDING:
        return  # withdrawn or decided in the meantime: nothing left to review
    coordinators = approved_members(city=membership.city, role=MembershipRole.COORDINATOR)
    for coordinator in coordinators:
        mail.send(
            to=coordinator,
            template="email/membership_requested",
            context={"membership": membership, "city": membership.city},
        )
