"""Files that look like pictures and are not, or would take too much to decode."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from .images import image_bytes
from .projects import png_claiming

INVALID_IMAGE = (
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
)
UNREADABLE = "This file is not a picture we can read."
TOO_MANY_PIXELS = "The picture is too large in pixels; make it smaller."


def truncated_jpeg() -> bytes:
    """A real JPEG cut in the middle of its image data, as an interrupted upload leaves it."""
    content = image_bytes(size=(200, 150), image_format="JPEG")
    return content[: len(content) // 2]


def truncated_png() -> bytes:
    content = image_bytes(size=(200, 150), image_format="PNG")
    return content[: len(content) // 2]


def corrupt_jpeg() -> bytes:
    """A JPEG's headers followed by rubbish: it opens, but cannot be decoded."""
    return image_bytes(size=(200, 150), image_format="JPEG")[:600] + b"\x00" * 2000


def bomb_png() -> bytes:
    """79 bytes claiming 30000 x 30000 pixels: 3.6 GB once decoded."""
    return png_claiming(30000, 30000)


def soft_bomb_png() -> bytes:
    """100 megapixels: past Pillow's warning, short of its own refusal."""
    return png_claiming(10000, 10000)


def big_png() -> bytes:
    """A real picture of 48 megapixels, small on disk."""
    buffer = BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, format="PNG")
    return buffer.getvalue()


# (file name, content, the form error) for every upload field; Django's own image check
# answers first for what Pillow cannot even open, ours for the rest.
BAD_PICTURES = {
    "truncated-jpeg": ("photo.jpg", truncated_jpeg, UNREADABLE),
    "truncated-png": ("photo.png", truncated_png, INVALID_IMAGE),
    "corrupt-jpeg": ("photo.jpg", corrupt_jpeg, UNREADABLE),
    "text-named-jpg": ("photo.jpg", lambda: b"This is not a picture.\n" * 40, INVALID_IMAGE),
    "bomb-30000x30000": ("bomb.png", bomb_png, INVALID_IMAGE),
    "48-megapixels": ("huge.png", big_png, TOO_MANY_PIXELS),
}


def bad_picture_upload(case: str) -> tuple[SimpleUploadedFile, str]:
    """The upload of one of ``BAD_PICTURES`` and the error the form must give."""
    name, content, message = BAD_PICTURES[case]
    content_type = "image/png" if name.endswith(".png") else "image/jpeg"
    return SimpleUploadedFile(name, content(), content_type), message


def jpeg_with_gps() -> SimpleUploadedFile:
    """A photo whose EXIF tells where it was taken."""
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 30.0, 0.0), 3: "W", 4: (2.0, 45.0, 0.0)}  # GPS
    content = image_bytes(size=(600, 400), image_format="JPEG", exif=exif)
    return SimpleUploadedFile("holiday.jpg", content, "image/jpeg")
