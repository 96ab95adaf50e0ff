"""Posting a project through /projects/new/: every field, uploads, and bad input refused whole."""

import datetime
from html import unescape
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.enums import Visibility
from projects.enums import ProjectStatus
from projects.models import PendingUpload, Project, ProjectDocument, ProjectImage, ProjectLink
from tests.factories import (
    PDF_BYTES,
    docx_bytes,
    get_city,
    make_membership,
    make_project,
    make_user,
    odt_bytes,
    picture_bytes,
    picture_upload,
    png_claiming,
    project_form_data,
    upload,
    xlsx_bytes,
    zip_bytes,
)
from tests.markup import foreign_scripts
from themes.models import SustainableDevelopmentGoal, Theme

pytestmark = pytest.mark.django_db

NEW = "/en/projects/new/"
DOCUMENT_TYPE_ERROR = (
    "Upload a PDF, an OpenDocument (ODT, ODS, ODP) or Office (DOCX, XLSX, PPTX) document, "
    "or a CSV file."
)
MISMATCH = (
    "Its content does not match its name. Save the document in that format, then choose it again."
)


def not_a(kind: str) -> str:
    """The error for a document whose bytes are not the ``kind`` its name says."""
    return f"This is not {kind}. {MISMATCH}"


OLD_OFFICE_ERROR = (
    "This is an older Office document (DOC, XLS or PPT). Save it as DOCX, XLSX, PPTX or PDF, "
    "then choose it again."
)


def theme_pk(slug: str) -> str:
    return str(Theme.objects.get(slug=slug).pk)


def goal_pk(number: int) -> str:
    return str(SustainableDevelopmentGoal.objects.get(number=number).pk)


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


def all_errors(response) -> dict:
    """Errors of the project form and of every formset form, keyed "field" or "prefix-n-field"."""
    context = response.context
    errors = {key: list(value) for key, value in context["form"].errors.items()}
    for name in ("image_formset", "document_formset", "link_formset"):
        formset = context[name]
        for index, form in enumerate(formset.forms):
            for key, value in form.errors.items():
                errors[f"{formset.prefix}-{index}-{key}"] = list(value)
    return errors


def assert_nothing_saved(media_root, private_media_root, *, kept: int = 0):
    """No project, picture or document; only ``kept`` files that passed their own checks wait,
    privately, for the form to be sent again (``projects.pending``)."""
    assert Project.objects.count() == 0
    assert ProjectImage.objects.count() == 0
    assert ProjectDocument.objects.count() == 0
    assert stored_files(media_root) == []
    assert PendingUpload.objects.count() == kept
    private = stored_files(private_media_root)
    assert len(private) == kept
    assert all(path.parent.name == "pending" for path in private)


# --- The whole form, valid -------------------------------------------------------------------


def test_project_create_saves_every_field_files_links_revision_and_search_text(
    member_client, member, media_root, private_media_root
):
    colleague = make_user(full_name="Marie Colleague")
    make_membership(user=colleague, city="saint-brieuc")
    related = make_project(city="gothenburg", title="Temporary installation on a square")
    data = project_form_data(
        title="Rénovation de la place de la Grille",
        summary="Une place réaménagée avec ses usagers, un été après l'autre.",
        lead_organisation="Saint-Brieuc Armor Agglomération",
        status=ProjectStatus.PLANNED,
        start_date="2024-03-01",
        end_date="2025-09-30",
        themes=[theme_pk("public-spaces"), theme_pk("citizen-participation")],
        sdgs=[goal_pk(5), goal_pk(11)],
        tags="espace public, genre",
        content_language="fr",
        visibility=Visibility.MEMBERS,
        description="**Une place** pour tous les usages.",
        approach="Des ateliers in situ chaque mois.",
        stakeholders="Habitants, commerçants, associations.",
        lessons_learned="Commencer petit.",
        looking_for="Une méthode de comptage des usagers.",
        transferability="Le droit suédois de l'urbanisme diffère.",
        equity="Les riverains supportent le bruit.",
        cover_image=picture_upload("Vue du ciel.jpg", size=(2000, 1000), image_format="JPEG"),
        cover_alt="La place vue du ciel",
        contacts=[str(member.pk), str(colleague.pk)],
        images=[
            {
                "image": picture_upload("atelier.png", size=(1200, 2000)),
                "alt_text": "Un atelier sur la place",
                "caption": "Juin 2024",
            }
        ],
        documents=[
            {"file": upload("Plan guide.pdf", PDF_BYTES, "application/pdf"), "title": "Plan guide"},
            {
                "file": upload("compte rendu.docx", docx_bytes()),
                "title": "Compte rendu",
            },
        ],
        links=[{"to_project": str(related.pk), "note": "The same idea in Gothenburg"}],
    )

    response = member_client.post(NEW, data)

    project = Project.objects.get(title="Rénovation de la place de la Grille")
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/renovation-de-la-place-de-la-grille/"
    assert project.slug == "renovation-de-la-place-de-la-grille"
    assert project.city == get_city("saint-brieuc")
    assert project.author == member
    assert project.summary == "Une place réaménagée avec ses usagers, un été après l'autre."
    assert project.lead_organisation == "Saint-Brieuc Armor Agglomération"
    assert project.status == ProjectStatus.PLANNED
    assert project.start_date == datetime.date(2024, 3, 1)
    assert project.end_date == datetime.date(2025, 9, 30)
    assert sorted(project.themes.values_list("slug", flat=True)) == [
        "citizen-participation",
        "public-spaces",
    ]
    assert sorted(project.sdgs.values_list("number", flat=True)) == [5, 11]
    assert sorted(project.tags.names()) == ["espace public", "genre"]
    assert project.content_language == "fr"
    assert project.visibility == Visibility.MEMBERS
    assert project.description == "**Une place** pour tous les usages."
    assert project.approach == "Des ateliers in situ chaque mois."
    assert project.stakeholders == "Habitants, commerçants, associations."
    assert project.lessons_learned == "Commencer petit."
    assert project.looking_for == "Une méthode de comptage des usagers."
    assert project.transferability == "Le droit suédois de l'urbanisme diffère."
    assert project.equity == "Les riverains supportent le bruit."
    assert project.cover_alt == "La place vue du ciel"
    assert set(project.contacts.all()) == {member, colleague}
    assert project.deleted_at is None
    # Files: the cover and gallery resized, and like the documents in private media: the
    # project is members-only.
    assert project.cover_image.name.startswith("private/projects/covers/")
    with Image.open(project.cover_image.path) as cover:
        assert cover.size == (1600, 800)
    picture = project.images.get()
    assert (picture.alt_text, picture.caption) == ("Un atelier sur la place", "Juin 2024")
    with Image.open(picture.image.path) as display, Image.open(picture.thumbnail.path) as thumb:
        assert display.size == (960, 1600)
        assert thumb.size == (288, 480)
    documents = {d.title: d for d in project.documents.all()}
    assert documents["Plan guide"].original_name == "plan-guide.pdf"
    assert documents["Plan guide"].content_type == "application/pdf"
    assert documents["Plan guide"].size == len(PDF_BYTES)
    assert documents["Plan guide"].uploaded_by == member
    assert documents["Compte rendu"].original_name == "compte-rendu.docx"
    assert documents["Compte rendu"].content_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    for document in documents.values():
        path = Path(document.file.path)
        assert path.is_relative_to(private_media_root)
        assert not path.is_relative_to(media_root)
    assert Path(documents["Plan guide"].file.path).read_bytes() == PDF_BYTES
    assert stored_files(media_root) == []
    # 2 documents, the cover and its thumbnail, the picture and its thumbnail
    assert len(stored_files(private_media_root)) == 6
    link = ProjectLink.objects.get()
    assert (link.from_project, link.to_project, link.created_by) == (project, related, member)
    assert link.note == "The same idea in Gothenburg"
    # Revision 1 and the search data.
    revision = project.revisions.get()
    assert (revision.number, revision.author, revision.changed_fields) == (1, member, [])
    assert revision.snapshot["title"] == "Rénovation de la place de la Grille"
    assert revision.snapshot["tags"] == ["espace public", "genre"]
    assert project.search_text.startswith(
        "renovation de la place de la grille une place reamenagee avec ses usagers"
    )
    assert "espace public genre" in project.search_text
    assert "des ateliers in situ chaque mois" in project.search_text
    assert "saint-brieuc" in project.search_text


def test_project_create_page_shows_the_saved_message(member_client):
    response = member_client.post(NEW, project_form_data(), follow=True)

    html = response.content.decode()
    assert response.redirect_chain == [("/en/projects/place-de-la-grille-experiment/", 302)]
    assert "The project was saved." in html
    assert "<h1>Place de la Grille experiment</h1>" in html


def test_project_create_form_has_the_three_formsets(member_client):
    response = member_client.get(NEW)

    html = response.content.decode()
    assert response.status_code == 200
    for prefix in ("images", "documents", "links"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html
        assert f'name="{prefix}-0-' in html
    assert 'enctype="multipart/form-data"' in html


def test_project_create_with_only_required_fields(member_client, member):
    data = project_form_data(start_date="", end_date="")

    response = member_client.post(NEW, data)

    project = Project.objects.get()
    assert response.status_code == 302
    assert (project.start_date, project.end_date, project.cover_image.name) == (None, None, "")
    assert project.revisions.count() == 1


def test_project_create_gives_a_second_project_of_the_same_title_another_slug(member_client):
    make_project(title="Place de la Grille experiment")

    member_client.post(NEW, project_form_data())

    assert sorted(Project.objects.values_list("slug", flat=True)) == [
        "place-de-la-grille-experiment",
        "place-de-la-grille-experiment-2",
    ]


def test_project_create_titled_new_does_not_take_the_form_url(member_client):
    member_client.post(NEW, project_form_data(title="New"))

    assert Project.objects.get().slug == "new-2"


@pytest.mark.parametrize(
    ("name", "content", "content_type", "stored_name"),
    [
        (
            "tableau.ods",
            zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
            "application/vnd.oasis.opendocument.spreadsheet",
            "tableau.ods",
        ),
        ("notes.odt", odt_bytes(), "application/vnd.oasis.opendocument.text", "notes.odt"),
        (
            "slides.odp",
            zip_bytes({"mimetype": "application/vnd.oasis.opendocument.presentation"}),
            "application/vnd.oasis.opendocument.presentation",
            "slides.odp",
        ),
        (
            "budget.xlsx",
            xlsx_bytes(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "budget.xlsx",
        ),
        (
            "slides.pptx",
            zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "slides.pptx",
        ),
        ("counts.csv", b"hour;users\n8;12\n13;40\n21;7\n", "text/csv", "counts.csv"),
        # A name that claims no type: judged by content alone.
        ("report", PDF_BYTES, "application/pdf", "report.pdf"),
    ],
)
def test_project_create_accepts_each_document_type_by_content(
    member_client, name, content, content_type, stored_name
):
    data = project_form_data(documents=[{"file": upload(name, content), "title": "Attachment"}])

    response = member_client.post(NEW, data)

    document = ProjectDocument.objects.get()
    assert response.status_code == 302
    assert (document.content_type, document.original_name) == (content_type, stored_name)


def test_project_create_keeps_small_pictures_small_and_transparent_ones_png(member_client):
    transparent = Image.new("RGBA", (300, 200), (0, 128, 0, 100))
    buffer = BytesIO()
    transparent.save(buffer, format="PNG")
    data = project_form_data(
        images=[
            {
                "image": SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png"),
                "alt_text": "The project's logo",
            },
            {
                "image": picture_upload("small.gif", size=(40, 30), image_format="GIF"),
                "alt_text": "A",
            },
        ]
    )

    member_client.post(NEW, data)

    logo, small = ProjectImage.objects.order_by("alt_text").reverse()
    assert logo.image.name.endswith(".png")
    with Image.open(logo.image.path) as display, Image.open(logo.thumbnail.path) as thumb:
        assert (display.size, display.mode) == ((300, 200), "RGBA")
        assert thumb.size == (300, 200)
    with Image.open(small.image.path) as display:
        assert display.size == (40, 30)


def test_project_create_strips_picture_metadata(member_client):
    image = Image.effect_noise((120, 80), 40).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    data = project_form_data(
        images=[
            {
                "image": SimpleUploadedFile("photo.jpg", buffer.getvalue(), "image/jpeg"),
                "alt_text": "A photo",
            }
        ]
    )

    member_client.post(NEW, data)

    picture = ProjectImage.objects.get()
    assert b"SecretCam" not in Path(picture.image.path).read_bytes()
    assert b"SecretCam" not in Path(picture.thumbnail.path).read_bytes()


# --- Bad input: a clear form error, nothing saved -------------------------------------------


def test_project_create_end_before_start_is_refused(member_client, media_root, private_media_root):
    data = project_form_data(start_date="2024-06-01", end_date="2024-05-31")

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert all_errors(response) == {"end_date": ["The end date cannot be before the start date."]}
    assert "The end date cannot be before the start date." in response.content.decode()
    assert "The project was not saved: please correct the errors below." in (
        response.content.decode()
    )
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_without_theme_is_refused(member_client, media_root, private_media_root):
    data = project_form_data(themes=[])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"themes": ["Choose at least one theme."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_with_unknown_theme_id_is_refused(
    member_client, media_root, private_media_root
):
    data = project_form_data(themes=["999999"])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"themes": ["Choose themes from the list."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_with_non_numeric_theme_is_refused(
    member_client, media_root, private_media_root
):
    data = project_form_data(themes=["innovation"])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"themes": ["Choose themes from the list."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_with_unknown_goal_is_refused(member_client, media_root, private_media_root):
    data = project_form_data(sdgs=["999999"])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"sdgs": ["Choose goals from the list."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_for_another_city_is_refused(member_client, media_root, private_media_root):
    data = project_form_data(city=str(get_city("gothenburg").pk))

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert all_errors(response) == {"city": ["You can only post projects for your own city."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_offers_only_the_members_city(member_client):
    response = member_client.get(NEW)

    choices = list(response.context["form"].fields["city"].queryset)
    assert choices == [get_city("saint-brieuc")]


def test_project_create_with_a_contact_from_another_city_is_refused(
    member_client, other_city_member, media_root, private_media_root
):
    data = project_form_data(contacts=[str(other_city_member.pk)])

    response = member_client.post(NEW, data)

    errors = all_errors(response)
    assert list(errors) == ["contacts"]
    assert "is not one of the available choices" in errors["contacts"][0]
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_with_a_pending_member_as_contact_is_refused(
    member_client, outsider, media_root, private_media_root
):
    data = project_form_data(contacts=[str(outsider.pk)])

    response = member_client.post(NEW, data)

    assert list(all_errors(response)) == ["contacts"]
    assert_nothing_saved(media_root, private_media_root)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "This field is required."),
        ("summary", "", "This field is required."),
        ("lead_organisation", "", "This field is required."),
        ("status", "paused", "Select a valid choice. paused is not one of the available choices."),
        (
            "visibility",
            "secret",
            "Select a valid choice. secret is not one of the available choices.",
        ),
        (
            "content_language",
            "de",
            "Select a valid choice. de is not one of the available choices.",
        ),
        ("start_date", "2024-13-45", "Enter a valid date."),
        ("summary", "x" * 501, "Ensure this value has at most 500 characters (it has 501)."),
    ],
)
def test_project_create_with_a_bad_field_is_refused(
    member_client, media_root, private_media_root, field, value, message
):
    response = member_client.post(NEW, project_form_data(**{field: value}))

    assert all_errors(response) == {field: [message]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_markdown_script_is_never_rendered(member_client):
    description = (
        "<script>alert('x')</script>\n\n"
        "**Bold** and <img src=x onerror=alert(1)> and [a link](javascript:alert(2))\n\n"
        '<a href="https://example.org" onclick="alert(3)">fine</a>'
    )
    member_client.post(
        NEW, project_form_data(description=description, approach="<script>x</script>")
    )
    project = Project.objects.get()

    response = member_client.get(project.get_absolute_url())

    html = response.content.decode()
    assert project.description == description  # kept as written, sanitised when shown
    assert foreign_scripts(html) == []
    assert "onerror" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<strong>Bold</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">fine</a>' in html


# --- Bad uploads ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        (
            "setup.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
            "a PDF",
        ),
        (
            "page.pdf",
            b"<!DOCTYPE html>\n<html>\n<body><script>alert(1)</script></body>\n</html>\n",
            "a PDF",
        ),
        (
            "archive.docx",
            zip_bytes({"readme.txt": "not an office document"}),
            "a Word document (DOCX)",
        ),
        ("picture.pdf", picture_bytes(), "a PDF"),
        ("broken.xlsx", b"PK\x03\x04 this is not really a zip file", "an Excel spreadsheet (XLSX)"),
        ("counts.pdf", b"hour;users\n8;12\n", "a PDF"),
        ("report.csv", PDF_BYTES, "a CSV file"),
        ("slides.pptx", docx_bytes(), "a PowerPoint presentation (PPTX)"),
        ("minutes.odt", PDF_BYTES, "an OpenDocument text (ODT)"),
    ],
    ids=[
        "renamed-exe",
        "html",
        "plain-zip",
        "png",
        "broken-zip",
        "csv-named-pdf",
        "pdf-named-csv",
        "docx-named-pptx",
        "pdf-named-odt",
    ],
)
def test_project_create_refuses_a_document_that_is_not_what_its_name_says(
    member_client, media_root, private_media_root, name, content, kind
):
    data = project_form_data(documents=[{"file": upload(name, content), "title": "Attachment"}])

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert all_errors(response) == {"documents-0-file": [not_a(kind)]}
    assert f"This is not {kind}." in unescape(response.content.decode())
    assert_nothing_saved(media_root, private_media_root)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "setup",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
            "application/octet-stream",
        ),
        ("page.html", b"<!DOCTYPE html>\n<html><body>hello</body></html>\n", "text/html"),
        ("archive.zip", zip_bytes({"readme.txt": "not an office document"}), "application/zip"),
    ],
    ids=["exe-without-extension", "html", "plain-zip"],
)
def test_project_create_refuses_a_document_of_the_wrong_type(
    member_client, media_root, private_media_root, name, content, content_type
):
    data = project_form_data(
        documents=[{"file": upload(name, content, content_type), "title": "Attachment"}]
    )

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert all_errors(response) == {"documents-0-file": [DOCUMENT_TYPE_ERROR]}
    assert DOCUMENT_TYPE_ERROR in response.content.decode()
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_refuses_a_pdf_declared_as_a_spreadsheet(
    member_client, media_root, private_media_root
):
    # No extension: the type the browser declared is what the file claims to be.
    spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    data = project_form_data(
        documents=[{"file": upload("budget", PDF_BYTES, spreadsheet), "title": "Budget"}]
    )

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"documents-0-file": [not_a("an Excel spreadsheet (XLSX)")]}
    assert_nothing_saved(media_root, private_media_root)


@pytest.mark.parametrize("name", ["old.doc", "old.pdf", "old"])
def test_project_create_says_an_old_office_document_must_be_saved_again(
    member_client, media_root, private_media_root, name
):
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    data = project_form_data(documents=[{"file": upload(name, content), "title": "Old"}])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"documents-0-file": [OLD_OFFICE_ERROR]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_refuses_an_empty_document(member_client, media_root, private_media_root):
    data = project_form_data(documents=[{"file": upload("empty.pdf", b""), "title": "Empty"}])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"documents-0-file": ["The submitted file is empty."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_refuses_a_document_over_20_mb(
    member_client, media_root, private_media_root
):
    content = PDF_BYTES + b"\x00" * (20 * 1024 * 1024 + 1 - len(PDF_BYTES))
    data = project_form_data(documents=[{"file": upload("big.pdf", content), "title": "Big"}])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {
        "documents-0-file": ["The file is 20.0\xa0MB; the limit is 20.0\xa0MB."]
    }
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_accepts_a_document_of_exactly_20_mb(member_client, private_media_root):
    content = PDF_BYTES + b"\x00" * (20 * 1024 * 1024 - len(PDF_BYTES))
    data = project_form_data(documents=[{"file": upload("big.pdf", content), "title": "Big"}])

    response = member_client.post(NEW, data)

    assert response.status_code == 302
    assert ProjectDocument.objects.get().size == 20 * 1024 * 1024


def test_project_create_document_needs_a_title(member_client, media_root, private_media_root):
    data = project_form_data(documents=[{"file": upload("plan.pdf", PDF_BYTES), "title": ""}])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"documents-0-title": ["This field is required."]}
    assert_nothing_saved(media_root, private_media_root, kept=1)


INVALID_IMAGE = (
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (PDF_BYTES, INVALID_IMAGE),
        (b"MZ\x90\x00" + b"\x00" * 200, INVALID_IMAGE),
        (picture_bytes()[:60], INVALID_IMAGE),  # truncated PNG
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", INVALID_IMAGE),
        (png_claiming(8000, 6000), "The picture is too large in pixels; make it smaller."),
        (png_claiming(50000, 50000), INVALID_IMAGE),
    ],
    ids=["empty", "pdf", "exe", "truncated", "svg", "48-megapixels", "bomb-50000x50000"],
)
@pytest.mark.parametrize("target", ["cover", "gallery"])
def test_project_create_refuses_a_bad_picture(
    member_client, media_root, private_media_root, content, message, target
):
    bad = SimpleUploadedFile("picture.png", content, "image/png")
    if target == "cover":
        data = project_form_data(cover_image=bad, cover_alt="A picture")
        key = "cover_image"
    else:
        data = project_form_data(images=[{"image": bad, "alt_text": "A picture"}])
        key = "images-0-image"

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert all_errors(response) == {key: [message]}
    assert message in response.content.decode()
    assert_nothing_saved(media_root, private_media_root)


@pytest.mark.parametrize("target", ["cover", "gallery"])
def test_project_create_refuses_a_picture_over_10_mb(
    member_client, media_root, private_media_root, target
):
    content = picture_bytes((20, 20))
    content += b"\x00" * (10 * 1024 * 1024 + 1 - len(content))
    bad = SimpleUploadedFile("heavy.png", content, "image/png")
    if target == "cover":
        data = project_form_data(cover_image=bad, cover_alt="A picture")
        key = "cover_image"
    else:
        data = project_form_data(images=[{"image": bad, "alt_text": "A picture"}])
        key = "images-0-image"

    response = member_client.post(NEW, data)

    assert all_errors(response) == {key: ["The picture is 10.0\xa0MB; the limit is 10.0\xa0MB."]}
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_cover_without_description_is_refused(
    member_client, media_root, private_media_root
):
    data = project_form_data(cover_image=picture_upload(), cover_alt="  ")

    response = member_client.post(NEW, data)

    assert all_errors(response) == {
        "cover_alt": ["Describe the cover image for people who cannot see it."]
    }
    assert_nothing_saved(media_root, private_media_root, kept=1)


def test_project_create_gallery_picture_without_description_is_refused(
    member_client, media_root, private_media_root
):
    data = project_form_data(images=[{"image": picture_upload(), "alt_text": ""}])

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"images-0-alt_text": ["This field is required."]}
    assert_nothing_saved(media_root, private_media_root, kept=1)


def test_project_create_with_an_unknown_related_project_is_refused(
    member_client, media_root, private_media_root
):
    data = project_form_data(links=[{"to_project": "999999", "note": ""}])

    response = member_client.post(NEW, data)

    assert list(all_errors(response)) == ["links-0-to_project"]
    assert_nothing_saved(media_root, private_media_root)


def test_project_create_linking_a_project_twice_is_refused(
    member_client, media_root, private_media_root
):
    other = make_project(city="gothenburg")
    data = project_form_data(
        links=[{"to_project": str(other.pk)}, {"to_project": str(other.pk)}],
    )

    response = member_client.post(NEW, data)

    assert all_errors(response) == {"links-1-to_project": ["This project is already linked."]}
    assert Project.objects.count() == 1
    assert ProjectLink.objects.count() == 0


def test_project_create_refuses_a_deleted_project_as_related(member_client, member):
    other = make_project(city="gothenburg", deleted_at=timezone.now())
    data = project_form_data(links=[{"to_project": str(other.pk)}])

    response = member_client.post(NEW, data)

    assert list(all_errors(response)) == ["links-0-to_project"]
    assert Project.objects.count() == 1


def test_project_create_failure_in_the_service_leaves_nothing_behind(
    member_client, media_root, private_media_root, monkeypatch
):
    def broken(*args, **kwargs):
        from django.core.exceptions import ValidationError

        raise ValidationError("The search index is unavailable.")

    monkeypatch.setattr("projects.services.project_saved", broken)
    data = project_form_data(
        documents=[{"file": upload("plan.pdf", PDF_BYTES), "title": "Plan"}],
        images=[{"image": picture_upload(), "alt_text": "A picture"}],
    )

    response = member_client.post(NEW, data)

    assert response.status_code == 200
    assert "The search index is unavailable." in response.content.decode()
    assert Project.objects.count() == 0
    assert ProjectDocument.objects.count() == 0
    assert ProjectImage.objects.count() == 0
