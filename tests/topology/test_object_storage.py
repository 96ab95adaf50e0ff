"""The portal's files in S3-compatible object storage (moto's server), configured as the
production settings configure it from the environment (make test-topology)."""

import runpy
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.core.files.base import ContentFile

from core.enums import Visibility
from projects.models import Project, ProjectImage
from projects.services import project_place_pictures
from tests.factories import PDF_BYTES, image_bytes, make_document, make_project

from .conftest import MEDIA_BUCKET, PRIVATE_BUCKET, s3_environment

pytestmark = [pytest.mark.topology, pytest.mark.django_db]

COVER = image_bytes(size=(40, 30), image_format="JPEG")
PICTURE = image_bytes(size=(50, 40), image_format="PNG")


def production_settings(monkeypatch, store, **env) -> dict:
    """The names settings.py defines with this environment (it is run, not imported)."""
    for name, value in {**s3_environment(store), **env}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(django_settings.BASE_DIR / "alliance_portal" / "settings.py"))


@pytest.fixture
def object_storage(settings, monkeypatch, object_store):
    """The media in the public bucket, the private files in the private one."""
    object_store.empty()
    settings.STORAGES = production_settings(monkeypatch, object_store)["STORAGES"]
    return object_store


def with_pictures(project: Project) -> Project:
    project.cover_alt = "The square"
    project.cover_image.save("cover.jpg", ContentFile(COVER), save=False)
    project.save()
    picture = ProjectImage(project=project, alt_text="The square in June")
    picture.image.save("picture.png", ContentFile(PICTURE), save=False)
    picture.save()
    return project


def stored_names(project: Project) -> list[str]:
    project.refresh_from_db()
    return [project.cover_image.name, project.images.get().image.name]


def test_a_projects_pictures_follow_its_visibility_from_bucket_to_bucket(
    object_storage, member, django_capture_on_commit_callbacks
):
    store = object_storage
    project = with_pictures(make_project(author=member, visibility=Visibility.MEMBERS))
    cover, picture = stored_names(project)
    assert cover.startswith("private/") and picture.startswith("private/")
    assert store.keys(PRIVATE_BUCKET) == sorted(
        n.removeprefix("private/") for n in (cover, picture)
    )
    assert store.keys(MEDIA_BUCKET) == []

    project.visibility = Visibility.PUBLIC
    project.save()
    with django_capture_on_commit_callbacks(execute=True):
        project_place_pictures(project=project)

    public = stored_names(project)
    assert not any(name.startswith("private/") for name in public)
    assert store.keys(MEDIA_BUCKET) == sorted(public)
    assert store.keys(PRIVATE_BUCKET) == []  # the old copies are gone once committed
    assert [store.object(MEDIA_BUCKET, name) for name in public] == [COVER, PICTURE]
    for name in public:  # public objects: readable without a signature
        response = requests.get(f"{store.url}/{MEDIA_BUCKET}/{name}", timeout=10)
        assert response.status_code == 200

    project.visibility = Visibility.MEMBERS
    project.save()
    with django_capture_on_commit_callbacks(execute=True):
        project_place_pictures(project=project)

    private = stored_names(project)
    keys = [name.removeprefix("private/") for name in private]
    assert all(name.startswith("private/") for name in private)
    assert store.keys(PRIVATE_BUCKET) == sorted(keys)
    assert store.keys(MEDIA_BUCKET) == []
    assert [store.object(PRIVATE_BUCKET, key) for key in keys] == [COVER, PICTURE]


def test_without_a_private_bucket_private_files_are_private_objects_under_a_prefix(
    settings, monkeypatch, object_store, member, member_client
):
    object_store.empty()
    conf = production_settings(monkeypatch, object_store, AWS_PRIVATE_BUCKET_NAME="")
    settings.STORAGES = conf["STORAGES"]
    project = make_project(author=member, visibility=Visibility.MEMBERS)
    document = make_document(project=project)

    key = f"private/{document.file.name}"
    assert object_store.keys(MEDIA_BUCKET) == [key]
    assert object_store.keys(PRIVATE_BUCKET) == []
    unsigned = requests.get(f"{object_store.url}/{MEDIA_BUCKET}/{key}", timeout=10)
    assert unsigned.status_code == 403
    response = member_client.get(f"/en/projects/{project.slug}/documents/{document.pk}/")
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{object_store.url}/{MEDIA_BUCKET}/{key}?")
    assert parse_qs(urlsplit(location).query)["X-Amz-Expires"] == ["300"]
    assert requests.get(location, timeout=10).content == PDF_BYTES


def test_the_signed_addresses_last_as_long_as_aws_querystring_expire(
    settings, monkeypatch, object_store, member, member_client
):
    object_store.empty()
    conf = production_settings(monkeypatch, object_store, AWS_QUERYSTRING_EXPIRE="60")
    settings.STORAGES = conf["STORAGES"]
    project = with_pictures(make_project(author=member, visibility=Visibility.MEMBERS))

    response = member_client.get(f"/en/projects/{project.slug}/pictures/cover/")

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert query["response-content-type"] == ["image/jpeg"]
    assert requests.get(response["Location"], timeout=10).content == COVER


def test_browsers_may_load_pictures_from_the_buckets(monkeypatch, object_store):
    conf = production_settings(monkeypatch, object_store)

    assert conf["MEDIA_ORIGINS"] == [object_store.url]
    assert object_store.url in conf["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


def test_on_aws_the_buckets_are_named_in_their_addresses(monkeypatch, object_store):
    conf = production_settings(
        monkeypatch, object_store, AWS_S3_ENDPOINT_URL="", AWS_S3_REGION_NAME="eu-north-1"
    )

    assert conf["MEDIA_ORIGINS"] == [
        f"https://{MEDIA_BUCKET}.s3.amazonaws.com",
        f"https://{MEDIA_BUCKET}.s3.eu-north-1.amazonaws.com",
        f"https://{PRIVATE_BUCKET}.s3.amazonaws.com",
        f"https://{PRIVATE_BUCKET}.s3.eu-north-1.amazonaws.com",
    ]
