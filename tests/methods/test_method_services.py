"""``methods.services``: a method saved with its revisions and attachments, all or nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.concurrency import EditConflict, version_of
from methods.models import Method, MethodDocument, MethodRevision
from methods.services import DocumentChange, method_delete, method_save
from projects.models import ProjectMethod
from tests.factories import PDF_BYTES, get_city, make_project
from tests.factories.methods import make_method, make_method_document, make_method_use
from themes.models import Theme

pytestmark = pytest.mark.django_db

DATA = {
    "title": "Temporary installation to test a public space",
    "purpose": "Try the furniture for a summer before the works.",
    "kind": "method",
    "content_language": "en",
    "visibility": "public",
}


def pdf(name="walk.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, "application/pdf")


def test_method_save_creates_the_method_with_a_unique_slug_and_revision_1(member):
    first = method_save(data=DATA, themes=Theme.objects.filter(slug="public-spaces"), user=member)
    second = method_save(data=DATA, user=member)

    assert first.slug == "temporary-installation-to-test-a-public-space"
    assert second.slug == "temporary-installation-to-test-a-public-space-2"
    assert first.author == member
    revision = first.revisions.get()
    assert (revision.number, revision.changed_fields, revision.author) == (1, [], member)
    assert revision.snapshot["title"] == DATA["title"]
    assert revision.snapshot["themes"] == [Theme.objects.get(slug="public-spaces").pk]


def test_method_save_never_takes_the_address_of_the_form(member):
    method = method_save(data={**DATA, "title": "New"}, user=member)

    assert method.slug == "new-2"


def test_each_save_is_a_numbered_revision_with_its_changed_fields(member, other_city_member):
    method = make_method(author=member, title="Safety walk", tags=("gender",))

    method_save(
        method=method,
        data={"purpose": "Walk at night with residents.", "cost": "Staff time"},
        themes=method.themes.all(),
        tags=["gender", "night"],
        user=other_city_member,
        version=version_of(method),
    )

    revisions = list(MethodRevision.objects.filter(method=method).order_by("number"))
    assert [revision.number for revision in revisions] == [1, 2]
    assert revisions[1].author == other_city_member
    assert revisions[1].changed_fields == ["purpose", "cost", "tags"]
    assert revisions[1].snapshot["tags"] == ["gender", "night"]


def test_a_save_that_changes_nothing_records_no_revision(member):
    method = make_method(author=member)

    method_save(
        method=method,
        data={"title": method.title},
        themes=method.themes.all(),
        user=member,
        version=version_of(method),
    )

    assert method.revisions.count() == 1


def test_method_save_keeps_an_attachment_under_the_extension_of_what_it_is(member):
    method = method_save(
        data=DATA,
        documents=[
            DocumentChange(
                document=None,
                upload=pdf("Checklist de la marche.PDF"),
                values={"title": "Checklist", "is_template": True},
            )
        ],
        user=member,
    )

    document = method.documents.get()
    assert (document.title, document.is_template, document.original_name) == (
        "Checklist",
        True,
        "checklist-de-la-marche.pdf",
    )
    assert (document.content_type, document.size, document.uploaded_by) == (
        "application/pdf",
        len(PDF_BYTES),
        member,
    )
    assert document.file.name.startswith("methods/") and document.file.name.endswith(".pdf")
    assert method.revisions.get().snapshot["documents"] == ["Checklist"]


def test_a_fake_pdf_is_refused_and_nothing_is_saved(member):
    fake = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>", "text/html")

    with pytest.raises(ValidationError) as refused:
        method_save(
            data=DATA,
            documents=[DocumentChange(document=None, upload=fake, values={"title": "Report"})],
            user=member,
        )

    assert refused.value.messages == [
        "“Report” was refused: This is not a PDF. Its content does not match its name. Save the "
        "document in that format, then choose it again."
    ]
    assert not Method.objects.exists()
    assert not MethodDocument.objects.exists()
    assert not MethodRevision.objects.exists()


def test_an_oversize_file_is_refused_and_nothing_is_saved(member, settings):
    settings.PROJECT_DOCUMENT_MAX_BYTES = 100
    method = make_method(author=member, title="Safety walk")

    with pytest.raises(ValidationError) as refused:
        method_save(
            method=method,
            data={"title": "Renamed walk"},
            documents=[DocumentChange(document=None, upload=pdf(), values={"title": "Big"})],
            user=member,
            version=version_of(method),
        )

    assert refused.value.messages == [
        "“Big” was refused: The file is 142\xa0bytes; the limit is 100\xa0bytes."
    ]
    assert Method.objects.get(pk=method.pk).title == "Safety walk"
    assert not MethodDocument.objects.exists()
    assert method.revisions.count() == 1


def test_a_save_from_an_old_version_is_refused_and_writes_nothing(member, other_city_member):
    method = make_method(author=member, title="Safety walk")
    opened = version_of(method)
    method_save(method=method, data={"cost": "Nothing"}, user=member, version=opened)

    with pytest.raises(EditConflict):
        method_save(
            method=Method.objects.get(pk=method.pk),
            data={"title": "Overwritten"},
            user=other_city_member,
            version=opened,
        )

    assert Method.objects.get(pk=method.pk).title == "Safety walk"
    assert method.revisions.count() == 2


def test_an_empty_title_is_refused(member):
    with pytest.raises(ValidationError) as refused:
        method_save(data={**DATA, "title": "  "}, user=member)

    assert "title" in refused.value.message_dict
    assert not Method.objects.exists()


def test_only_the_editable_fields_are_taken(member):
    with pytest.raises(ValueError, match="slug"):
        method_save(data={**DATA, "slug": "chosen"}, user=member)


def test_removing_and_replacing_attachments_deletes_the_old_files_on_commit(
    member, django_capture_on_commit_callbacks
):
    method = make_method(author=member)
    old = make_method_document(method=method, title="Old")
    removed = make_method_document(method=method, title="Removed")
    storage, old_name, removed_name = old.file.storage, old.file.name, removed.file.name

    with django_capture_on_commit_callbacks(execute=True):
        method_save(
            method=method,
            data={},
            themes=method.themes.all(),
            documents=[
                DocumentChange(document=old, upload=pdf("new.pdf"), values={"title": "New"}),
                DocumentChange(document=removed, delete=True),
            ],
            user=member,
            version=version_of(method),
        )

    assert list(method.documents.values_list("title", flat=True)) == ["New"]
    assert not storage.exists(old_name)
    assert not storage.exists(removed_name)
    assert method.revisions.order_by("-number").first().changed_fields == ["documents"]


def test_method_delete_removes_its_revisions_attachments_and_uses(
    member, django_capture_on_commit_callbacks
):
    method = make_method(author=member)
    document = make_method_document(method=method)
    storage, name = document.file.storage, document.file.name
    make_method_use(project=make_project(author=member), method=method)

    with django_capture_on_commit_callbacks(execute=True):
        method_delete(method=method, user=member)

    assert not Method.objects.exists()
    assert not MethodRevision.objects.exists()
    assert not ProjectMethod.objects.exists()
    assert not storage.exists(name)


def test_a_method_keeps_the_city_it_was_written_up_for(member):
    method = make_method(author=member, city="saint-brieuc")

    method_save(method=method, data={"cost": "Free"}, user=member, version=version_of(method))

    assert Method.objects.get(pk=method.pk).city == get_city("saint-brieuc")


def test_a_method_whose_author_left_stays_editable(member, other_city_member):
    method = make_method(author=member, title="Safety walk")
    member.delete()  # the author's account is gone: the method stays, without a name

    method = Method.objects.get(pk=method.pk)
    method_save(
        method=method, data={"cost": "Free"}, user=other_city_member, version=version_of(method)
    )

    assert (method.author, method.cost, method.revisions.count()) == (None, "Free", 2)
