"""Comments in the admin: hidden with a reason through the moderation service, never rewritten
nor destroyed."""

import pytest

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
    CommentReport.objects.create(comment=comment, reporter=superuser, reason="Spam")
    data = admin_form_data(admin_client, change_url(comment))
    data["hidden_reason"] = ["Advertising"]

    response = admin_client.post(change_url(comment), data)

    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.hidden_reason, comment.hidden_by) == ("Advertising", superuser)
    assert comment.hidden_at is not None
    assert CommentReport.objects.get().resolved_at == comment.hidden_at


def test_admin_shows_a_hidden_comment_again_by_clearing_the_reason(
    admin_client, superuser, public_project, member
):
    comment = make_comment(project=public_project, author=member)
    admin_client.post(
        change_url(comment),
        {**admin_form_data(admin_client, change_url(comment)), "hidden_reason": ["Advertising"]},
    )
    data = admin_form_data(admin_client, change_url(comment))
    data["hidden_reason"] = [""]

    admin_client.post(change_url(comment), data)

    comment.refresh_from_db()
    assert (comment.hidden_at, comment.hidden_by, comment.hidden_reason) == (None, None, "")


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
