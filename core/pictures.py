"""The one way a picture comes into the portal: checked by its content, then re-encoded clean.

Every upload field (avatars, project covers and galleries, event covers, city photos) checks
with ``check_picture`` in its form and stores what ``reencode`` gives back, never the upload.
"""

import enum
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .documents import check_size

# Only these decoders ever see an upload: Pillow's other formats are more attack surface.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# For the file inputs' ``accept`` attribute: the browser offers only these.
ACCEPT = "image/jpeg,image/png,image/webp,image/gif"
# 40 megapixels is more than any camera we expect, and 160 MB once decoded in RGBA.
MAX_PIXELS = 40_000_000


class PictureSize(enum.IntEnum):
    """The longest side, in pixels, of each copy the portal keeps."""

    AVATAR = 400
    DISPLAY = 1600
    THUMBNAIL = 480


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The picture is too large in pixels; make it smaller."), code="too_many_pixels"
    )


@contextmanager
def _decoded(upload) -> Iterator[Image.Image]:
    """The upload fully decoded and turned upright, or a ``ValidationError`` saying why not."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Past its own limit Pillow only warns; a picture that large is refused here, and the
            # warning must not escape (under pytest warnings are errors).
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=ACCEPTED_FORMATS) as image:
                # The header tells the size: refuse before anything is decoded.
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels()
                # A full decode: verify() alone lets a truncated file through.
                image.load()
                ImageOps.exif_transpose(image, in_place=True)
                yield image
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            _("Upload a JPEG, PNG, WebP or GIF picture."), code="picture_format"
        ) from error
    except Exception as error:  # broken files raise OSError, ValueError, SyntaxError, struct.error…
        raise ValidationError(
            _("This file is not a picture we can read."), code="unreadable_picture"
        ) from error
    finally:
        upload.seek(0)


def check_picture(upload, *, max_bytes: int) -> None:
    """Refuse what is not a JPEG, PNG, WebP or GIF picture that decodes whole within limits."""
    check_size(upload, max_bytes, too_big=_("The picture is %(size)s; the limit is %(limit)s."))
    with _decoded(upload):
        pass


def reencode(upload, size: PictureSize, *, always_png: bool = False) -> tuple[ContentFile, str]:
    """A copy at most ``size`` pixels on its longest side, without any metadata (EXIF may hold
    where the picture was taken): JPEG, or PNG when transparent or ``always_png``.

    Returns the content and its file extension. Call it on an upload ``check_picture`` passed.
    """
    with _decoded(upload) as image:
        image.thumbnail((size, size))
        transparent = image.has_transparency_data
        clean = image.convert("RGBA" if transparent else "RGB")
    # Nothing of the original's info (EXIF, XMP, comments, ICC text) is written again.
    clean.info = {}
    buffer = BytesIO()
    if transparent or always_png:
        clean.save(buffer, format="PNG", optimize=True)
        extension = "png"
    else:
        clean.save(buffer, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(buffer.getvalue()), extension


def thumbnails_backfill(objects, *, source: str, thumbnail: str) -> tuple[int, int]:
    """Make the missing ``thumbnail`` copies of the ``source`` pictures of ``objects`` (pictures
    stored before the cards had thumbnails). Safe to run again: only missing copies are made.
    Returns (made, unreadable): a picture that cannot be read is left as it is and counted."""
    made = unreadable = 0
    missing = objects.filter(**{thumbnail: ""}).exclude(**{source: ""}).order_by("pk")
    for instance in missing.iterator(chunk_size=200):
        try:
            with getattr(instance, source).open("rb") as original:
                content, extension = reencode(original, PictureSize.THUMBNAIL)
        except (OSError, ValidationError):
            unreadable += 1
            continue
        copy = getattr(instance, thumbnail)
        copy.save(f"cover-thumbnail.{extension}", content, save=False)
        # Only this column: no other field is written, no save signal runs.
        type(instance).objects.filter(pk=instance.pk).update(**{thumbnail: copy.name})
        made += 1
    return made, unreadable
