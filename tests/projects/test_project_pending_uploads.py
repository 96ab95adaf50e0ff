"""A project form sent back with errors keeps the pictures and documents already chosen (WCAG
3.3.7): privately, for the session, offered again as "Chosen: …", used by the next submission,
judged again there, and deleted after a day if nobody comes back."""

import datetime
import re
from html import unescape
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from projects.models import PendingUpload, Project, ProjectDocument, ProjectImage
from projects.tasks import purge_pending_uploads
from tests.factories import PDF_BYTES, picture_upload, project_form_data, upload

from .test_project_create import stored_files

pytestmark = pytest.mark.django_db

NEW = "/en/projects/new/"
KEPT_NOTE = "Chosen: {name} — kept; choose another to replace it."


def first_try_data(**fields):
    """Everything chosen, but the title forgotten."""
    return project_form_data(
        title="",
        cover_image=picture_upload("Vue du ciel.png"),
        cover_alt="The square from above",
        images=[{"image": picture_upload("atelier.png"), "alt_text": "The workshop"}],
        documents=[{"file": upload("Plan guide.pdf", PDF_BYTES), "title": "Plan guide"}],
        **fields,
    )


def keep_tokens(response) -> dict[str, str]:
    """The ticked "keep" checkboxes of the page: input name → token."""
    html = response.content.decode()
    return dict(
        re.findall(r'<input type="checkbox" name="(keep-[^"]+)" id="[^"]*" value="([^"]+)"', html)
    )


def second_try_data(tokens: dict[str, str], **fields):
    """The same form sent again with the title, the kept files ticked, no file chosen again."""
    data = project_form_data(
        cover_alt="The square from above",
        images=[{"alt_text": "The workshop"}],
        documents=[{"title": "Plan guide"}],
        **fields,
    )
    return {**data, **tokens}


def test_project_form_with_errors_keeps_the_chosen_files_privately(
    member_client, media_root, private_media_root
):
    response = member_client.post(NEW, first_try_data())

    html = unescape(response.content.decode())
    assert response.status_code == 200
    kept = {upload.field: upload for upload in PendingUpload.objects.all()}
    assert sorted(kept) == ["cover_image", "documents-0-file", "images-0-image"]
    assert kept["documents-0-file"].original_name == "Plan guide.pdf"
    assert kept["documents-0-file"].size == len(PDF_BYTES)
    assert kept["documents-0-file"].session_key == member_client.session.session_key
    for name in ("Vue du ciel.png", "atelier.png", "Plan guide.pdf"):
        assert KEPT_NOTE.format(name=name) in html
    assert keep_tokens(response) == {
        f"keep-{field}": str(upload.token) for field, upload in kept.items()
    }
    # In the private storage only, under names that say nothing of their type.
    assert stored_files(media_root) == []
    pending = stored_files(private_media_root)
    assert len(pending) == 3
    assert all(path.parent.name == "pending" and "." not in path.name for path in pending)


def test_project_form_sent_again_uses_the_kept_files_then_deletes_them(
    member_client, private_media_root, django_capture_on_commit_callbacks
):
    tokens = keep_tokens(member_client.post(NEW, first_try_data()))

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(NEW, second_try_data(tokens))

    assert response.status_code == 302
    project = Project.objects.get()
    assert project.cover_image
    assert ProjectImage.objects.get(project=project).alt_text == "The workshop"
    document = ProjectDocument.objects.get(project=project)
    assert document.original_name == "plan-guide.pdf"
    assert Path(document.file.path).read_bytes() == PDF_BYTES
    assert PendingUpload.objects.count() == 0
    assert not any(path.parent.name == "pending" for path in stored_files(private_media_root))


def test_project_form_unticked_kept_file_is_not_used(member_client):
    tokens = keep_tokens(member_client.post(NEW, first_try_data()))
    del tokens["keep-documents-0-file"]

    response = member_client.post(NEW, {**second_try_data(tokens), "documents-0-title": ""})

    assert response.status_code == 302
    assert ProjectDocument.objects.count() == 0
    assert ProjectImage.objects.count() == 1


def test_project_form_new_file_replaces_the_kept_one(member_client):
    tokens = keep_tokens(member_client.post(NEW, first_try_data()))
    old = PendingUpload.objects.get(field="documents-0-file")
    other_pdf = PDF_BYTES.replace(b"%%EOF", b"% second\n%%EOF")

    response = member_client.post(
        NEW,
        {
            **second_try_data(tokens, title=""),
            "documents-0-file": upload("Plan guide v2.pdf", other_pdf),
        },
    )

    assert response.status_code == 200
    new = PendingUpload.objects.get(field="documents-0-file")
    assert new.pk != old.pk
    assert new.original_name == "Plan guide v2.pdf"
    assert KEPT_NOTE.format(name="Plan guide v2.pdf") in unescape(response.content.decode())


def test_project_form_kept_file_of_another_session_is_not_used(member_client, login, member):
    tokens = keep_tokens(member_client.post(NEW, first_try_data()))
    other_session = login(member)  # the same person, another browser

    response = other_session.post(NEW, second_try_data(tokens))

    assert response.status_code == 200
    assert Project.objects.count() == 0
    assert response.context["document_formset"].forms[0].errors == {
        "file": ["This field is required."]
    }


def test_project_form_refused_file_is_not_kept_and_must_be_chosen_again(member_client):
    data = project_form_data(
        title="",
        documents=[{"file": upload("page.pdf", b"<html><body>x</body></html>"), "title": "Page"}],
    )

    response = member_client.post(NEW, data)

    html = unescape(response.content.decode())
    assert PendingUpload.objects.count() == 0
    assert "These files were not kept and must be chosen again: page.pdf." in html
    assert "Chosen: page.pdf" not in html


def test_project_form_kept_file_is_judged_again(member_client, settings):
    tokens = keep_tokens(member_client.post(NEW, first_try_data()))
    settings.PROJECT_DOCUMENT_MAX_BYTES = 10  # the limit changed meanwhile

    response = member_client.post(NEW, second_try_data(tokens))

    assert response.status_code == 200
    assert response.context["document_formset"].forms[0].errors["file"][0].startswith("The file is")
    assert not PendingUpload.objects.filter(field="documents-0-file").exists()
    assert "must be chosen again: Plan guide.pdf." in (unescape(response.content.decode()))
    assert PendingUpload.objects.filter(field="images-0-image").exists()


def _age(upload: PendingUpload, **delta) -> None:
    PendingUpload.objects.filter(pk=upload.pk).update(
        created_at=timezone.now() - datetime.timedelta(**delta)
    )


@pytest.mark.parametrize("purge", ["command", "task"])
def test_pending_uploads_older_than_a_day_are_deleted(
    member_client, django_capture_on_commit_callbacks, purge
):
    member_client.post(NEW, first_try_data())
    old = PendingUpload.objects.get(field="documents-0-file")
    old_path = Path(old.file.path)
    _age(old, hours=25)
    for recent in PendingUpload.objects.exclude(pk=old.pk):
        _age(recent, hours=23)

    with django_capture_on_commit_callbacks(execute=True):
        if purge == "command":
            call_command("purge_pending_uploads", verbosity=0)
        else:
            purge_pending_uploads.delay()

    assert sorted(PendingUpload.objects.values_list("field", flat=True)) == [
        "cover_image",
        "images-0-image",
    ]
    assert not old_path.exists()


def test_project_form_says_which_files_to_choose_again_when_the_storage_fails(
    member_client, monkeypatch
):
    def broken_storage(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("projects.pending.pending_uploads_keep", broken_storage)

    response = member_client.post(NEW, first_try_data())

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert PendingUpload.objects.count() == 0
    assert "must be chosen again: Vue du ciel.png, atelier.png, Plan guide.pdf." in html
    assert "Chosen:" not in html
