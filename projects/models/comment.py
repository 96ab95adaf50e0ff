from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.enums import ContentLanguage, ContentLanguageField
from languages.models import TranslatableModel


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
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["project", "created_at"], name="comment_project_time"),
            # The home page's recent activity: the newest comments across the network.
            models.Index(fields=["-created_at"], name="comment_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(parent=F("pk")), name="comment_not_own_parent"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="comment_not_empty"),
            models.CheckConstraint(
                condition=(Q(hidden_at__isnull=True) & Q(hidden_reason=""))
                | (Q(hidden_at__isnull=False) & ~Q(hidden_reason="")),
                name="comment_hidden_with_reason",
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


class CommentReport(models.Model):
    """Someone signed in asks the moderators to look at a comment."""

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                name="comment_report_once",
                violation_error_message=_("You have already reported this comment."),
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="comment_report_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.reporter} → {self.comment}"
