"""Uploads on the project edit page: broken pictures and disguised or inflating documents get a
form error and change nothing; documents are stored under the type they are."""

import html
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from core import documents
from projects.models import Project, ProjectDocument, ProjectImage
from tests.factories import PDF_BYTES, docx_bytes, project_edit_data, upload, zip_bytes
from tests.factories.bad_pictures import BAD_PICTURES, bad_picture_upload

from .test_project_create import all_errors, not_a, stored_files

pytestmark = pytest.mark.django_db

ZIP_BOMB_ERROR = (
    "This document would unpack to too much data or too many parts (at most 100.0\xa0MB), "
    "which could harm the computers that open it. Save it again, or split it into smaller "
    "documents."
)


def edit_url(project: Project) -> str:
    return f"/en/projects/{project.slug}/edit/"


def post_document(client, project, name: str, content: bytes):
    data = project_edit_data(project, documents=[{"file": upload(name, content), "title": "Data"}])
    return client.post(edit_url(project), data)


def assert_unchanged(project: Project, media_root, private_media_root) -> None:
    project.refresh_from_db()
    assert not project.cover_image
    assert project.revisions.count() == 1
    assert ProjectImage.objects.count() == 0
    assert ProjectDocument.objects.count() == 0
    assert stored_files(media_root) == []
    assert stored_files(private_media_root) == []


def assert_refused(response, key: str, message: str) -> None:
    assert response.status_code == 200
    assert all_errors(response) == {key: [message]}
    assert html.escape(message) in response.content.decode()


# --- Pictures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", BAD_PICTURES)
@pytest.mark.parametrize("target", ["cover", "gallery"])
def test_project_edit_bad_picture_is_a_form_error_and_changes_nothing(
    member_client, public_project, media_root, private_media_root, case, target
):
    picture, message = bad_picture_upload(case)
    if target == "cover":
        data = project_edit_data(public_project, cover_image=picture, cover_alt="A picture")
        key = "cover_image"
    else:
        data = project_edit_data(public_project, images=[{"image": picture, "alt_text": "A"}])
        key = "images-0-image"

    response = member_client.post(edit_url(public_project), data)

    assert_refused(response, key, message)
    assert_unchanged(public_project, media_root, private_media_root)


# --- CSV ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"name,comment\nA,<script>alert(1)</script>\n",
        b"name,comment\nA,<SCRIPT src=//evil.example/x.js></SCRIPT>\n",
        b"<html><body>hello</body></html>\n",
        b"a,b\n1,2\n<!DOCTYPE html>\n",
        b"<?xml version='1.0'?><x/>\n",
        b"a;b\n1;<svg onload=alert(1)>\n",
        b"a;b\n1;<Body onload=alert(1)>\n",
        b"a,b\n1,<iframe src=https://evil.example>\n",
        b"a,b\n1,<a href=javascript:alert(1)>click</a>\n",
        b"a,b\n1,<img src=x onerror=alert(1)>\n",
        b"a,b\n1,<!-- hidden -->\n",
        b"a,b\n1,+ADw-script+AD4-alert(1)+ADw-/script+AD4-\n",
        "a;b\nété;<script>\n".encode("cp1252"),
        # Far down the file: the whole file is read, not only its head.
        b"n,v\n" + b"1,2\n" * 50_000 + b"3,<script>alert(1)</script>\n",
    ],
    ids=[
        "script",
        "script-upper",
        "html",
        "doctype",
        "xml",
        "svg",
        "body",
        "iframe",
        "link",
        "img",
        "comment",
        "utf7-script",
        "cp1252-script",
        "script-after-200-kb",
    ],
)
def test_project_edit_refuses_markup_in_a_csv(
    member_client, public_project, media_root, private_media_root, content
):
    response = post_document(member_client, public_project, "data.csv", content)

    assert_refused(response, "documents-0-file", not_a("a CSV file"))
    assert_unchanged(public_project, media_root, private_media_root)


@pytest.mark.parametrize(
    "content",
    [
        b'name,comment\n"never closed,1\n2,3\n',
        b'name,comment\n"quoted"then text,1\n',
        b"name,comment\nA,\x01\x02\x03\n",
        b"a,b\n" + b"x" * 200_000 + b",1\n",  # one field longer than the csv module allows
        "a,b\n1,2\n".encode("utf-16"),
        b"   \n\n",
    ],
    ids=[
        "unclosed-quote",
        "text-after-quote",
        "control-characters",
        "huge-field",
        "utf-16",
        "blank",
    ],
)
def test_project_edit_refuses_a_csv_that_does_not_parse(
    member_client, public_project, media_root, private_media_root, content
):
    response = post_document(member_client, public_project, "data.csv", content)

    assert_refused(response, "documents-0-file", not_a("a CSV file"))
    assert_unchanged(public_project, media_root, private_media_root)


@pytest.mark.parametrize(
    "content",
    [
        b"hour;users\n8;12\n13;40\n",
        "\ufeffcommune;habitants;remarque\nSaint-Brieuc;44 000;« préfecture »\n".encode(),
        "kommun;invånare\nUmeå;130 000\n".encode("cp1252"),
        b"name,count,note\nA,1\nB,2,x<5 and y > 3\nC\n",  # ragged rows, comparisons
        b'title,quote\nPlan,"He said ""yes"", twice"\n',
        b"Saint-Brieuc\nGrenoble\nUme\xc3\xa5\n",  # one column
    ],
    ids=["semicolons", "utf-8-bom", "cp1252", "ragged-with-comparisons", "quoted", "one-column"],
)
def test_project_edit_accepts_a_real_csv(member_client, public_project, content):
    response = post_document(member_client, public_project, "data.csv", content)

    document = ProjectDocument.objects.get()
    assert response.status_code == 302
    assert (document.content_type, document.original_name) == ("text/csv", "data.csv")
    assert Path(document.file.path).read_bytes() == content


# --- Office and OpenDocument archives -----------------------------------------------------------


def streamed_zip(files: dict[str, int]) -> bytes:
    """A zip whose entries are ``size`` bytes of zeros each, written without holding them."""
    buffer = BytesIO()
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, size in files.items():
            with archive.open(name, "w", force_zip64=True) as entry:
                for _start in range(0, size, len(chunk)):
                    entry.write(chunk[: min(len(chunk), size - _start)])
    return buffer.getvalue()


def test_project_edit_refuses_a_docx_that_inflates_past_100_mb(
    member_client, public_project, media_root, private_media_root
):
    bomb = streamed_zip({"word/document.xml": 150 * 1024 * 1024})
    assert len(bomb) < 1024 * 1024

    response = post_document(member_client, public_project, "report.docx", bomb)

    assert_refused(response, "documents-0-file", ZIP_BOMB_ERROR)
    assert_unchanged(public_project, media_root, private_media_root)


def test_project_edit_refuses_an_archive_part_compressed_more_than_100_times(
    member_client, public_project, media_root, private_media_root
):
    # 5 MB of zeros: far below the total limit, but a ratio of about a thousand.
    response = post_document(
        member_client,
        public_project,
        "budget.xlsx",
        streamed_zip({"xl/workbook.xml": 5 * 1024 * 1024}),
    )

    assert_refused(response, "documents-0-file", ZIP_BOMB_ERROR)
    assert_unchanged(public_project, media_root, private_media_root)


def test_project_edit_accepts_small_parts_that_compress_well(member_client, public_project):
    # Styles and settings may compress a thousand times: below 1 MB that is harmless.
    content = streamed_zip({"word/document.xml": 1024 * 1024 - 1})

    response = post_document(member_client, public_project, "report.docx", content)

    assert response.status_code == 302
    assert ProjectDocument.objects.get().original_name == "report.docx"


def test_project_edit_refuses_an_archive_of_too_many_parts(
    member_client, public_project, media_root, private_media_root
):
    parts = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    parts.update({f"word/media/part{number}.xml": "<p/>" for number in range(2000)})

    response = post_document(member_client, public_project, "report.docx", zip_bytes(parts))

    assert_refused(response, "documents-0-file", ZIP_BOMB_ERROR)
    assert_unchanged(public_project, media_root, private_media_root)


def test_project_edit_refuses_an_archive_whose_parts_add_up_past_the_limit(
    member_client, public_project, media_root, private_media_root, monkeypatch
):
    # The sum is checked on its own, even when no part compresses suspiciously well.
    monkeypatch.setattr(documents, "MAX_UNPACKED_BYTES", 100 * 1024 * 1024 // 1000)
    parts = {"[Content_Types].xml": "<Types/>"}
    parts.update({f"word/part{number}.xml": bytes(range(256)) * 200 for number in range(3)})

    response = post_document(member_client, public_project, "report.docx", zip_bytes(parts))

    assert response.status_code == 200
    assert all_errors(response) == {
        "documents-0-file": [ZIP_BOMB_ERROR.replace("100.0\xa0MB", "102.4\xa0KB")]
    }
    assert_unchanged(public_project, media_root, private_media_root)


def test_project_edit_accepts_an_ordinary_docx(member_client, public_project):
    response = post_document(member_client, public_project, "compte rendu.docx", docx_bytes())

    assert response.status_code == 302
    assert ProjectDocument.objects.get().original_name == "compte-rendu.docx"


# --- Refused when it is not what its name says ----------------------------------------------------


def test_project_edit_refuses_a_pdf_named_csv(
    member_client, public_project, media_root, private_media_root
):
    response = post_document(member_client, public_project, "report.csv", PDF_BYTES)

    assert_refused(response, "documents-0-file", not_a("a CSV file"))
    assert_unchanged(public_project, media_root, private_media_root)


def test_project_edit_refuses_a_csv_named_pdf(
    member_client, public_project, media_root, private_media_root
):
    response = post_document(member_client, public_project, "counts.pdf", b"hour;users\n8;12\n")

    assert_refused(response, "documents-0-file", not_a("a PDF"))
    assert_unchanged(public_project, media_root, private_media_root)


def test_project_edit_stores_a_csv_without_extension_as_a_csv(member_client, public_project):
    response = post_document(member_client, public_project, "counts", b"hour;users\n8;12\n")

    document = ProjectDocument.objects.get()
    assert response.status_code == 302
    assert (document.content_type, document.original_name) == ("text/csv", "counts.csv")
    assert document.file.name.endswith(".csv")
