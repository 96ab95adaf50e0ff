"""The reasons come from the list now; the moderation checks and the moderation page's indexes."""

from django.db import migrations, models

REASONS = [
    ("off_topic", "Off topic"),
    ("personal_data", "Personal data"),
    ("insult", "Insult or personal attack"),
    ("spam", "Spam or advertising"),
    ("other", "Other (say which)"),
]
REASON_VALUES = [value for value, _label in REASONS]


class Migration(migrations.Migration):
    dependencies = [("projects", "0012_moderation_reasons")]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="hidden_reason",
            field=models.CharField(
                blank=True, choices=REASONS, max_length=20, verbose_name="reason for hiding"
            ),
        ),
        migrations.AlterField(
            model_name="commentreport",
            name="reason",
            field=models.CharField(choices=REASONS, max_length=20, verbose_name="reason"),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                condition=models.Q(("hidden_at__isnull", False)),
                fields=["-hidden_at"],
                name="comment_hidden_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                condition=models.Q(
                    ("review_declined_at__isnull", True), ("review_requested_at__isnull", False)
                ),
                fields=["review_requested_at"],
                name="comment_review_waiting",
            ),
        ),
        migrations.AddIndex(
            model_name="commentreport",
            index=models.Index(
                condition=models.Q(("resolved_at__isnull", True)),
                fields=["-created_at"],
                name="comment_report_open",
            ),
        ),
        migrations.AddConstraint(
            model_name="comment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("hidden_at__isnull", True), ("hidden_reason", ""), ("hidden_note", "")
                    ),
                    models.Q(("hidden_at__isnull", False), ("hidden_reason__in", REASON_VALUES)),
                    _connector="OR",
                ),
                name="comment_hidden_with_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="comment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("hidden_reason", "other"), _negated=True),
                    models.Q(("hidden_note", ""), _negated=True),
                    _connector="OR",
                ),
                name="comment_hidden_other_explained",
            ),
        ),
        migrations.AddConstraint(
            model_name="comment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("review_requested_at__isnull", True),
                        ("review_message", ""),
                        ("review_declined_at__isnull", True),
                    ),
                    models.Q(
                        ("hidden_at__isnull", False),
                        ("review_requested_at__isnull", False),
                        models.Q(("review_message", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="comment_review_while_hidden",
            ),
        ),
        migrations.AddConstraint(
            model_name="commentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("reason__in", REASON_VALUES)),
                name="comment_report_reason_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="commentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("reason", "other"), _negated=True),
                    models.Q(("note", ""), _negated=True),
                    _connector="OR",
                ),
                name="comment_report_other_explained",
            ),
        ),
        migrations.AddConstraint(
            model_name="commentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("resolved_at__isnull", True),
                        ("resolved_by__isnull", True),
                        ("resolution", ""),
                        ("resolution_reason", ""),
                        ("resolution_note", ""),
                    ),
                    models.Q(
                        ("resolved_at__isnull", False),
                        ("resolution__in", ["hidden", "dismissed"]),
                        ("resolution_reason__in", REASON_VALUES),
                    ),
                    _connector="OR",
                ),
                name="comment_report_resolved_together",
            ),
        ),
        migrations.AddConstraint(
            model_name="commentreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("resolution_reason", "other"), _negated=True),
                    models.Q(("resolution_note", ""), _negated=True),
                    _connector="OR",
                ),
                name="comment_report_resolution_other_explained",
            ),
        ),
    ]
