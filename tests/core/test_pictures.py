"""The one picture pipeline: what it refuses and why, and the clean copies it makes."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.pictures import MAX_PIXELS, PictureSize, check_picture, reencode
from tests.factories import image_bytes, image_upload, png_claiming
from tests.factories.bad_pictures import (
    TOO_MANY_PIXELS,
    UNREADABLE,
    big_png,
    bomb_png,
    corrupt_jpeg,
    jpeg_with_gps,
    soft_bomb_png,
    truncated_jpeg,
    truncated_png,
)

LIMIT = 10 * 1024 * 1024


def upload(content: bytes, name: str = "picture.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "image/png")


def refusal(content: bytes, max_bytes: int = LIMIT) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        check_picture(upload(content), max_bytes=max_bytes)
    return caught.value.code, caught.value.messages[0]


def decoded(content) -> Image.Image:
    image = Image.open(BytesIO(content.read() if hasattr(content, "read") else content))
    image.load()
    return image


# --- Refused ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        pytest.param(truncated_jpeg(), "unreadable_picture", UNREADABLE, id="truncated-jpeg"),
        pytest.param(truncated_png(), "unreadable_picture", UNREADABLE, id="truncated-png"),
        pytest.param(corrupt_jpeg(), "unreadable_picture", UNREADABLE, id="corrupt-jpeg"),
        pytest.param(bomb_png(), "too_many_pixels", TOO_MANY_PIXELS, id="bomb-30000x30000"),
        pytest.param(soft_bomb_png(), "too_many_pixels", TOO_MANY_PIXELS, id="bomb-10000x10000"),
        pytest.param(big_png(), "too_many_pixels", TOO_MANY_PIXELS, id="48-megapixels"),
        pytest.param(
            b"%PDF-1.4\n%%EOF\n",
            "picture_format",
            "Upload a JPEG, PNG, WebP or GIF picture.",
            id="pdf",
        ),
        pytest.param(
            image_bytes(size=(20, 20), image_format="BMP"),
            "picture_format",
            "Upload a JPEG, PNG, WebP or GIF picture.",
            id="bmp",
        ),
        pytest.param(
            image_bytes(size=(20, 20), image_format="TIFF"),
            "picture_format",
            "Upload a JPEG, PNG, WebP or GIF picture.",
            id="tiff",
        ),
        pytest.param(b"", "empty", "The file is empty.", id="empty"),
    ],
)
def test_check_picture_refuses_with_a_clear_message(content, code, message):
    assert refusal(content) == (code, message)


def test_check_picture_refuses_a_file_over_the_byte_limit_and_accepts_the_limit():
    content = image_bytes(size=(100, 100)) + b"\x00" * 1000  # PNG ignores what follows IEND
    content += b"\x00" * (2 * 1024 * 1024 + 1 - len(content))

    assert refusal(content, max_bytes=2 * 1024 * 1024) == (
        "too_big",
        "The picture is 2.0\xa0MB; the limit is 2.0\xa0MB.",
    )
    check_picture(upload(content[:-1]), max_bytes=2 * 1024 * 1024)


def test_check_picture_refuses_a_bomb_before_decoding_it(monkeypatch):
    bomb = png_claiming(7000, 6000)
    decodes = []
    monkeypatch.setattr("PIL.ImageFile.ImageFile.load", lambda self: decodes.append(self))

    assert refusal(bomb)[0] == "too_many_pixels"
    assert decodes == []


def test_check_picture_refuses_one_pixel_past_the_limit_and_accepts_the_limit():
    width = 8000
    height = MAX_PIXELS // width

    assert refusal(png_claiming(width, height + 1))[0] == "too_many_pixels"
    # At the limit the header passes; this tiny file then fails to decode, as it should.
    assert refusal(png_claiming(width, height))[0] == "unreadable_picture"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_check_picture_accepts_each_format_and_rewinds(image_format):
    picture = image_upload(
        f"picture.{image_format.lower()}", size=(60, 40), image_format=image_format
    )

    check_picture(picture, max_bytes=LIMIT)

    assert picture.tell() == 0


# --- Re-encoded -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (PictureSize.DISPLAY, (1600, 1067)),
        (PictureSize.THUMBNAIL, (480, 320)),
        (PictureSize.AVATAR, (400, 267)),
    ],
)
def test_reencode_fits_the_longest_side(size, expected):
    content, extension = reencode(upload(image_bytes(size=(2400, 1600))), size)

    image = decoded(content)
    assert (image.format, image.size, extension) == ("JPEG", expected, "jpg")


def test_reencode_never_enlarges():
    content, _extension = reencode(upload(image_bytes(size=(120, 80))), PictureSize.DISPLAY)

    assert decoded(content).size == (120, 80)


def test_reencode_strips_exif_and_its_location():
    content, extension = reencode(jpeg_with_gps(), PictureSize.DISPLAY)

    data = content.read()
    image = decoded(data)
    assert extension == "jpg"
    assert not image.getexif()
    assert image.info.get("exif") is None
    assert b"Camera Maker" not in data


def test_reencode_turns_the_picture_upright_by_its_exif_orientation():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show
    picture = SimpleUploadedFile(
        "side.jpg", image_bytes(size=(300, 200), image_format="JPEG", exif=exif), "image/jpeg"
    )

    content, _extension = reencode(picture, PictureSize.DISPLAY)

    image = decoded(content)
    assert image.size == (200, 300)
    assert not image.getexif()


def test_reencode_keeps_transparency_as_png():
    buffer = BytesIO()
    Image.new("RGBA", (300, 200), (0, 128, 0, 100)).save(buffer, format="PNG")

    content, extension = reencode(upload(buffer.getvalue()), PictureSize.THUMBNAIL)

    image = decoded(content)
    assert (extension, image.format, image.mode) == ("png", "PNG", "RGBA")
    assert image.getpixel((10, 10)) == (0, 128, 0, 100)


def test_reencode_always_png_keeps_an_opaque_photo_png():
    content, extension = reencode(jpeg_with_gps(), PictureSize.AVATAR, always_png=True)

    image = decoded(content)
    assert (extension, image.format, image.mode, image.size) == ("png", "PNG", "RGB", (400, 267))
    assert not image.getexif()


def test_reencode_of_an_unreadable_file_is_a_validation_error_not_a_crash():
    with pytest.raises(ValidationError) as caught:
        reencode(upload(truncated_jpeg(), "photo.jpg"), PictureSize.DISPLAY)

    assert caught.value.code == "unreadable_picture"
