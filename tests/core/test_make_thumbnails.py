"""``make_thumbnails`` gives the covers stored before the cards had thumbnails their small copy,
once, and leaves an unreadable cover as it was."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image

from core.pictures import PictureSize
from events.models import Event
from projects.models import Project
from tests.factories import image_bytes, make_event, make_member, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return make_member(email="lea.author@example.org", full_name="Léa Author")


def with_old_cover(instance, content: bytes, name: str = "old.jpg"):
    """A cover as stored before thumbnails existed: the picture, no thumbnail."""
    instance.cover_image.save(name, ContentFile(content), save=False)
    type(instance).objects.filter(pk=instance.pk).update(
        cover_image=instance.cover_image.name, cover_alt="An old cover", cover_thumbnail=""
    )
    instance.refresh_from_db()
    return instance


def test_make_thumbnails_makes_the_missing_copies_once(author, capsys):
    picture = image_bytes(size=(1600, 900), image_format="JPEG")
    project = with_old_cover(make_project(author=author, title="Square"), picture)
    event = with_old_cover(make_event(), picture)

    call_command("make_thumbnails")

    assert capsys.readouterr().out.strip() == "2 thumbnails made, 0 covers could not be read"
    project.refresh_from_db()
    event.refresh_from_db()
    for thumbnail in (project.cover_thumbnail, event.cover_thumbnail):
        with Image.open(thumbnail.path) as image:
            assert max(image.size) == PictureSize.THUMBNAIL
    names = (project.cover_thumbnail.name, event.cover_thumbnail.name)

    call_command("make_thumbnails")

    assert capsys.readouterr().out.strip() == "0 thumbnails made, 0 covers could not be read"
    project.refresh_from_db()
    event.refresh_from_db()
    assert (project.cover_thumbnail.name, event.cover_thumbnail.name) == names


def test_make_thumbnails_leaves_an_unreadable_cover_and_goes_on(author, capsys):
    broken = with_old_cover(make_project(author=author, title="Broken"), b"not a picture")
    fine = with_old_cover(
        make_project(author=author, title="Fine"), image_bytes(size=(800, 600), image_format="PNG")
    )

    call_command("make_thumbnails")

    assert capsys.readouterr().out.strip() == "1 thumbnails made, 1 covers could not be read"
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert broken.cover_thumbnail.name == ""
    assert broken.cover_image.name  # left as it was
    assert fine.cover_thumbnail.name


def test_make_thumbnails_without_covers_makes_nothing(author, capsys):
    make_project(author=author, title="Plain")
    Event.objects.all().delete()

    call_command("make_thumbnails")

    assert capsys.readouterr().out.strip() == "0 thumbnails made, 0 covers could not be read"
    assert Project.objects.exclude(cover_thumbnail="").count() == 0
