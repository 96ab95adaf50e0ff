"""Notification e-mails off the request: at once after a fan-out, and the digests (beat)."""

from celery import shared_task

from . import emails


@shared_task
def send_at_once(notification_ids: list[int]) -> None:
    emails.send_at_once(notification_ids)


@shared_task
def send_digests() -> int:
    """Scheduled hourly (CELERY_BEAT_SCHEDULE); what is not delivered waits for the next run."""
    return emails.send_due_digests()
