"""Projects, comments, uploads and project-form data for the tests."""

import itertools
import struct
import zipfile
import zlib
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Concat
from PIL import Image
from taggit.models import Tag, TaggedItem
from taggit.utils import edit_string_for_tags

from accounts.models import User
from cities.models import City
from core.concurrency import VERSION_FIELD
from core.enums import ContentLanguage, Visibility
from projects.enums import ProjectStatus
from projects.forms import ProjectForm
from projects.matching import update_matches
from projects.models import Comment, Project, ProjectDocument
from projects.search import fold
from projects.services import project_saved, unique_slug
from themes.models import SustainableDevelopmentGoal, Theme

from .cities import get_city

_sequence = itertools.count(1)


def make_project(
    *,
    city: City | str = "saint-brieuc",
    author: User | None = None,
    themes: tuple[str, ...] = ("public-spaces",),
    sdgs: tuple[int, ...] = (),
    tags: tuple[str, ...] = (),
    contacts: tuple[User, ...] = (),
    **fields,
) -> Project:
    """A project saved as the form would save it: indexed for search, with revision 1, and in
    the peer matches (what the task queued on commit does, done at once: a test's transaction
    never commits)."""
    number = next(_sequence)
    values = {
        "title": f"Test project {number}",
        "summary": f"What test project {number} tries.",
        "lead_organisation": "The city",
        "content_language": "en",
        "visibility": Visibility.PUBLIC,
        "status": ProjectStatus.ONGOING,
    }
    values.update(fields)
    values.setdefault("slug", unique_slug(values["title"]))
    project = Project.objects.create(
        city=get_city(city) if isinstance(city, str) else city, author=author, **values
    )
    project.themes.set(Theme.objects.filter(slug__in=themes))
    project.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
    project.tags.set(list(tags))
    project.contacts.set(contacts)
    project_saved(project=project, user=author)
    update_matches(project.pk)
    return project


def make_comment(*, project: Project, author: User, body: str = "A comment.", **fields) -> Comment:
    fields.setdefault("content_language", ContentLanguage.ENGLISH)
    return Comment.objects.create(project=project, author=author, body=body, **fields)


def bulk_projects(
    count: int,
    *,
    cities: tuple[str, ...] = ("saint-brieuc", "gothenburg"),
    themes: tuple[str, ...] = ("public-spaces", "innovation"),
    sdgs: tuple[int, ...] = (11,),
    tags: tuple[str, ...] = ("mobility",),
    word: str = "bulk",
    **fields,
) -> list[Project]:
    """``count`` projects in a handful of queries, with themes, goals, tags and search data."""
    start = next(_sequence)
    city_objects = [get_city(slug) for slug in cities]
    projects = []
    for index in range(count):
        number = start * 10_000 + index
        title = f"{word.capitalize()} project {number}"
        summary = f"A {word} summary number {number}."
        projects.append(
            Project(
                city=city_objects[index % len(city_objects)],
                title=title,
                slug=f"{word}-project-{number}",
                lead_organisation="The city",
                summary=summary,
                content_language="en",
                visibility=Visibility.PUBLIC,
                status=list(ProjectStatus.values)[index % 3],
                search_text=fold(f"{title} {summary}"),
                **fields,
            )
        )
    projects = Project.objects.bulk_create(projects)
    theme_objects = list(Theme.objects.filter(slug__in=themes))
    goal_objects = list(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
    Project.themes.through.objects.bulk_create(
        Project.themes.through(project_id=p.pk, theme_id=t.pk)
        for p in projects
        for t in theme_objects
    )
    Project.sdgs.through.objects.bulk_create(
        Project.sdgs.through(project_id=p.pk, sustainabledevelopmentgoal_id=g.pk)
        for p in projects
        for g in goal_objects
    )
    content_type = ContentType.objects.get_for_model(Project)
    tag_objects = [
        Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in tags
    ]
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=tag, content_type=content_type, object_id=p.pk)
        for p in projects
        for tag in tag_objects
    )
    if connection.vendor == "postgresql":
        text = Concat("title", Value(" "), "summary")
        Project.objects.filter(pk__in=[p.pk for p in projects]).update(
            search_vector=SearchVector(text, config="alliance_en")
        )
    return projects


# --- Uploads -------------------------------------------------------------------------------


def picture_bytes(size: tuple[int, int] = (64, 48), image_format: str = "PNG") -> bytes:
    """A colourful picture drawn by Pillow in C: fast and small at any size."""
    red = Image.linear_gradient("L").resize(size)
    green = Image.linear_gradient("L").rotate(90).resize(size)
    blue = Image.radial_gradient("L").resize(size)
    image = Image.merge("RGB", (red, green, blue))
    buffer = BytesIO()
    image.save(buffer, format=image_format)
    return buffer.getvalue()


def picture_upload(
    name: str = "square.png", *, size: tuple[int, int] = (64, 48), image_format: str = "PNG"
) -> SimpleUploadedFile:
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}[image_format]
    return SimpleUploadedFile(name, picture_bytes(size, image_format), content_type)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels, like a decompression bomb."""
    data = bytearray(picture_bytes((2, 2)))
    # Bytes 16-24 are IHDR's width and height; 29-33 the chunk's CRC over type and data.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    return bytes(data)


PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def zip_bytes(files: dict[str, bytes | str]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "word/document.xml": '<?xml version="1.0"?><w:document/>',
        }
    )


def odt_bytes() -> bytes:
    return zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": '<?xml version="1.0"?><office:document-content/>',
        }
    )


def xlsx_bytes() -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "xl/workbook.xml": '<?xml version="1.0"?><workbook/>',
        }
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)


# --- Form data -----------------------------------------------------------------------------


def formset_data(prefix: str, forms: list[dict] = (), *, initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, form in enumerate(forms):
        data.update({f"{prefix}-{index}-{key}": value for key, value in form.items()})
    return data


def project_form_data(
    *,
    images: list[dict] = (),
    documents: list[dict] = (),
    links: list[dict] = (),
    initial: dict | None = None,
    **fields,
) -> dict:
    """POST data of /projects/new/ (or edit) with the three formsets, valid unless overridden.

    ``initial`` maps a formset prefix to how many of its forms edit existing objects.
    """
    initial = initial or {}
    data = {
        "city": str(get_city("saint-brieuc").pk),
        "title": "Place de la Grille experiment",
        "summary": "A square redesigned with its users, one summer at a time.",
        "lead_organisation": "Saint-Brieuc Armor Agglomération",
        "status": ProjectStatus.ONGOING,
        "start_date": "2024-03-01",
        "end_date": "",
        "themes": [str(Theme.objects.get(slug="public-spaces").pk)],
        "content_language": "en",
        "visibility": Visibility.PUBLIC,
    }
    data.update(fields)
    data.update(formset_data("images", list(images), initial=initial.get("images", 0)))
    data.update(formset_data("documents", list(documents), initial=initial.get("documents", 0)))
    data.update(formset_data("links", list(links), initial=initial.get("links", 0)))
    return {key: value for key, value in data.items() if value is not None}


def make_document(
    *,
    project: Project,
    title: str = "Plan guide",
    content: bytes = PDF_BYTES,
    original_name: str = "plan-guide.pdf",
    content_type: str = "application/pdf",
):
    """A document stored in private media, as the form stores it."""
    document = ProjectDocument(
        project=project,
        title=title,
        original_name=original_name,
        content_type=content_type,
        size=len(content),
    )
    document.file.save(original_name, ContentFile(content), save=False)
    document.save()
    return document


def project_edit_version(project: Project) -> str:
    """The version token the edit page gives ``project`` as it is stored now."""
    stored = Project.objects.get(pk=project.pk)  # the test's copy may be out of date
    form = ProjectForm(
        instance=stored, user=stored.author, cities=City.objects.filter(pk=stored.city_id)
    )
    return form[VERSION_FIELD].value()


def project_edit_data(project: Project, **fields) -> dict:
    """POST data of …/edit/ as the form shows ``project`` (empty formsets), ``fields`` changed."""
    values = {
        VERSION_FIELD: project_edit_version(project),
        "city": str(project.city_id),
        "title": project.title,
        "summary": project.summary,
        "lead_organisation": project.lead_organisation,
        "status": project.status,
        "start_date": project.start_date.isoformat() if project.start_date else "",
        "end_date": project.end_date.isoformat() if project.end_date else "",
        "themes": [str(pk) for pk in project.themes.values_list("pk", flat=True)],
        "sdgs": [str(pk) for pk in project.sdgs.values_list("pk", flat=True)],
        "tags": edit_string_for_tags(list(project.tags.all())),
        "content_language": project.content_language,
        "visibility": project.visibility,
        "description": project.description,
        "approach": project.approach,
        "stakeholders": project.stakeholders,
        "lessons_learned": project.lessons_learned,
        "looking_for": project.looking_for,
        "transferability": project.transferability,
        "equity": project.equity,
        "cover_alt": project.cover_alt,
        "contacts": [str(pk) for pk in project.contacts.values_list("pk", flat=True)],
    }
    values.update(fields)
    return project_form_data(**values)
