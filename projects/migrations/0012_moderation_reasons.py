"""The free-text reasons become notes of the kind "other"; reports closed before decisions
were recorded count as closed by hiding the comment (the only way there was), and as told
already (nobody is e-mailed about old reports)."""

from django.db import migrations
from django.db.models import F

OTHER = "other"
HIDDEN = "hidden"
# For a report closed by a hiding that was undone since: its reason is no longer known.
UNKNOWN = "Closed before moderation decisions were recorded."


def forwards(apps, schema_editor):
    Comment = apps.get_model("projects", "Comment")
    CommentReport = apps.get_model("projects", "CommentReport")
    for comment in Comment.objects.filter(hidden_at__isnull=False).only("hidden_reason"):
        Comment.objects.filter(pk=comment.pk).update(
            hidden_note=comment.hidden_reason[:500] or UNKNOWN, hidden_reason=OTHER
        )
    for report in CommentReport.objects.only("reason"):
        CommentReport.objects.filter(pk=report.pk).update(note=report.reason[:500], reason=OTHER)
    CommentReport.objects.update(notified_at=F("created_at"))
    resolved = CommentReport.objects.filter(resolved_at__isnull=False).select_related("comment")
    for report in resolved:
        comment = report.comment
        still_hidden = comment.hidden_at is not None
        CommentReport.objects.filter(pk=report.pk).update(
            resolution=HIDDEN,
            resolved_by=comment.hidden_by_id if still_hidden else None,
            resolution_reason=OTHER,
            resolution_note=comment.hidden_note if still_hidden else UNKNOWN,
        )


def backwards(apps, schema_editor):
    Comment = apps.get_model("projects", "Comment")
    CommentReport = apps.get_model("projects", "CommentReport")
    for comment in Comment.objects.filter(hidden_at__isnull=False):
        Comment.objects.filter(pk=comment.pk).update(
            hidden_reason=(comment.hidden_note or comment.hidden_reason)[:300]
        )
    for report in CommentReport.objects.all():
        CommentReport.objects.filter(pk=report.pk).update(reason=report.note or report.reason)


class Migration(migrations.Migration):
    dependencies = [("projects", "0011_moderation_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
