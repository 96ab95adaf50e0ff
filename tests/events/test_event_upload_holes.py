"""Event covers that are not whole pictures get a form error, never a 500; good ones are kept
re-encoded, without their metadata."""

import html
from pathlib import Path

import pytest
from PIL import Image

from events.models import Event
from tests.factories import agenda_form_data, event_form_data
from tests.factories.bad_pictures import BAD_PICTURES, bad_picture_upload, jpeg_with_gps

pytestmark = pytest.mark.django_db

NEW = "/en/events/new/"


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


@pytest.mark.parametrize("case", BAD_PICTURES)
def test_event_create_bad_cover_is_a_form_error_and_saves_nothing(
    login, network_coordinator, media_root, case
):
    cover, message = bad_picture_upload(case)
    data = event_form_data(cover_alt="The congress hall") | agenda_form_data([])
    data["cover_image"] = cover

    response = login(network_coordinator).post(NEW, data)

    assert response.status_code == 200
    assert response.context["form"].errors == {"cover_image": [message]}
    assert html.escape(message) in response.content.decode()
    assert Event.objects.count() == 0
    assert stored_files(media_root) == []


def test_event_create_cover_loses_its_location(login, network_coordinator):
    data = event_form_data(cover_alt="The congress hall") | agenda_form_data([])
    data["cover_image"] = jpeg_with_gps()

    login(network_coordinator).post(NEW, data)

    event = Event.objects.get()
    with Image.open(event.cover_image.path) as cover:
        assert (cover.format, cover.size) == ("JPEG", (600, 400))
        assert not cover.getexif()
    assert b"Camera Maker" not in Path(event.cover_image.path).read_bytes()
