"""Projects in the admin go through the same service as the portal's form: the search data is
refreshed, the edit is kept as a revision, pictures are checked and re-encoded, deletion is soft."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.models import Project, ProjectImage
from projects.selectors import filter_projects
from tests.admin_forms import admin_form_data
from tests.factories import image_upload

pytestmark = pytest.mark.django_db


def change_url(project) -> str:
    return f"/admin/projects/project/{project.pk}/change/"


def found(query: str) -> list[str]:
    return [p.slug for p in filter_projects(Project.objects.alive(), {"q": query})]


def test_admin_edit_refreshes_the_search_index(admin_client, public_project):
    assert found("pedestrians") == []
    data = admin_form_data(admin_client, change_url(public_project))
    data["summary"] = ["A square given back to pedestrians."]

    response = admin_client.post(change_url(public_project), data)

    assert response.status_code == 302
    assert found("pedestrians") == [public_project.slug]


def test_admin_edit_is_kept_as_a_revision_by_its_editor(admin_client, superuser, public_project):
    before = public_project.revisions.count()
    data = admin_form_data(admin_client, change_url(public_project))
    data["title"] = ["Place de la Grille, second phase"]

    admin_client.post(change_url(public_project), data)

    revision = public_project.revisions.order_by("-number").first()
    assert public_project.revisions.count() == before + 1
    assert revision.author == superuser
    assert revision.changed_fields == ["title"]
    assert revision.snapshot["title"] == "Place de la Grille, second phase"


def test_admin_edit_keeps_themes_tags_and_the_author(admin_client, public_project, author):
    themes = set(public_project.themes.values_list("slug", flat=True))
    tags = set(public_project.tags.names())
    data = admin_form_data(admin_client, change_url(public_project))
    data["status"] = ["completed"]

    admin_client.post(change_url(public_project), data)

    public_project.refresh_from_db()
    assert public_project.status == "completed"
    assert set(public_project.themes.values_list("slug", flat=True)) == themes
    assert set(public_project.tags.names()) == tags
    assert public_project.author == author


def test_admin_gallery_picture_is_re_encoded(admin_client, public_project):
    data = admin_form_data(admin_client, change_url(public_project))
    data.update(
        {
            "images-TOTAL_FORMS": ["1"],
            "images-0-alt_text": ["The square on market day"],
            "images-0-caption": [""],
            "images-0-position": ["0"],
            "images-0-project": [str(public_project.pk)],
            "images-0-id": [""],
            "images-0-image": image_upload("market.png", size=(2400, 1200)),
        }
    )

    response = admin_client.post(change_url(public_project), data)

    assert response.status_code == 302
    picture = ProjectImage.objects.get(project=public_project)
    assert (picture.image.width, picture.image.height) == (1600, 800)
    assert picture.thumbnail


def test_admin_refuses_a_file_that_is_not_a_picture(admin_client, public_project):
    data = admin_form_data(admin_client, change_url(public_project))
    data.update(
        {
            "images-TOTAL_FORMS": ["1"],
            "images-0-alt_text": ["Not really"],
            "images-0-caption": [""],
            "images-0-position": ["0"],
            "images-0-project": [str(public_project.pk)],
            "images-0-id": [""],
            "images-0-image": SimpleUploadedFile("fake.png", b"not a picture at all"),
        }
    )

    response = admin_client.post(change_url(public_project), data)

    assert response.status_code == 200
    assert ProjectImage.objects.count() == 0


def test_admin_delete_is_a_soft_delete(admin_client, superuser, public_project):
    response = admin_client.post(
        f"/admin/projects/project/{public_project.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    public_project.refresh_from_db()
    assert public_project.deleted_by == superuser
    assert public_project.deleted_at is not None
