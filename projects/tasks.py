"""E-mails about projects, sent off the request."""

from celery import shared_task

from accounts.models import User
from core import mail

from .models import Comment


@shared_task
def mail_comment_posted(comment_id: int, recipient_ids: list[int]) -> None:
    """Send a new comment to the project's people (chosen when it was posted)."""
    comment = (
        Comment.objects.select_related("project__city", "author")
        .filter(pk=comment_id, deleted_at__isnull=True)
        .first()
    )
    if comment is None:
        return  # removed in the meantime
    for person in User.objects.filter(pk__in=recipient_ids, is_active=True).order_by("pk"):
        mail.send(
            to=person,
            template="email/comment_posted",
            context={"comment": comment, "project": comment.project},
        )
