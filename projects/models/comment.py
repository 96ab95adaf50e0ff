from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.enums import ContentLanguage, ContentLanguageField
from languages.models import TranslatableModel

from ..enums import ModerationReason, ReportResolution


def reason_text(reason: str, note: str = "") -> str:
    """A moderation reason as one line, in the active language: its label, then the note."""
    label = str(ModerationReason(reason).label) if reason in ModerationReason.values else reason
    if reason == ModerationReason.OTHER and note:
        return note
    return f"{label} – {note}" if note else label


class Comment(TranslatableModel):
    """A member's comment on a project, or a reply to one (one level deep).

    Never destroyed: the author's deletion and a moderator's hiding are both kept.
    """

    translated_fields = ("body",)
    translation_permission = "projects.view_project"
    translation_subject = "project"

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="project_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(_("comment"), max_length=5000)
    content_language = ContentLanguageField()
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.CharField(
        _("reason for hiding"), max_length=20, choices=ModerationReason.choices, blank=True
    )
    hidden_note = models.CharField(
        _("moderator's note"),
        max_length=500,
        blank=True,
        help_text=_("Sent to the author with the reason; required for “other”."),
    )
    # The author may ask the moderators to look again at their hidden comment, once.
    review_requested_at = models.DateTimeField(_("review asked for at"), null=True, blank=True)
    review_message = models.CharField(_("author's request for review"), max_length=1000, blank=True)
    review_declined_at = models.DateTimeField(
        _("kept hidden after review at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["project", "created_at"], name="comment_project_time"),
            # The home page's recent activity: the newest comments across the network.
            models.Index(fields=["-created_at"], name="comment_newest"),
            # The moderation page: hidden comments newest first, reviews waiting oldest first.
            models.Index(
                fields=["-hidden_at"],
                condition=Q(hidden_at__isnull=False),
                name="comment_hidden_newest",
            ),
            models.Index(
                fields=["review_requested_at"],
                condition=Q(review_requested_at__isnull=False, review_declined_at__isnull=True),
                name="comment_review_waiting",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(parent=F("pk")), name="comment_not_own_parent"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="comment_not_empty"),
            models.CheckConstraint(
                condition=(Q(hidden_at__isnull=True) & Q(hidden_reason="") & Q(hidden_note=""))
                | (Q(hidden_at__isnull=False) & Q(hidden_reason__in=ModerationReason.values)),
                name="comment_hidden_with_reason",
            ),
            models.CheckConstraint(
                condition=~Q(hidden_reason=ModerationReason.OTHER) | ~Q(hidden_note=""),
                name="comment_hidden_other_explained",
            ),
            models.CheckConstraint(
                condition=(
                    Q(review_requested_at__isnull=True)
                    & Q(review_message="")
                    & Q(review_declined_at__isnull=True)
                )
                | (
                    Q(hidden_at__isnull=False)
                    & Q(review_requested_at__isnull=False)
                    & ~Q(review_message="")
                ),
                name="comment_review_while_hidden",
            ),
            models.CheckConstraint(
                condition=Q(content_language__in=ContentLanguage.values),
                name="comment_content_language_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.project}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def hidden_reason_text(self) -> str:
        """Why it is hidden, label and note, in the active language ("" when shown)."""
        return reason_text(self.hidden_reason, self.hidden_note) if self.is_hidden else ""

    @property
    def review_waiting(self) -> bool:
        """Hidden, its author asked for a review, and no moderator has answered yet."""
        return (
            self.is_hidden
            and self.review_requested_at is not None
            and self.review_declined_at is None
        )


class CommentReport(models.Model):
    """A member asks the moderators to look at a comment, for a reason from the list.

    Open until a moderator hides the comment or dismisses the report; the moderators concerned
    are e-mailed once (``notified_at``), or in their daily digest.
    """

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ModerationReason.choices)
    note = models.CharField(
        _("what the reporter says"),
        max_length=500,
        blank=True,
        help_text=_("Required for “other”."),
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    # When the moderators concerned were e-mailed about it: a retried task sends nothing twice.
    notified_at = models.DateTimeField(_("moderators told at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField(
        _("decision"), max_length=10, choices=ReportResolution.choices, blank=True
    )
    resolution_reason = models.CharField(
        _("moderator's reason"), max_length=20, choices=ModerationReason.choices, blank=True
    )
    resolution_note = models.CharField(_("moderator's note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at"]
        indexes = [
            # Open reports newest first: the moderation page and the daily digest.
            models.Index(
                fields=["-created_at"],
                condition=Q(resolved_at__isnull=True),
                name="comment_report_open",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                name="comment_report_once",
                violation_error_message=_("You have already reported this comment."),
            ),
            models.CheckConstraint(
                condition=Q(reason__in=ModerationReason.values), name="comment_report_reason_known"
            ),
            models.CheckConstraint(
                condition=~Q(reason=ModerationReason.OTHER) | ~Q(note=""),
                name="comment_report_other_explained",
            ),
            # Resolved all at once, or not at all (the moderator's account may be gone since).
            models.CheckConstraint(
                condition=(
                    Q(resolved_at__isnull=True)
                    & Q(resolved_by__isnull=True)
                    & Q(resolution="")
                    & Q(resolution_reason="")
                    & Q(resolution_note="")
                )
                | (
                    Q(resolved_at__isnull=False)
                    & Q(resolution__in=ReportResolution.values)
                    & Q(resolution_reason__in=ModerationReason.values)
                ),
                name="comment_report_resolved_together",
            ),
            models.CheckConstraint(
                condition=~Q(resolution_reason=ModerationReason.OTHER) | ~Q(resolution_note=""),
                name="comment_report_resolution_other_explained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reporter} → {self.comment}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def reason_text(self) -> str:
        """The reporter's reason, label and note, in the active language."""
        return reason_text(self.reason, self.note)
