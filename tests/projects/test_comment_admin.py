"""Comments in the admin: hidden with a reason through the moderation service, never rewritten
nor destroyed."""

import pytest

from cities.enums import ActivityKind
from cities.models import ActivityEntry
from projects.enums import ModerationReason, ReportResolution
from projects.models import Comment, CommentReport
from tests.admin_forms import admin_form_data
from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def change_url(comment) -> str:
    return f"/admin/projects/comment/{comment.pk}/change/"


def test_admin_hides_a_comment_with_a_reason_and_resolves_its_reports(
    admin_client, superuser, public_project, member
):
    comment = make_comment(project=public_project, author=member, body="Off topic")
    CommentReport.objects.create(comment=comment, reporter=superuser, reason=ModerationReason.SPAM)
    data = admin_form_data(admin_client, change_url(comment))
    data["hidden_reason"] = [ModerationReason.OTHER]
    data["hidden_note"] = ["Advertising"]

    response = admin_client.post(change_url(comment), data)

    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.hidden_reason, comment.hidden_note, comment.hidden_by) == (
        ModerationReason.OTHER,
        "Advertising",
        superuser,
    )
    assert comment.hidden_at is not None
    report = CommentReport.objects.get()
    assert (report.resolved_at, report.resolution, report.resolved_by) == (
        comment.hidden_at,
        ReportResolution.HIDDEN,
        superuser,
    )
    assert ActivityEntry.objects.filter(kind=ActivityKind.CONTENT_HIDDEN).count() == 1


def test_admin_refuses_other_without_a_note(admin_client, public_project, member):
    comment = make_comment(project=public_project, author=member)
    data = admin_form_data(admin_client, change_url(comment))
    data["hidden_reason"] = [ModerationReason.OTHER]

    response = admin_client.post(change_url(comment), data)

    assert response.status_code == 200
    assert "Say in the note what the other reason is." in response.content.decode()
    comment.refresh_from_db()
    assert (comment.hidden_at, comment.hidden_reason) == (None, "")


def test_admin_shows_a_hidden_comment_again_by_clearing_the_reason(
    admin_client, superuser, public_project, member
):
    comment = make_comment(project=public_project, author=member)
    admin_client.post(
        change_url(comment),
        {
            **admin_form_data(admin_client, change_url(comment)),
            "hidden_reason": [ModerationReason.SPAM],
        },
    )
    data = admin_form_data(admin_client, change_url(comment))
    data["hidden_reason"] = [""]

    admin_client.post(change_url(comment), data)

    comment.refresh_from_db()
    assert (comment.hidden_at, comment.hidden_by, comment.hidden_reason) == (None, None, "")
    assert comment.hidden_note == ""
    moderation = ActivityEntry.objects.exclude(kind=ActivityKind.ADMIN_EDIT).order_by("pk")
    assert list(moderation.values_list("kind", flat=True)) == [
        ActivityKind.CONTENT_HIDDEN,
        ActivityKind.CONTENT_RESTORED,
    ]


def test_admin_dismisses_open_reports_with_the_action(admin_client, superuser, comment, member):
    report = CommentReport.objects.create(
        comment=comment, reporter=member, reason=ModerationReason.OFF_TOPIC
    )

    response = admin_client.post(
        "/admin/projects/commentreport/",
        {"action": "dismiss_reports", "_selected_action": [report.pk]},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.resolution, report.resolved_by) == (ReportResolution.DISMISSED, superuser)
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_admin_cannot_rewrite_a_comment(admin_client, public_project, member):
    comment = make_comment(project=public_project, author=member, body="My own words")
    data = admin_form_data(admin_client, change_url(comment))
    assert "body" not in data
    data["body"] = ["Words put in my mouth"]

    admin_client.post(change_url(comment), data)

    comment.refresh_from_db()
    assert comment.body == "My own words"


def test_admin_cannot_delete_a_comment(admin_client, public_project, member):
    comment = make_comment(project=public_project, author=member)

    response = admin_client.post(f"/admin/projects/comment/{comment.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()
