from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

CONTENT_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


def image_bytes(*, size: tuple[int, int] = (800, 600), image_format: str = "PNG", **save) -> bytes:
    """A real picture drawn in memory; noisy enough that PNG cannot squeeze it to nothing."""
    width, height = size
    image = Image.new("RGB", size)
    image.putdata(
        [
            ((x * 7 + y * 3) % 256, (x * y) % 256, (x * 13 + y * 29) % 256)
            for y in range(height)
            for x in range(width)
        ]
    )
    buffer = BytesIO()
    image.save(buffer, format=image_format, **save)
    return buffer.getvalue()


def image_upload(
    name: str = "portrait.png", *, size: tuple[int, int] = (800, 600), image_format: str = "PNG"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, image_bytes(size=size, image_format=image_format), CONTENT_TYPES[image_format]
    )
