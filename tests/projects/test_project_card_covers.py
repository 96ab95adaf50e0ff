"""Project cards show the cover's thumbnail: a small copy made with the cover, kept where the
project's visibility puts it, so that a visitor never gets a members-only picture."""

import re
from pathlib import Path

import pytest
from PIL import Image

from core.enums import Visibility
from core.pictures import PictureSize
from projects.models import Project
from tests.factories import make_project, picture_upload, project_edit_data

pytestmark = pytest.mark.django_db


def upload_cover(client, project: Project, **fields):
    data = project_edit_data(
        project,
        cover_image=picture_upload("cover.jpg", size=(2000, 1200), image_format="JPEG"),
        cover_alt="The square with its test furniture",
        **fields,
    )
    response = client.post(f"/en/projects/{project.slug}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    project.refresh_from_db()
    return project


def card(html: str, title: str) -> str:
    cards = re.findall(r'<li class="card project-card[^"]*">(.*?)</li>\s*(?=<li|</ul)', html, re.S)
    for found in cards:
        if title in found:
            return found
    raise AssertionError(f"no card for {title}")


def test_project_cover_upload_makes_a_thumbnail_for_the_cards(member_client, author):
    project = upload_cover(member_client, make_project(author=author, title="Square"))

    with Image.open(project.cover_thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == PictureSize.THUMBNAIL
    with Image.open(project.cover_image.path) as cover:
        assert max(cover.size) == PictureSize.DISPLAY
    assert project.cover_thumbnail.url.startswith("/media/projects/covers/")


def test_project_card_shows_the_thumbnail_lazily_with_its_size_and_description(
    member_client, anonymous_client, author
):
    project = upload_cover(member_client, make_project(author=author, title="Square"))

    html = anonymous_client.get("/en/projects/").content.decode()

    shown = card(html, "Square")
    assert (
        f'<img src="{project.cover_thumbnail.url}" alt="The square with its test furniture" '
        'lang="en" width="480" height="270" loading="lazy" decoding="async">'
    ) in shown
    assert project.cover_image.url not in html


def test_project_card_without_a_cover_has_no_picture_box(anonymous_client, author):
    make_project(author=author, title="Plain")

    shown = card(anonymous_client.get("/en/projects/").content.decode(), "Plain")

    assert "<img" not in shown
    assert "card-cover" not in shown


def test_members_only_project_thumbnail_goes_through_the_permission_check(
    member_client, anonymous_client, author
):
    project = make_project(author=author, title="Confidential", visibility=Visibility.MEMBERS)
    project = upload_cover(member_client, project)

    url = project.cover_thumbnail.url
    assert url.startswith(f"/en/projects/{project.slug}/pictures/cover/thumbnail/?v=")
    assert project.cover_thumbnail.name.startswith("private/")
    assert url in card(member_client.get("/en/projects/").content.decode(), "Confidential")
    served = member_client.get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == Path(project.cover_thumbnail.path).read_bytes()
    assert anonymous_client.get(url).status_code == 404
    assert "Confidential" not in anonymous_client.get("/en/projects/").content.decode()


def test_project_made_public_moves_its_cover_thumbnail_too(
    member_client, author, media_root, django_capture_on_commit_callbacks
):
    project = make_project(author=author, title="Confidential", visibility=Visibility.MEMBERS)
    project = upload_cover(member_client, project)
    private_path = Path(project.cover_thumbnail.path)

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            f"/en/projects/{project.slug}/edit/",
            project_edit_data(project, visibility=Visibility.PUBLIC),
        )

    assert response.status_code == 302
    project.refresh_from_db()
    assert Path(project.cover_thumbnail.path).is_relative_to(media_root)
    assert project.cover_thumbnail.url.startswith("/media/projects/covers/")
    assert not private_path.exists()


def test_project_cover_cleared_removes_its_thumbnail(
    member_client, author, django_capture_on_commit_callbacks
):
    project = upload_cover(member_client, make_project(author=author, title="Square"))
    thumbnail = Path(project.cover_thumbnail.path)

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(
            f"/en/projects/{project.slug}/edit/",
            project_edit_data(project, **{"cover_image-clear": "on"}),
        )

    project.refresh_from_db()
    assert not project.cover_thumbnail
    assert not thumbnail.exists()
