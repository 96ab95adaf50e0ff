"""Checks of uploaded pictures and documents by their content, not their name."""

import csv
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_IMAGE_PIXELS = 40_000_000

ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}
OOXML_TYPES = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}


def check_size(upload, limit: int) -> None:
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )


def check_image(upload, limit: int) -> None:
    """A real JPEG, PNG, WebP or GIF picture of reasonable size and dimensions."""
    check_size(upload, limit)
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in IMAGE_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF picture."), code="format")
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The picture is too large in pixels; make it smaller."), code="pixels"
                )
            image.verify()
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds, bombs included
        raise ValidationError(
            _("This file is not a picture we can read."), code="invalid_image"
        ) from error
    finally:
        upload.seek(0)


def _zip_type(head: bytes, upload) -> tuple[str, str] | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in ODF_TYPES:
                    return mimetype, ODF_TYPES[mimetype]
            if "[Content_Types].xml" in names:
                for prefix, kind in OOXML_TYPES.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def _csv_type(head: bytes) -> tuple[str, str] | None:
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return None
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines or any(ord(char) < 9 for char in text):
        return None
    try:
        csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t")
    except csv.Error:
        if len(lines) > 1:
            return None
    return "text/csv", ".csv"


def detect_document_type(upload) -> tuple[str, str]:
    """Return (content type, extension) of an accepted document, judged by its bytes."""
    upload.seek(0)
    head = upload.read(64 * 1024)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    kind = _zip_type(head, upload) or (None if head[:2] == b"MZ" else _csv_type(head))
    upload.seek(0)
    if kind is None:
        raise ValidationError(
            _(
                "Upload a PDF, an OpenDocument (ODT, ODS, ODP) or Office (DOCX, XLSX, PPTX) "
                "document, or a CSV file."
            ),
            code="document_type",
        )
    return kind
