"""Work about projects done off the request: e-mails, the list's summaries, peer matches, and
the files kept from forms nobody came back to."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from accounts.enums import ReportEmails
from accounts.models import User
from core import mail
from languages.selectors import attach_translations

from . import matching, moderation_selectors, pending
from .models import Comment, CommentReport
from .summaries import refresh

REPORT_DIGEST_PERIOD = timedelta(days=1)


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
def mail_report_filed(report_id: int) -> int:
    """Tell the moderators concerned of a new report, once: the report's ``notified_at`` is set
    in the transaction that queues the e-mails (sent when it commits), so a task run again finds
    it told and sends nothing. Those who chose the daily e-mail read it in their digest; the
    reporter and the comment's author are not told. Returns how many were e-mailed."""
    with transaction.atomic():
        report = (
            CommentReport.objects.select_for_update(of=("self",))
            .select_related("comment__project__city", "comment__author", "reporter")
            .filter(pk=report_id, notified_at__isnull=True)
            .first()
        )
        if report is None:
            return 0  # told already, or gone
        comment = report.comment
        recipients = []
        if report.is_open:
            recipients = list(
                moderation_selectors.moderators_for(comment.project.city_id)
                .filter(report_emails=ReportEmails.EACH)
                .exclude(pk__in=[report.reporter_id, comment.author_id or 0])
            )
        for person in recipients:
            mail.send(
                to=person,
                template="email/comment_reported",
                context={"report": report, "comment": comment, "project": comment.project},
            )
        report.notified_at = timezone.now()
        report.save(update_fields=["notified_at"])
    return len(recipients)


@shared_task
def mail_review_requested(comment_id: int) -> int:
    """Tell the moderators concerned that the author of a hidden comment asks for a review (at
    once, whatever their choice for reports: the author waits for an answer)."""
    comment = (
        Comment.objects.select_related("project__city", "author", "hidden_by")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or not comment.review_waiting:
        return 0  # shown again, or answered, in the meantime
    recipients = list(
        moderation_selectors.moderators_for(comment.project.city_id).exclude(
            pk=comment.author_id or 0
        )
    )
    for person in recipients:
        mail.send(
            to=person,
            template="email/comment_review_requested",
            context={"comment": comment, "project": comment.project},
        )
    return len(recipients)


@shared_task
def send_report_digests(now=None) -> int:
    """The daily e-mail of the moderators who chose it: the reports still open made since their
    last one (or in the last day). Celery beat runs it every hour; each person's row is locked
    while their digest is queued, so two runs never send the same one. Returns how many."""
    now = now or timezone.now()
    sent = 0
    for person in moderation_selectors.digest_readers(ReportEmails.DAILY):
        with transaction.atomic():
            locked = User.objects.select_for_update().get(pk=person.pk)
            last = locked.last_report_digest_at
            if last is not None and last > now - REPORT_DIGEST_PERIOD:
                continue
            since = last or now - REPORT_DIGEST_PERIOD
            reports = moderation_selectors.reports_for_digest(locked, since, now)
            if not reports:
                continue
            mail.send(to=locked, template="email/report_digest", context={"reports": reports})
            locked.last_report_digest_at = now
            locked.save(update_fields=["last_report_digest_at"])
            sent += 1
    return sent


@shared_task
def update_matches(project_id: int) -> None:
    """Recompute the peer matches a change of the project affects (``projects.matching``)."""
    matching.update_matches(project_id)


@shared_task
def purge_pending_uploads() -> int:
    """Delete the files kept from project forms sent back with errors more than a day ago
    (``projects.pending``); celery beat runs it every hour."""
    return pending.pending_uploads_purge()
