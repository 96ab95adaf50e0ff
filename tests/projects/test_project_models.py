"""Invariants the database keeps whatever the code path, soft delete and the admin's undo."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from projects.models import (
    Comment,
    CommentReport,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectLink,
    ProjectRevision,
)
from projects.services import comment_create, comment_hide, project_delete, project_undelete
from tests.factories import make_comment, make_project, make_user

pytestmark = pytest.mark.django_db


def violates(callable_) -> bool:
    """True when the database refuses the write (checked in a savepoint)."""
    try:
        with transaction.atomic():
            callable_()
    except IntegrityError:
        return True
    return False


def test_project_end_date_before_start_is_refused_by_the_database(public_project):
    refused = violates(
        lambda: Project.objects.filter(pk=public_project.pk).update(
            start_date=datetime.date(2024, 6, 1), end_date=datetime.date(2024, 5, 31)
        )
    )

    assert refused
    public_project.refresh_from_db()
    assert (public_project.start_date, public_project.end_date) == (None, None)


def test_project_end_date_on_the_start_date_is_allowed(public_project):
    day = datetime.date(2024, 6, 1)

    Project.objects.filter(pk=public_project.pk).update(start_date=day, end_date=day)

    public_project.refresh_from_db()
    assert public_project.end_date == day


def test_project_full_clean_explains_the_end_date(public_project):
    public_project.start_date = datetime.date(2024, 6, 1)
    public_project.end_date = datetime.date(2024, 1, 1)

    with pytest.raises(ValidationError) as error:
        public_project.full_clean(exclude=["search_vector"])

    assert "The end date cannot be before the start date." in error.value.messages


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", "paused"),
        ("visibility", "secret"),
        ("content_language", "de"),
        ("title", ""),
        ("summary", ""),
    ],
)
def test_project_unknown_values_are_refused_by_the_database(public_project, field, value):
    assert violates(lambda: Project.objects.filter(pk=public_project.pk).update(**{field: value}))


def test_project_cover_without_description_is_refused_by_the_database(public_project):
    refused = violates(
        lambda: Project.objects.filter(pk=public_project.pk).update(
            cover_image="projects/covers/x.jpg", cover_alt=""
        )
    )

    assert refused


def test_project_image_without_description_is_refused_by_the_database(public_project):
    assert violates(
        lambda: ProjectImage.objects.create(
            project=public_project, image="projects/images/x.jpg", alt_text=""
        )
    )


def test_project_document_empty_or_untitled_is_refused_by_the_database(public_project):
    values = {
        "project": public_project,
        "file": "projects/documents/x.pdf",
        "original_name": "x.pdf",
        "content_type": "application/pdf",
    }

    assert violates(lambda: ProjectDocument.objects.create(title="X", size=0, **values))
    assert violates(lambda: ProjectDocument.objects.create(title="", size=10, **values))


def test_project_link_to_itself_is_refused_by_the_database(public_project):
    assert violates(
        lambda: ProjectLink.objects.create(from_project=public_project, to_project=public_project)
    )


def test_project_link_exists_once_whichever_side_made_it(public_project):
    other = make_project(city="gothenburg")
    ProjectLink.objects.create(from_project=public_project, to_project=other)

    assert violates(
        lambda: ProjectLink.objects.create(from_project=public_project, to_project=other)
    )
    assert violates(
        lambda: ProjectLink.objects.create(from_project=other, to_project=public_project)
    )
    assert ProjectLink.objects.count() == 1


def test_project_revision_numbers_are_unique_and_positive(public_project):
    values = {"project": public_project, "snapshot": {}}

    assert violates(lambda: ProjectRevision.objects.create(number=1, **values))
    assert violates(lambda: ProjectRevision.objects.create(number=0, **values))


def test_comment_hidden_needs_a_reason_in_the_database(comment):
    assert violates(
        lambda: Comment.objects.filter(pk=comment.pk).update(
            hidden_at=timezone.now(), hidden_reason=""
        )
    )
    assert violates(lambda: Comment.objects.filter(pk=comment.pk).update(hidden_reason="spam"))
    assert violates(
        lambda: Comment.objects.filter(pk=comment.pk).update(
            hidden_at=timezone.now(), hidden_reason="Rude"
        )
    )
    assert violates(
        lambda: Comment.objects.filter(pk=comment.pk).update(
            hidden_at=timezone.now(), hidden_reason="other", hidden_note=""
        )
    )


def test_comment_empty_is_refused_by_the_database(public_project, member):
    assert violates(lambda: make_comment(project=public_project, author=member, body=""))


def test_comment_report_once_per_person_in_the_database(comment, member):
    CommentReport.objects.create(comment=comment, reporter=member, reason="spam")

    assert violates(
        lambda: CommentReport.objects.create(comment=comment, reporter=member, reason="insult")
    )


def test_comment_create_refuses_a_reply_to_a_reply(comment, member, author):
    reply = comment_create(project=comment.project, author=author, body="Reply", parent=comment)

    with pytest.raises(ValidationError, match="You can reply to a comment, not to a reply."):
        comment_create(project=comment.project, author=member, body="Deeper", parent=reply)

    assert Comment.objects.count() == 2


def test_comment_hide_refuses_other_without_a_note(comment, staff):
    with pytest.raises(ValidationError, match="Say in the note what the other reason is."):
        comment_hide(comment=comment, moderator=staff, reason_kind="other", note="  ")

    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_comment_survives_its_authors_account_deletion(comment, other_city_member):
    other_city_member.delete()

    comment.refresh_from_db()
    assert comment.author is None
    assert comment.body == "How did you count the users?"


# --- Soft delete -----------------------------------------------------------------------------


def test_project_delete_is_soft(public_project, member, comment):
    project_delete(project=public_project, user=member)

    project = Project.objects.get(pk=public_project.pk)
    assert project.is_deleted
    assert project.deleted_by == member
    assert list(Project.objects.alive()) == []
    assert list(Project.objects.deleted()) == [project]
    assert project.revisions.count() == 1
    assert Comment.objects.filter(project=project).count() == 1


def test_project_undelete_brings_it_back(public_project, member, staff):
    project_delete(project=public_project, user=member)

    project_undelete(project=public_project)

    project = Project.objects.get(pk=public_project.pk)
    assert (project.deleted_at, project.deleted_by) == (None, None)
    assert list(Project.objects.visible_to(make_user())) == [project]


def test_project_admin_action_restores_deleted_projects(client, public_project, member):
    admin = make_user(email="root@example.org", is_staff=True, is_superuser=True)
    kept = make_project(title="Never deleted")
    project_delete(project=public_project, user=member)
    client.force_login(admin)

    response = client.post(
        "/admin/projects/project/",
        {"action": "restore_projects", "_selected_action": [str(public_project.pk), str(kept.pk)]},
    )

    public_project.refresh_from_db()
    kept.refresh_from_db()
    assert response.status_code == 302
    assert public_project.deleted_at is None
    assert kept.deleted_at is None


def test_project_admin_lists_deleted_projects_with_a_filter(client, public_project, member):
    admin = make_user(email="root@example.org", is_staff=True, is_superuser=True)
    make_project(title="Still here")
    project_delete(project=public_project, user=member)
    client.force_login(admin)

    deleted = client.get("/admin/projects/project/?deleted=yes").content.decode()
    alive = client.get("/admin/projects/project/?deleted=no").content.decode()

    assert "Place de la Grille experiment" in deleted
    assert "Still here" not in deleted
    assert "Place de la Grille experiment" not in alive
    assert "Still here" in alive


def test_project_str_and_url(public_project):
    assert str(public_project) == "Place de la Grille experiment"
    assert public_project.get_absolute_url() == "/en/projects/place-de-la-grille-experiment/"
