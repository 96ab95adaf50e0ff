"""Work on personal data, off the request."""

from celery import shared_task
from django.conf import settings
from django.core import signing

from accounts.models import User
from core import mail

from . import personal_data, retention

EXPORT_SALT = "alliance_portal.personal_data.export"


def export_token(user: User, name: str) -> str:
    """The signed part of an export's link: whose it is and which file, dated."""
    return signing.dumps({"user": user.pk, "name": name}, salt=EXPORT_SALT)


@shared_task
def prepare_data_export(user_id: int) -> None:
    """Build the person's export and e-mail them the link to it."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return  # deleted or deactivated in the meantime
    name = personal_data.export_save(user)
    mail.send(
        to=user,
        template="email/data_export_ready",
        context={"token": export_token(user, name), "days": settings.PERSONAL_DATA_EXPORT_DAYS},
    )


@shared_task
def apply_retention() -> dict[str, int]:
    return retention.apply_retention()
