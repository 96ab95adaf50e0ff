"""Event cards show the cover's thumbnail, not the 1600-pixel picture; the event form sent back
with errors keeps the cover already chosen (WCAG 3.3.7), as the project form does."""

import re
from html import unescape

import pytest
from PIL import Image

from core.pictures import PictureSize
from events.models import Event
from projects.models import PendingUpload
from tests.factories import agenda_form_data, edit_form_data, event_form_data, image_upload

pytestmark = pytest.mark.django_db

NEW = "/en/events/new/"
KEPT_NOTE = "Chosen: {name} — kept; choose another to replace it."


def create_with_cover(client, **fields) -> Event:
    data = event_form_data(cover_alt="The congress hall", **fields) | agenda_form_data([])
    data["cover_image"] = image_upload("hall.jpg", size=(2400, 1350), image_format="JPEG")
    response = client.post(NEW, data)
    assert response.status_code == 302, unescape(response.content.decode())[:800]
    return Event.objects.get()


def test_event_cover_upload_makes_a_thumbnail_for_the_cards(login, network_coordinator):
    event = create_with_cover(login(network_coordinator))

    with Image.open(event.cover_thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == PictureSize.THUMBNAIL
    with Image.open(event.cover_image.path) as cover:
        assert max(cover.size) == PictureSize.DISPLAY
    assert re.fullmatch(r"events/covers/[0-9a-f]{32}\.jpg", event.cover_thumbnail.name)


def test_event_card_shows_the_thumbnail_lazily_and_never_the_full_cover(
    login, network_coordinator, client
):
    event = create_with_cover(login(network_coordinator))
    event.state = "published"
    event.save()

    html = client.get("/en/events/").content.decode()

    assert (
        f'<img src="{event.cover_thumbnail.url}" alt="The congress hall" lang="en" '
        'width="480" height="270" loading="lazy" decoding="async">'
    ) in html
    assert event.cover_image.url not in html


def test_event_cover_cleared_takes_its_thumbnail_with_it(login, network_coordinator):
    client = login(network_coordinator)
    event = create_with_cover(client)
    data = edit_form_data(event, **{"cover_image-clear": "on"}) | agenda_form_data([])

    response = client.post(f"/en/events/{event.slug}/edit/", data)

    assert response.status_code == 302, unescape(response.content.decode())[:800]
    event.refresh_from_db()
    assert (event.cover_image.name, event.cover_thumbnail.name, event.cover_alt) == ("", "", "")


def test_event_form_with_errors_keeps_the_chosen_cover_and_uses_it_next_time(
    login, network_coordinator
):
    client = login(network_coordinator)
    data = event_form_data(title="", cover_alt="The congress hall") | agenda_form_data([])
    data["cover_image"] = image_upload("Salle des congrès.png")

    response = client.post(NEW, data)

    assert response.status_code == 200
    assert Event.objects.count() == 0
    kept = PendingUpload.objects.get()
    assert (kept.field, kept.original_name) == ("cover_image", "Salle des congrès.png")
    assert kept.session_key == client.session.session_key
    page = unescape(response.content.decode())
    assert KEPT_NOTE.format(name="Salle des congrès.png") in page
    token = re.search(r'name="keep-cover_image" id="[^"]*" value="([^"]+)"', page).group(1)
    assert token == str(kept.token)

    # Sent again with the title and the kept cover ticked, no file chosen again.
    data = event_form_data(cover_alt="The congress hall") | agenda_form_data([])
    data["keep-cover_image"] = token
    response = client.post(NEW, data)

    assert response.status_code == 302, unescape(response.content.decode())[:800]
    event = Event.objects.get()
    assert event.cover_image.name and event.cover_thumbnail.name
    assert PendingUpload.objects.count() == 0


def test_event_form_kept_cover_is_judged_again_and_another_session_cannot_use_it(
    login, network_coordinator
):
    client = login(network_coordinator)
    data = event_form_data(title="", cover_alt="") | agenda_form_data([])
    data["cover_image"] = image_upload("hall.png")
    client.post(NEW, data)
    token = str(PendingUpload.objects.get().token)

    # The same cover, still without a description: refused again, nothing saved.
    retry = event_form_data(cover_alt="") | agenda_form_data([])
    response = client.post(NEW, {**retry, "keep-cover_image": token})
    assert response.status_code == 200
    assert "Describe the cover image for people who cannot see it." in unescape(
        response.content.decode()
    )
    assert Event.objects.count() == 0

    # The same person in another browser: that session does not find the file.
    elsewhere = login(network_coordinator)
    valid = event_form_data(cover_alt="") | agenda_form_data([])
    response = elsewhere.post(NEW, {**valid, "keep-cover_image": token})
    assert response.status_code == 302
    assert not Event.objects.get().cover_image
    assert PendingUpload.objects.filter(token=token).exists()
