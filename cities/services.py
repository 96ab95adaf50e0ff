"""Writes for cities and memberships."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.pictures import PictureSize, reencode

from .enums import MembershipRole, MembershipStatus
from .models import City, Membership
from .selectors import approved_members

logger = logging.getLogger(__name__)


def _send_to(user: User, *, subject_template: str, body_template: str, context: dict) -> None:
    """Send one e-mail rendered in the recipient's own language."""
    with translation.override(user.preferred_language):
        context = {**context, "recipient": user}
        subject = render_to_string(subject_template, context).strip()
        body = render_to_string(body_template, context)
    send_mail(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


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


def membership_request(
    *, user: User, city: City, role: str, message: str = "", base_url: str = ""
) -> Membership:
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

    coordinators = approved_members(city=city, role=MembershipRole.COORDINATOR)
    context = {"membership": membership, "city": city, "base_url": base_url}
    transaction.on_commit(
        lambda: [
            _send_to(
                coordinator,
                subject_template="email/membership_requested_subject.txt",
                body_template="email/membership_requested_body.txt",
                context=context,
            )
            for coordinator in coordinators
        ]
    )
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


def membership_decide(
    *, membership: Membership, decided_by: User, approve: bool, base_url: str = ""
) -> Membership:
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
        context = {"membership": locked, "city": locked.city, "base_url": base_url}
        transaction.on_commit(
            lambda: _send_to(
                locked.user,
                subject_template="email/membership_decided_subject.txt",
                body_template="email/membership_decided_body.txt",
                context=context,
            )
        )
    return locked
