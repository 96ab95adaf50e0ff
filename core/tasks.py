"""Delivery of the portal's e-mail, off the request, retried while the mail server is away."""

import base64
import smtplib

from celery import shared_task
from django.core.mail import EmailMessage


def to_payload(message: EmailMessage) -> dict:
    """The message as JSON-safe data for the queue (attachments in base64)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "attachments": [
            {
                "filename": filename,
                "content": base64.b64encode(
                    content.encode() if isinstance(content, str) else content
                ).decode("ascii"),
                "mimetype": mimetype,
            }
            for filename, content, mimetype in message.attachments
        ],
    }


def from_payload(payload: dict) -> EmailMessage:
    message = EmailMessage(
        payload["subject"],
        payload["body"],
        payload["from_email"],
        payload["to"],
        headers=payload["headers"],
    )
    for attachment in payload["attachments"]:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    return message


# SMTPException and connection failures (refused, reset, EMAIL_TIMEOUT) are OSErrors: the
# server may be back in a minute, so try again, waiting twice as long each time (up to ten
# minutes, with jitter so that a backlog does not return all at once), for about an hour.
@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def deliver_email(payload: dict) -> None:
    """Hand one message over to the mail server (EMAIL_BACKEND)."""
    from_payload(payload).send()
