"""A superuser passes the portal's object rules as a network coordinator does, no more (Django
would let them through every check); the admin still works for them."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import make_comment, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_comment(member):
    project = make_project(author=member, title="Place de la Grille")
    return make_comment(project=project, author=member, body="We counted the users.")


def test_superuser_editing_someone_elses_comment_is_refused_and_changes_nothing(
    login, superuser, members_comment
):
    path = f"/en/projects/{members_comment.project.slug}/comments/{members_comment.pk}/edit/"

    response = login(superuser).post(path, {"body": "Words put in their mouth"})

    assert response.status_code == 403
    members_comment.refresh_from_db()
    assert (members_comment.body, members_comment.edited_at) == ("We counted the users.", None)


def test_superuser_passes_the_coordinators_rules(superuser, members_comment):
    assert superuser.has_perm("projects.hide_comment", members_comment) is True
    assert superuser.has_perm("projects.change_project", members_comment.project) is True
    assert superuser.has_perm("events.add_event") is True


def test_superuser_gets_no_rule_a_coordinator_lacks(superuser, members_comment):
    assert superuser.has_perm("projects.change_comment", members_comment) is False
    assert superuser.has_perm("projects.delete_comment", members_comment) is False
    assert superuser.has_perm("events.register") is False  # not a member of any city


def test_superuser_keeps_every_model_permission(superuser):
    assert superuser.has_perm("auth.change_group") is True
    assert superuser.has_perm("projects.change_project") is True
    assert superuser.has_perm("projects.change_comment") is True


@pytest.mark.parametrize(
    "path",
    [
        "/admin/projects/project/",
        "/admin/projects/comment/",
        "/admin/events/event/",
        "/admin/accounts/user/",
        "/admin/auth/group/",
    ],
)
def test_superuser_admin_lists_answer(login, superuser, path):
    response = login(superuser).get(path)

    assert response.status_code == 200


def test_superuser_admin_change_pages_can_save(login, superuser, members_comment):
    client = login(superuser)
    project = members_comment.project

    pages = [
        client.get(f"/admin/projects/project/{project.pk}/change/"),
        client.get(f"/admin/projects/comment/{members_comment.pk}/change/"),
        client.get(f"/admin/auth/group/{Group.objects.get(name='Coordinators').pk}/change/"),
    ]

    for page in pages:
        assert page.status_code == 200
        assert 'name="_save"' in page.content.decode()
