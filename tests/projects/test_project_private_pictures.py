"""Pictures of members-only projects are not under /media/: they are kept in private storage and
served, after a permission check, to those who may read the project; they follow the project
when its visibility changes."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core.enums import Visibility
from projects.models import Project, ProjectImage
from projects.services import project_place_pictures
from tests.factories import image_bytes, make_project, make_user, picture_upload, project_edit_data

pytestmark = pytest.mark.django_db

COVER = image_bytes(size=(40, 30), image_format="JPEG")
PICTURE = image_bytes(size=(50, 40), image_format="PNG")
THUMBNAIL = image_bytes(size=(25, 20), image_format="JPEG")


def with_pictures(project: Project, count: int = 1) -> Project:
    """The project with a cover and ``count`` gallery pictures, stored as the services do."""
    project.cover_alt = "The square"
    project.cover_image.save("cover.jpg", ContentFile(COVER), save=False)
    project.save()
    for number in range(count):
        picture = ProjectImage(project=project, alt_text=f"Picture {number}", position=number)
        picture.image.save("picture.png", ContentFile(PICTURE), save=False)
        picture.thumbnail.save("thumbnail.jpg", ContentFile(THUMBNAIL), save=False)
        picture.save()
    return project


@pytest.fixture
def private_project(author):
    return with_pictures(
        make_project(author=author, title="Confidential plan", visibility=Visibility.MEMBERS)
    )


@pytest.fixture
def no_city_user(db):
    """Signed in, verified, member of no city."""
    return make_user(email="nobody@example.org", full_name="No City")


def files_under(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


def picture_files(project: Project) -> list[Path]:
    picture = project.images.get()
    return [Path(f.path) for f in (project.cover_image, picture.image, picture.thumbnail)]


def urls(project: Project) -> dict[str, str]:
    picture = project.images.get()
    return {
        "cover": project.cover_image.url,
        "picture": picture.image.url,
        "thumbnail": picture.thumbnail.url,
    }


# --- Where they live and what their address is -------------------------------------------------


def test_members_only_project_pictures_are_in_private_storage(
    private_project, media_root, private_media_root
):
    for path in picture_files(private_project):
        assert path.is_relative_to(private_media_root)
        assert not path.is_relative_to(media_root)
    assert files_under(media_root) == []


def test_members_only_project_picture_addresses_go_through_the_view(private_project):
    picture = private_project.images.get()
    slug = private_project.slug

    assert urls(private_project) == {
        "cover": f"/en/projects/{slug}/pictures/cover/"
        f"?v={Path(private_project.cover_image.name).stem[:12]}",
        "picture": f"/en/projects/{slug}/pictures/{picture.pk}/"
        f"?v={Path(picture.image.name).stem[:12]}",
        "thumbnail": f"/en/projects/{slug}/pictures/{picture.pk}/thumbnail/"
        f"?v={Path(picture.thumbnail.name).stem[:12]}",
    }


def test_public_project_pictures_stay_plain_files_under_media(author, media_root):
    project = with_pictures(make_project(author=author))
    picture = project.images.get()

    for path in picture_files(project):
        assert path.is_relative_to(media_root)
    assert urls(project) == {
        "cover": f"/media/{project.cover_image.name}",
        "picture": f"/media/{picture.image.name}",
        "thumbnail": f"/media/{picture.thumbnail.name}",
    }
    assert re.fullmatch(r"projects/covers/[0-9a-f]{32}\.jpg", project.cover_image.name)


def test_members_only_project_page_shows_the_view_addresses(member_client, private_project):
    response = member_client.get(private_project.get_absolute_url())

    page = response.content.decode()
    for url in urls(private_project).values():
        assert url.replace("&", "&amp;") in page
    assert "/media/" not in page


def test_project_form_saves_a_members_only_projects_new_pictures_privately(
    member_client, private_project, media_root, private_media_root
):
    data = project_edit_data(
        private_project,
        images=[{"image": picture_upload("new.png", size=(60, 40)), "alt_text": "New"}],
        initial={},
    )
    data.update({"images-TOTAL_FORMS": "1", "images-INITIAL_FORMS": "0"})

    response = member_client.post(f"/en/projects/{private_project.slug}/edit/", data)

    assert response.status_code == 302
    new = ProjectImage.objects.get(alt_text="New")
    assert new.image.name.startswith("private/projects/images/")
    assert Path(new.thumbnail.path).is_relative_to(private_media_root)
    assert files_under(media_root) == []


# --- The view: who may see them -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "content", "content_type"),
    [
        ("cover", COVER, "image/jpeg"),
        ("picture", PICTURE, "image/png"),
        ("thumbnail", THUMBNAIL, "image/jpeg"),
    ],
)
@pytest.mark.parametrize("role", ["member", "other_city_member", "network_coordinator", "staff"])
def test_project_picture_is_served_to_who_may_read_the_project(
    login, user_for_role, private_project, role, kind, content, content_type
):
    response = login(user_for_role(role)).get(urls(private_project)[kind])

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, max-age=86400"


@pytest.mark.parametrize("kind", ["cover", "picture", "thumbnail"])
@pytest.mark.parametrize("role", ["anonymous", "outsider", "no_city_user"])
def test_project_picture_is_not_found_for_who_may_not_read_the_project(
    login, user_for_role, private_project, role, kind
):
    response = login(user_for_role(role)).get(urls(private_project)[kind])

    assert response.status_code == 404
    assert not hasattr(response, "streaming_content")


def test_project_picture_of_a_deleted_project_is_not_found(member_client, private_project):
    url = urls(private_project)["cover"]
    Project.objects.filter(pk=private_project.pk).update(deleted_at=timezone.now())

    assert member_client.get(url).status_code == 404


def test_project_picture_of_another_project_is_not_found(member_client, private_project, author):
    other = with_pictures(make_project(author=author, visibility=Visibility.MEMBERS))
    picture = other.images.get()

    response = member_client.get(f"/en/projects/{private_project.slug}/pictures/{picture.pk}/")

    assert response.status_code == 404


def test_project_picture_without_a_cover_is_not_found(member_client, author):
    project = make_project(author=author, visibility=Visibility.MEMBERS)

    assert member_client.get(f"/en/projects/{project.slug}/pictures/cover/").status_code == 404


def test_project_picture_whose_file_is_missing_is_not_found(member_client, private_project):
    Path(private_project.cover_image.path).unlink()

    assert member_client.get(urls(private_project)["cover"]).status_code == 404


def test_project_picture_of_a_public_project_is_served_too(anonymous_client, author):
    project = with_pictures(make_project(author=author))

    response = anonymous_client.get(f"/en/projects/{project.slug}/pictures/cover/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == COVER


# --- Query budgets of the view ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "kind", "status", "queries"),
    [
        # session, user, project, the reader's memberships (+ the picture row)
        ("member", "cover", 200, 4),
        ("member", "picture", 200, 5),
        ("member", "thumbnail", 200, 5),
        # the project only: no one signed in, nothing more to read
        ("anonymous", "cover", 404, 1),
        ("anonymous", "picture", 404, 1),
        # session, user, project, memberships, coordinator group
        ("no_city_user", "cover", 404, 5),
        ("no_city_user", "thumbnail", 404, 5),
    ],
)
def test_project_picture_query_budget(
    login, user_for_role, private_project, django_assert_num_queries, role, kind, status, queries
):
    client = login(user_for_role(role))
    url = urls(private_project)[kind]

    with django_assert_num_queries(queries):
        response = client.get(url)

    response.close()
    assert response.status_code == status


@pytest.mark.parametrize("count", [2, 20])
def test_project_detail_budget_holds_with_private_pictures(
    member_client, author, count, django_assert_num_queries
):
    project = with_pictures(make_project(author=author, visibility=Visibility.MEMBERS), count=count)

    # As many with 2 pictures as with 20: the addresses of members-only pictures need no query
    # (one query reads the translations of everything on the page; the stored peer matches read
    # no glossary, and the tag translations were read once for this version by the matching
    # task when the project was made); the open partner searches about it, one; the methods and
    # tools it used, one.
    with django_assert_num_queries(20):
        response = member_client.get(project.get_absolute_url())

    assert (
        response.content.decode().count(f"/en/projects/{project.slug}/pictures/") == 2 * count + 1
    )


@pytest.mark.parametrize("count", [2, 20])
def test_project_edit_budget_holds_with_private_pictures(
    member_client, author, count, django_assert_num_queries
):
    project = with_pictures(make_project(author=author, visibility=Visibility.MEMBERS), count=count)

    # The edit page also reads the stored gallery once for its edit version (edit conflicts).
    with django_assert_num_queries(19):
        response = member_client.get(f"/en/projects/{project.slug}/edit/")

    page = response.content.decode()
    assert page.count(f"/en/projects/{project.slug}/pictures/") == count + 1


# --- Moving with the visibility -----------------------------------------------------------------


def edit(client, project: Project, **fields):
    return client.post(f"/en/projects/{project.slug}/edit/", project_edit_data(project, **fields))


def test_project_made_public_moves_its_pictures_to_media_and_back(
    member_client,
    private_project,
    media_root,
    private_media_root,
    django_capture_on_commit_callbacks,
):
    private_files = picture_files(private_project)

    with django_capture_on_commit_callbacks(execute=True):
        response = edit(member_client, private_project, visibility=Visibility.PUBLIC)

    assert response.status_code == 302
    private_project.refresh_from_db()
    public_files = picture_files(private_project)
    assert all(path.is_relative_to(media_root) for path in public_files)
    assert files_under(private_media_root) == []
    assert all(url.startswith("/media/projects/") for url in urls(private_project).values())
    assert [path.read_bytes() for path in public_files] == [COVER, PICTURE, THUMBNAIL]
    assert not any(path.exists() for path in private_files)

    with django_capture_on_commit_callbacks(execute=True):
        response = edit(member_client, private_project, visibility=Visibility.MEMBERS)

    assert response.status_code == 302
    private_project.refresh_from_db()
    assert all(path.is_relative_to(private_media_root) for path in picture_files(private_project))
    assert files_under(media_root) == []
    assert [path.read_bytes() for path in picture_files(private_project)] == [
        COVER,
        PICTURE,
        THUMBNAIL,
    ]
    assert not any(path.exists() for path in public_files)


def test_project_made_private_keeps_the_public_copies_until_the_change_is_committed(
    member_client, author, media_root, django_capture_on_commit_callbacks
):
    project = with_pictures(make_project(author=author))
    public_files = picture_files(project)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        edit(member_client, project, visibility=Visibility.MEMBERS)

    assert all(path.exists() for path in public_files)
    for callback in callbacks:
        callback()
    assert files_under(media_root) == []


def test_project_edit_failing_after_the_move_leaves_the_pictures_where_they_were(
    member_client, private_project, media_root, private_media_root, monkeypatch
):
    from django.core.exceptions import ValidationError

    def broken(*args, **kwargs):
        raise ValidationError("The search index is unavailable.")

    monkeypatch.setattr("projects.services.project_saved", broken)
    names = (private_project.cover_image.name, private_project.images.get().image.name)

    response = edit(member_client, private_project, visibility=Visibility.PUBLIC)

    assert response.status_code == 200
    private_project.refresh_from_db()
    assert (private_project.cover_image.name, private_project.images.get().image.name) == names
    assert all(path.exists() for path in picture_files(private_project))


def test_project_restore_of_a_members_only_revision_moves_the_pictures_back(
    member_client,
    private_project,
    media_root,
    private_media_root,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        edit(member_client, private_project, visibility=Visibility.PUBLIC)

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(f"/en/projects/{private_project.slug}/history/1/restore/")

    assert response.status_code == 302
    private_project.refresh_from_db()
    assert private_project.visibility == Visibility.MEMBERS
    assert all(path.is_relative_to(private_media_root) for path in picture_files(private_project))
    assert files_under(media_root) == []


def test_project_place_pictures_after_an_admin_change_of_visibility(
    private_project, media_root, private_media_root, django_capture_on_commit_callbacks
):
    Project.objects.filter(pk=private_project.pk).update(visibility=Visibility.PUBLIC)
    private_project.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        project_place_pictures(project=private_project)

    assert all(path.is_relative_to(media_root) for path in picture_files(private_project))
    assert files_under(private_media_root) == []


def test_project_admin_change_of_visibility_moves_the_pictures(
    login, private_project, media_root, private_media_root, django_capture_on_commit_callbacks
):
    client = login(make_user(email="root@example.org", is_staff=True, is_superuser=True))
    url = f"/admin/projects/project/{private_project.pk}/change/"
    page = client.get(url)
    form = page.context["adminform"].form
    data = {}
    for inline in page.context["inline_admin_formsets"]:
        data.update({bound.html_name: bound.value() for bound in inline.formset.management_form})
        for inline_form in inline.formset.forms:
            for bound in inline_form:
                value = bound.value()
                if value is not None and value is not False and bound.name != "image":
                    data[bound.html_name] = value
    for bound in form:
        value = bound.value()
        if bound.name == "tags":
            data["tags"] = ""
        elif value is not None and value is not False and bound.name != "cover_image":
            data[bound.html_name] = "on" if value is True else value
    data["visibility"] = Visibility.PUBLIC

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302, [
        inline.formset.errors for inline in response.context["inline_admin_formsets"]
    ]
    private_project.refresh_from_db()
    assert private_project.visibility == Visibility.PUBLIC
    assert all(path.is_relative_to(media_root) for path in picture_files(private_project))
    assert files_under(private_media_root) == []


# --- The migration that moved the existing pictures ------------------------------------------


def test_migration_moves_the_existing_pictures_of_members_only_projects(
    author, media_root, private_media_root, django_capture_on_commit_callbacks
):
    migration = importlib.import_module("projects.migrations.0003_private_pictures")
    private = make_project(author=author, visibility=Visibility.MEMBERS, cover_alt="A")
    public = make_project(author=author, cover_alt="B")
    for project in (private, public):  # as stored before: everything under MEDIA_ROOT
        name = default_storage.save("projects/covers/legacy.jpg", ContentFile(COVER))
        Project.objects.filter(pk=project.pk).update(cover_image=name)
        picture = ProjectImage(project=project, alt_text="A picture")
        picture.image.name = default_storage.save(
            "projects/images/legacy.png", ContentFile(PICTURE)
        )
        picture.save()

    with django_capture_on_commit_callbacks(execute=True):
        migration.members_only_pictures_to_private(apps, None)

    private.refresh_from_db()
    public.refresh_from_db()
    assert private.cover_image.name.startswith("private/projects/covers/legacy")
    assert private.images.get().image.name.startswith("private/projects/images/legacy")
    assert Path(private.cover_image.path).read_bytes() == COVER
    assert not public.cover_image.name.startswith("private/")
    assert files_under(media_root) == sorted(
        [Path(public.cover_image.path), Path(public.images.get().image.path)]
    )
    assert len(files_under(private_media_root)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        migration.private_pictures_to_public(apps, None)

    private.refresh_from_db()
    assert not private.cover_image.name.startswith("private/")
    assert files_under(private_media_root) == []
    assert len(files_under(media_root)) == 4
