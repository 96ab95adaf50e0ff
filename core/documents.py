"""What a document is, judged by its bytes, not by its name: PDF, OpenDocument, Office or CSV;
and a document whose bytes are not what its name says is refused, saying which it claimed."""

import csv
import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
CSV_TYPE = ("text/csv", ".csv")
PDF_TYPE = ("application/pdf", ".pdf")

# Office and OpenDocument files are zip archives: whoever opens one inflates it. A real report
# stays far below these; a zip bomb does not.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_COMPRESSION_RATIO = 100
# Small parts (styles, settings) may compress very well without harm.
RATIO_CHECKED_FROM_BYTES = 1024 * 1024

# What makes a browser take text for a web page (WHATWG MIME sniffing, and older browsers that
# looked anywhere in the file), or an SVG or XML document with scripts. Anywhere in the file,
# any case: a CSV never needs these.
MARKUP = re.compile(
    rb"</?(?:!doctype|\?xml|html|head|body|script|iframe|frame|frameset|object|embed|applet|svg"
    rb"|math|xml|style|link|meta|base|title|table|div|font|form|img|a|b|br|p|h[1-6])(?=[\s/>]|$)"
    rb"|<!--|<!\[CDATA\["
    # "<" in UTF-7, which old browsers could be made to decode.
    rb"|\+ADw-",
    re.IGNORECASE,
)


def check_size(upload, limit: int, *, too_big: str | None = None) -> None:
    """Refuse an empty upload or one over ``limit`` bytes; ``too_big`` words the second case
    (with %(size)s and %(limit)s)."""
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            (too_big or _("The file is %(size)s; the limit is %(limit)s."))
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )


def _zip_bomb_error() -> ValidationError:
    return ValidationError(
        _(
            "This document would unpack to too much data or too many parts (at most "
            "%(limit)s), which could harm the computers that open it. Save it again, or split "
            "it into smaller documents."
        )
        % {"limit": filesizeformat(MAX_UNPACKED_BYTES)},
        code="zip_bomb",
    )


def _check_inflation(archive: zipfile.ZipFile) -> None:
    """Refuse an archive that would inflate past the limits: judged by what its directory
    declares, before anything is inflated."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _zip_bomb_error()
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _zip_bomb_error()
    for entry in entries:
        if entry.file_size >= RATIO_CHECKED_FROM_BYTES and (
            entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
        ):
            raise _zip_bomb_error()


def _zip_type(upload) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            _check_inflation(archive)
            names = archive.namelist()
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    # A few bytes are enough; never inflate more than that.
                    mimetype = entry.read(100).decode("ascii", "replace").strip()
                if mimetype in ODF_TYPES:
                    return mimetype, ODF_TYPES[mimetype]
            if "[Content_Types].xml" in names:
                for prefix, kind in OOXML_TYPES.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None
    return None


def _decoded_text(content: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _csv_type(upload) -> tuple[str, str] | None:
    """CSV only when the whole file is text that parses as CSV and holds no markup."""
    upload.seek(0)
    content = upload.read()
    if b"\x00" in content or MARKUP.search(content):
        return None
    text = _decoded_text(content)
    if text is None or not text.strip():
        return None
    # Control characters other than tab, line feed and carriage return: not a text file.
    if any(ord(char) < 32 and char not in "\t\n\r" for char in text):
        return None
    try:
        delimiter = csv.Sniffer().sniff(text[: 16 * 1024], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","  # one column, or a single line
    # Only the delimiter is guessed; quoting is the usual one (RFC 4180), and strictly so.
    try:
        for _row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return None
    return CSV_TYPE


# What a file claims to be, by the end of its name or (without one we know) by the type the
# browser declared, and the sentence that says it is not.
NOT_WHAT_IT_SAYS = {
    ".pdf": gettext_lazy("This is not a PDF."),
    ".odt": gettext_lazy("This is not an OpenDocument text (ODT)."),
    ".ods": gettext_lazy("This is not an OpenDocument spreadsheet (ODS)."),
    ".odp": gettext_lazy("This is not an OpenDocument presentation (ODP)."),
    ".docx": gettext_lazy("This is not a Word document (DOCX)."),
    ".xlsx": gettext_lazy("This is not an Excel spreadsheet (XLSX)."),
    ".pptx": gettext_lazy("This is not a PowerPoint presentation (PPTX)."),
    ".csv": gettext_lazy("This is not a CSV file."),
}
DECLARED_TYPES = {
    content_type: extension
    for content_type, extension in [PDF_TYPE, CSV_TYPE, *ODF_TYPES.items(), *OOXML_TYPES.values()]
}
# Word, Excel and PowerPoint before 2007 (OLE compound files): not accepted, but said so.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def claimed_extension(upload) -> str | None:
    """The kind of document ``upload`` says it is (".pdf"…), or None when it says nothing we
    accept: the end of its name first, then the content type the browser declared."""
    name = (getattr(upload, "name", "") or "").lower()
    extension = "." + name.rsplit(".", 1)[1] if "." in name else ""
    if extension in NOT_WHAT_IT_SAYS:
        return extension
    declared = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    return DECLARED_TYPES.get(declared)


def _content_type(upload) -> tuple[str, str] | None:
    upload.seek(0)
    head = upload.read(8)
    if head.startswith(b"%PDF-"):
        return PDF_TYPE
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(upload)
    if head.startswith(b"MZ"):  # a Windows program
        return None
    if head.startswith(OLE_SIGNATURE):
        raise ValidationError(
            _(
                "This is an older Office document (DOC, XLS or PPT). Save it as DOCX, XLSX, "
                "PPTX or PDF, then choose it again."
            ),
            code="old_office",
        )
    return _csv_type(upload)


def detect_document_type(upload) -> tuple[str, str]:
    """Return (content type, extension) of an accepted document, judged by its bytes.

    A document whose bytes are not what its name (or declared type) says is refused, saying
    so: an HTML page renamed report.pdf is "not a PDF", never stored as something else.
    """
    try:
        kind = _content_type(upload)
    finally:
        upload.seek(0)
    claimed = claimed_extension(upload)
    if claimed is not None and (kind is None or kind[1] != claimed):
        advice = _(
            "Its content does not match its name. Save the document in that format, then "
            "choose it again."
        )
        raise ValidationError(f"{NOT_WHAT_IT_SAYS[claimed]} {advice}", code="not_what_it_says")
    if kind is None:
        raise ValidationError(
            _(
                "Upload a PDF, an OpenDocument (ODT, ODS, ODP) or Office (DOCX, XLSX, PPTX) "
                "document, or a CSV file."
            ),
            code="document_type",
        )
    return kind
