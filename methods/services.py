"""Writes for methods and tools: save with revisions and attachments, delete."""

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from core import slugs as core_slugs
from core.concurrency import lock_unchanged
from core.documents import check_size, detect_document_type

from .models import Method, MethodDocument, MethodRevision

# What a form (or the admin, a command) may set on a method; the rest is the service's.
EDITABLE_FIELDS = (
    "title",
    "kind",
    "purpose",
    "steps",
    "time_needed",
    "cost",
    "participants",
    "pitfalls",
    "content_language",
    "visibility",
    "city",
)
# The texts kept in each revision, in the order the history shows them.
SNAPSHOT_FIELDS = [
    "title",
    "kind",
    "purpose",
    "steps",
    "time_needed",
    "cost",
    "participants",
    "pitfalls",
    "content_language",
    "visibility",
]
SNAPSHOT_RELATIONS = ["themes"]
# Shown in the history, not kept: files are not in revisions.
SNAPSHOT_ATTACHMENTS = ["documents"]
# Words the app's own addresses use: /methods/new/ is the form.
RESERVED_SLUGS = frozenset({"new"})


@dataclass(frozen=True)
class DocumentChange:
    """An attachments row: a new file (``document`` None) or a change to one (a new ``upload``
    and/or ``values``: title, is_template), or its removal (``delete``). An upload is judged by
    its bytes here again, whoever calls (the form did already: the admin or a command may not)."""

    document: MethodDocument | None
    upload: UploadedFile | None = None
    values: dict = dataclasses.field(default_factory=dict)
    delete: bool = False


def unique_slug(title: str) -> str:
    return core_slugs.unique_slug(Method, title, fallback="method", reserved=RESERVED_SLUGS)


def check_document(upload: UploadedFile) -> tuple[str, str]:
    """(content type, extension) of an accepted attachment, or ValidationError: the checks and
    the size limit of project documents (core.documents, PROJECT_DOCUMENT_MAX_BYTES)."""
    check_size(upload, settings.PROJECT_DOCUMENT_MAX_BYTES)
    return detect_document_type(upload)


def _judged(changes: Iterable[DocumentChange]) -> list[tuple[DocumentChange, tuple | None]]:
    """Every upload judged before anything is written: one refused file, nothing saved."""
    judged = []
    for change in changes:
        detected = None
        if change.upload is not None and not change.delete:
            try:
                detected = check_document(change.upload)
            except ValidationError as error:
                name = change.values.get("title") or change.upload.name
                raise ValidationError(
                    _("“%(name)s” was refused: %(reason)s")
                    % {"name": name, "reason": " ".join(error.messages)},
                    code=error.error_list[0].code if hasattr(error, "error_list") else None,
                ) from error
        judged.append((change, detected))
    return judged


def _delete_files_on_commit(*files) -> None:
    for field_file in files:
        if field_file:
            storage, name = field_file.storage, field_file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def _save_documents(method: Method, judged, user: User | None) -> None:
    for change, detected in judged:
        document = change.document
        if document is not None and document.pk and document.method_id != method.pk:
            raise ValidationError(_("This attachment belongs to another method."))
        if change.delete:
            if document is not None and document.pk:
                _delete_files_on_commit(document.file)
                document.delete()
            continue
        document = document or MethodDocument()
        document.method = method
        for name, value in change.values.items():
            setattr(document, name, value)
        upload = change.upload
        if upload is not None:
            content_type, extension = detected
            # Stored under the extension of what it is, not of what it was called.
            stem = upload.name.rsplit(".", 1)[0][:200]
            upload.name = f"document{extension}"
            if document.pk:
                _delete_files_on_commit(MethodDocument.objects.get(pk=document.pk).file)
            document.file = upload
            document.content_type = content_type
            document.size = upload.size
            document.original_name = f"{slugify(stem) or 'document'}{extension}"
            document.uploaded_by = user
        if not document.file:
            raise ValidationError(_("Choose a file for each new attachment."))
        document.full_clean(exclude=["method", "file"])
        document.save()


# --- Revisions -------------------------------------------------------------------------------


def snapshot(method: Method) -> dict:
    data = {field: getattr(method, field) for field in SNAPSHOT_FIELDS}
    data["city"] = method.city_id
    data["themes"] = sorted(method.themes.values_list("pk", flat=True))
    data["tags"] = sorted(method.tags.names())
    data["documents"] = sorted(method.documents.values_list("title", flat=True))
    return data


def _record_revision(method: Method, author: User | None) -> MethodRevision:
    """Keep the method's state as a new revision, unless nothing changed since the last one."""
    state = snapshot(method)
    last = method.revisions.order_by("-number").first()
    if last is None:
        changed = []
    else:
        changed = [key for key in state if state[key] != last.snapshot.get(key)]
        if not changed:
            return last
    number = (method.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
    return MethodRevision.objects.create(
        method=method, number=number, author=author, snapshot=state, changed_fields=changed
    )


# --- Methods ---------------------------------------------------------------------------------


def method_save(
    *,
    method: Method | None = None,
    data: dict,
    themes: Iterable = (),
    tags: Iterable[str] = (),
    documents: Iterable[DocumentChange] = (),
    user: User | None,
    version: str | None = None,
) -> Method:
    """Create a method (``method`` None or unsaved) or change one: its own fields from ``data``
    (``EDITABLE_FIELDS``), its themes, tags and attachments; the state is kept as a revision.
    All or nothing: a refused attachment or a failure anywhere leaves nothing half-saved. With
    ``version`` (the method's version when its form was opened), raise ``EditConflict`` and
    write nothing when someone else saved it since."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    judged = _judged(documents)
    method = method if method is not None else Method()
    with transaction.atomic():
        creating = method.pk is None
        if not creating:
            # First, before anything is written: the row stays locked until the end.
            lock_unchanged(Method.objects, pk=method.pk, version=version)
        for name, value in data.items():
            setattr(method, name, value.strip() if isinstance(value, str) else value)
        if creating:
            method.author = user
            method.slug = unique_slug(method.title)
        # The author may be gone (SET_NULL): the method stays editable.
        method.full_clean(exclude=["author"])
        method.save()
        method.themes.set(themes)
        method.tags.set(list(tags))
        _save_documents(method, judged, user)
        _record_revision(method, user)
    return method


def method_delete(*, method: Method, user: User | None) -> None:
    """Delete the method, its revisions, attachments (their files once committed) and the
    projects' accounts of using it (the projects' peer matches follow: ``projects``)."""
    with transaction.atomic():
        _delete_files_on_commit(*(document.file for document in method.documents.all()))
        method.delete()
