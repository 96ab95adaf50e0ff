"""An author whose membership of the project's city ended (rejected after approval, the row
deleted, set back to pending) no longer edits or deletes the project; they stay its author."""

import pytest

from cities.enums import MembershipStatus
from projects.models import Project
from tests.factories import make_membership, project_edit_data

pytestmark = pytest.mark.django_db

TITLE = "Place de la Grille experiment"


def end_membership(author, how: str) -> None:
    memberships = author.memberships.filter(city__slug="saint-brieuc")
    if how == "deleted":
        memberships.delete()
    else:
        memberships.update(status=how)


@pytest.mark.parametrize("how", [MembershipStatus.REJECTED, MembershipStatus.PENDING, "deleted"])
def test_project_edit_and_delete_by_an_author_whose_membership_ended_are_refused(
    login, author, public_project, how
):
    end_membership(author, how)
    client = login(author)
    path = f"/en/projects/{public_project.slug}/"

    page = client.get(f"{path}edit/")
    edit = client.post(f"{path}edit/", project_edit_data(public_project, title="Still mine?"))
    delete = client.post(f"{path}delete/")

    assert (page.status_code, edit.status_code, delete.status_code) == (403, 403, 403)
    project = Project.objects.get(pk=public_project.pk)
    assert (project.title, project.deleted_at, project.author) == (TITLE, None, author)


def test_project_page_of_a_former_member_offers_no_editing(login, author, public_project):
    end_membership(author, MembershipStatus.REJECTED)

    page = login(author).get(public_project.get_absolute_url()).content.decode()

    assert f'href="/en/projects/{public_project.slug}/edit/"' not in page


def test_project_author_who_moved_to_another_city_no_longer_edits(login, author, public_project):
    end_membership(author, "deleted")
    make_membership(user=author, city="gothenburg")

    response = login(author).post(
        f"/en/projects/{public_project.slug}/edit/",
        project_edit_data(public_project, title="Moved with me?"),
    )

    assert response.status_code == 403
    public_project.refresh_from_db()
    assert public_project.title == TITLE


def test_project_former_member_stays_credited_in_the_history(login, author, member, public_project):
    end_membership(author, MembershipStatus.REJECTED)

    page = login(member).get(f"/en/projects/{public_project.slug}/history/").content.decode()

    public_project.refresh_from_db()
    assert public_project.author == author
    assert "Léa Author" in page


def test_project_members_only_is_hidden_from_its_former_author(login, author, members_project):
    end_membership(author, MembershipStatus.REJECTED)

    response = login(author).get(f"/en/projects/{members_project.slug}/edit/")

    assert response.status_code == 404


def test_project_author_approved_again_edits_again(login, author, public_project):
    end_membership(author, MembershipStatus.PENDING)
    author.memberships.update(status=MembershipStatus.APPROVED)

    response = login(author).post(
        f"/en/projects/{public_project.slug}/edit/",
        project_edit_data(public_project, title="Mine again"),
    )

    assert response.status_code == 302
    public_project.refresh_from_db()
    assert public_project.title == "Mine again"
