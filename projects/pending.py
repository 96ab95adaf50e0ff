"""Files chosen on a project or event form that came back with errors, kept so that nobody
chooses them again (WCAG 3.3.7 "redundant entry"): stored privately as ``PendingUpload`` rows
for the session, offered again on the page as "Chosen: …", and judged again by the next
submission like a new upload of the same file.

The page names a kept file by a ticked checkbox ``keep-<input name>`` whose value is its token;
unticking it, or choosing another file in that input, drops it.
"""

import datetime
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from django import forms as django_forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from core.forms import KEEP_UPLOAD_PREFIX

from .models import PendingUpload

KEEP_PREFIX = KEEP_UPLOAD_PREFIX
# How long a kept file waits for its form to be sent again.
KEPT_FOR = datetime.timedelta(days=1)


def _tokens(post) -> dict[str, str]:
    tokens = {}
    for key, value in post.items():
        if key.startswith(KEEP_PREFIX):
            try:
                tokens[key.removeprefix(KEEP_PREFIX)] = str(uuid.UUID(value))
            except ValueError:
                continue  # a crafted or broken value: nothing is kept for it
    return tokens


@contextmanager
def with_kept_files(
    *, session_key: str | None, post, files
) -> Iterator[tuple[MultiValueDict, dict[str, PendingUpload]]]:
    """The request's files, with the kept files the page names added where no new file was
    chosen, and those kept files by input name. Only the session's own files are found; the
    files opened for the forms are closed on leaving."""
    merged = files.copy()
    in_use: dict[str, PendingUpload] = {}
    tokens = _tokens(post)
    with ExitStack() as stack:
        if tokens and session_key:
            kept = PendingUpload.objects.filter(
                session_key=session_key, token__in=list(tokens.values())
            )
            by_token = {str(upload.token): upload for upload in kept}
            for field, token in tokens.items():
                upload = by_token.get(token)
                if upload is None or upload.field != field or field in files:
                    continue
                handle = stack.enter_context(upload.file.storage.open(upload.file.name, "rb"))
                merged[field] = UploadedFile(
                    handle,
                    name=upload.original_name,
                    content_type=upload.content_type,
                    size=upload.size,
                )
                in_use[field] = upload
        yield merged, in_use


def form_page(request, page):
    """``page(data=…, files=…, in_use=…)`` for a form page's request: on a POST, the request's
    files with the kept ones the page names (``with_kept_files``) standing in for those not
    chosen again."""
    if request.method != "POST":
        return page(data=None, files=None, in_use={})
    with with_kept_files(
        session_key=request.session.session_key, post=request.POST, files=request.FILES
    ) as (files, in_use):
        return page(data=request.POST, files=files, in_use=in_use)


def _delete_on_commit(uploads) -> None:
    for upload in uploads:
        storage, name = upload.file.storage, upload.file.name
        upload.delete()
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


@transaction.atomic
def pending_uploads_keep(
    *,
    session_key: str,
    uploads: dict[str, UploadedFile],
    in_use: dict[str, PendingUpload],
    refused: set[str],
) -> dict[str, PendingUpload]:
    """Keep the files of a submission that came back with errors: each new upload that passed
    its own checks replaces what its input kept before; kept files stay, unless ``refused`` (the
    inputs whose file did not pass). Returns what is kept, by input name."""
    kept = {field: upload for field, upload in in_use.items() if field not in refused}
    _delete_on_commit(upload for field, upload in in_use.items() if field in refused)
    if uploads:
        _delete_on_commit(
            PendingUpload.objects.filter(session_key=session_key, field__in=list(uploads))
        )
    for field, upload in uploads.items():
        if field in refused:
            continue
        upload.seek(0)
        pending = PendingUpload(
            session_key=session_key,
            field=field,
            original_name=(upload.name or "file")[:255],
            content_type=(upload.content_type or "application/octet-stream")[:120],
            size=upload.size,
        )
        pending.file.save("pending", upload, save=False)
        pending.save()
        kept[field] = pending
    return kept


def pending_uploads_used(*, in_use: dict[str, PendingUpload]) -> None:
    """The form was saved with these kept files: they are copies now, delete them."""
    _delete_on_commit(in_use.values())


@transaction.atomic
def pending_uploads_purge(*, older_than: datetime.timedelta = KEPT_FOR) -> int:
    """Delete the kept files nobody came back for; returns how many."""
    stale = list(PendingUpload.objects.filter(created_at__lt=timezone.now() - older_than))
    _delete_on_commit(stale)
    return len(stale)


def file_inputs(forms) -> Iterator[tuple[object, str, str]]:
    """(form, field name, input name) of every file input of ``forms``."""
    for form in forms:
        for name, field in form.fields.items():
            if isinstance(field, django_forms.FileField):
                yield form, name, form.add_prefix(name)


def keep_after_errors(*, session_key: str | None, forms, files, in_use) -> list[str]:
    """After a submission of ``forms`` came back: keep its files and tell each form what it kept
    (``form.kept_uploads``, by field name, for the page). Returns the names of the files (chosen
    this time, or kept before) that could not be kept, which must be chosen again."""
    uploads, refused, inputs = {}, [], []  # refused: in the page's order
    for form, name, key in file_inputs(forms):
        inputs.append((form, name, key))
        chosen = files.get(key)
        if chosen is None or not hasattr(chosen, "content_type"):
            continue
        if name in form.errors:
            refused.append(key)
        if key not in in_use:
            uploads[key] = chosen
    not_kept = [files[key].name for key in refused]
    kept = {}
    if session_key:
        try:
            kept = pending_uploads_keep(
                session_key=session_key, uploads=uploads, in_use=in_use, refused=set(refused)
            )
        except OSError:
            # The storage failed: say which files to choose again rather than fail the page.
            not_kept += [upload.name for key, upload in uploads.items() if key not in refused]
    else:
        not_kept += [upload.name for key, upload in uploads.items() if key not in refused]
    for form, name, key in inputs:
        if key in kept:
            form.kept_uploads = {**getattr(form, "kept_uploads", {}), name: kept[key]}
    return not_kept


def not_kept_message(names: list[str]) -> str:
    """What the page says of the files ``keep_after_errors`` could not keep."""
    return _("These files were not kept and must be chosen again: %(names)s.") % {
        "names": ", ".join(names)
    }
