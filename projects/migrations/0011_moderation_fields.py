"""Moderation with reasons from a list: first the new columns, the old free-text checks off.

0012 moves the free-text reasons into the notes (kind "other"); 0013 narrows the reason
columns to the list and adds the checks. Three migrations, so that PostgreSQL never alters a
table that the data migration's updates still hold (pending trigger events).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0010_project_cover_thumbnail"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="comment", name="comment_hidden_with_reason"),
        migrations.RemoveConstraint(model_name="commentreport", name="comment_report_has_reason"),
        migrations.AddField(
            model_name="comment",
            name="hidden_note",
            field=models.CharField(
                blank=True,
                help_text="Sent to the author with the reason; required for “other”.",
                max_length=500,
                verbose_name="moderator's note",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="review_requested_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="review asked for at"),
        ),
        migrations.AddField(
            model_name="comment",
            name="review_message",
            field=models.CharField(
                blank=True, max_length=1000, verbose_name="author's request for review"
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="review_declined_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="kept hidden after review at"
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="note",
            field=models.CharField(
                blank=True,
                help_text="Required for “other”.",
                max_length=500,
                verbose_name="what the reporter says",
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="notified_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="moderators told at"),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="resolved_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="resolved by",
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="resolution",
            field=models.CharField(
                blank=True,
                choices=[("hidden", "Comment hidden"), ("dismissed", "Report dismissed")],
                max_length=10,
                verbose_name="decision",
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="resolution_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("off_topic", "Off topic"),
                    ("personal_data", "Personal data"),
                    ("insult", "Insult or personal attack"),
                    ("spam", "Spam or advertising"),
                    ("other", "Other (say which)"),
                ],
                max_length=20,
                verbose_name="moderator's reason",
            ),
        ),
        migrations.AddField(
            model_name="commentreport",
            name="resolution_note",
            field=models.CharField(blank=True, max_length=500, verbose_name="moderator's note"),
        ),
    ]
