"""The city photo, edited in the Django admin: checked like every other picture, stored
re-encoded without metadata, through the cities service."""

import html
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from cities.models import City
from cities.services import city_save
from tests.factories import get_city, image_bytes, image_upload, make_user
from tests.factories.bad_pictures import BAD_PICTURES, bad_picture_upload, jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(login):
    return login(make_user(email="root@example.org", is_staff=True, is_superuser=True))


@pytest.fixture
def city():
    return get_city("saint-brieuc")


def change_url(city: City) -> str:
    return f"/admin/cities/city/{city.pk}/change/"


def change_form_data(client, city: City, **changes) -> dict:
    """What the admin's change page posts for ``city`` as shown, with ``changes``."""
    response = client.get(change_url(city))
    assert response.status_code == 200
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({bound.html_name: bound.value() for bound in management})
        forms.extend(inline.formset.forms)
    for form in forms:
        for bound in form:
            value = bound.value()
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif bound.name != "photo" and value is not None:
                data[bound.html_name] = value
    data.update(changes)
    return data


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


@pytest.mark.parametrize("case", BAD_PICTURES)
def test_city_admin_bad_photo_is_a_form_error_and_saves_nothing(
    superuser_client, city, media_root, case
):
    photo, message = bad_picture_upload(case)
    data = change_form_data(superuser_client, city, photo=photo, photo_alt="The harbour")

    response = superuser_client.post(change_url(city), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"photo": [message]}
    assert html.escape(message) in response.content.decode()
    city.refresh_from_db()
    assert (city.photo.name, city.photo_alt) == ("", "")
    assert stored_files(media_root) == []


def test_city_admin_photo_is_re_encoded_without_exif(superuser_client, city, media_root):
    data = change_form_data(superuser_client, city, photo=jpeg_with_gps(), photo_alt="The harbour")

    response = superuser_client.post(change_url(city), data)

    assert response.status_code == 302
    city.refresh_from_db()
    assert city.photo_alt == "The harbour"
    assert re.fullmatch(r"cities/saint-brieuc\.jpg", city.photo.name)
    with Image.open(city.photo.path) as photo:
        assert (photo.format, photo.size) == ("JPEG", (600, 400))
        assert not photo.getexif()
        assert "exif" not in photo.info
    assert b"Camera Maker" not in Path(city.photo.path).read_bytes()
    assert stored_files(media_root) == [Path(city.photo.path)]


def test_city_admin_large_photo_is_resized_for_display(superuser_client, city):
    data = change_form_data(
        superuser_client,
        city,
        photo=image_upload("harbour.png", size=(3200, 1600)),
        photo_alt="The harbour",
    )

    superuser_client.post(change_url(city), data)

    city.refresh_from_db()
    with Image.open(city.photo.path) as photo:
        assert (photo.format, photo.size) == ("JPEG", (1600, 800))


def test_city_admin_edit_without_a_new_photo_keeps_it(superuser_client, city, media_root):
    city.photo_alt = "The harbour"
    city_save(city=city, photo=image_upload("harbour.png", size=(300, 200)))
    name = city.photo.name
    data = change_form_data(superuser_client, city, region="Brittany")

    response = superuser_client.post(change_url(city), data)

    assert response.status_code == 302
    city.refresh_from_db()
    assert (city.photo.name, city.region) == (name, "Brittany")
    assert stored_files(media_root) == [Path(city.photo.path)]


def test_city_save_new_photo_deletes_the_old_one_once_committed(
    city, media_root, django_capture_on_commit_callbacks
):
    city.photo_alt = "The harbour"
    city.photo.save("old.jpg", ContentFile(image_bytes(size=(40, 30), image_format="JPEG")))
    old = Path(city.photo.path)

    with django_capture_on_commit_callbacks(execute=True):
        city_save(city=city, photo=image_upload("new.png", size=(80, 60)))

    city.refresh_from_db()
    assert city.photo.name == "cities/saint-brieuc.jpg"
    assert not old.exists()
    assert stored_files(media_root) == [Path(city.photo.path)]


def test_city_admin_clearing_the_photo_deletes_its_file(
    superuser_client, city, media_root, django_capture_on_commit_callbacks
):
    city.photo_alt = "The harbour"
    city_save(city=city, photo=image_upload("harbour.png", size=(300, 200)))
    data = change_form_data(superuser_client, city, **{"photo-clear": "on", "photo_alt": ""})

    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(change_url(city), data)

    assert response.status_code == 302
    city.refresh_from_db()
    assert city.photo.name == ""
    assert stored_files(media_root) == []
