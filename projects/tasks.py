"""Work about projects done off the request: e-mails, the list's summaries, peer matches, and
the files kept from forms nobody came back to."""

from celery import shared_task

from accounts.models import User
from core import mail
from languages.selectors import attach_translations

from . import matching, pending
from .models import Comment
from .summaries import refresh


@shared_task
def refresh_list_summaries() -> None:
    """Count the project list again after projects changed (``projects.summaries``)."""
    refresh()


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
    by_language = {}
    for person in User.objects.filter(pk__in=recipient_ids, is_active=True).order_by("pk"):
        by_language.setdefault(person.preferred_language, []).append(person)
    for language, readers in by_language.items():
        # The project's title as each reader's language has it (one query per language).
        attach_translations([comment.project], language)
        for person in readers:
            mail.send(
                to=person,
                template="email/comment_posted",
                context={"comment": comment, "project": comment.project},
            )


@shared_task
def update_matches(project_id: int) -> None:
    """Recompute the peer matches a change of the project affects (``projects.matching``)."""
    matching.update_matches(project_id)


@shared_task
def purge_pending_uploads() -> int:
    """Delete the files kept from project forms sent back with errors more than a day ago
    (``projects.pending``); celery beat runs it every hour."""
    return pending.pending_uploads_purge()
