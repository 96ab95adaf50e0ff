"""Writes for projects: save with revisions, restore, soft delete, comments and moderation."""

import logging
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from accounts.models import User
from core import slugs as core_slugs
from notifications.enums import NotificationKind
from notifications.services import follow_quietly, notify

from .enums import SOFT_FIELDS
from .models import Comment, CommentReport, Project, ProjectImage, ProjectRevision
from .search import index_project
from .tasks import mail_comment_posted

logger = logging.getLogger(__name__)

DISPLAY_SIZE = 1600
THUMBNAIL_SIZE = 480
SNAPSHOT_FIELDS = [
    "title",
    "summary",
    "lead_organisation",
    "status",
    "start_date",
    "end_date",
    "content_language",
    "visibility",
    "description",
    *SOFT_FIELDS,
    "cover_alt",
]
SNAPSHOT_RELATIONS = ["themes", "sdgs", "contacts"]
# Shown in the history, not restored: files are not kept in revisions.
SNAPSHOT_ATTACHMENTS = ["images", "documents", "links"]
RESERVED_SLUGS = frozenset({"new"})  # /projects/new/ is the form


# --- Pictures ----------------------------------------------------------------


def _reencoded(upload, size: int) -> tuple[ContentFile, str]:
    """A resized copy without metadata (EXIF may hold a location): JPEG, or PNG when transparent."""
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((size, size))
        transparent = image.mode in ("RGBA", "LA", "P") and (
            image.mode != "P" or "transparency" in image.info
        )
        buffer = BytesIO()
        if transparent:
            image.convert("RGBA").save(buffer, format="PNG", optimize=True)
            extension = "png"
        else:
            image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
            extension = "jpg"
    upload.seek(0)
    return ContentFile(buffer.getvalue()), extension


def _save_gallery(image_formset) -> None:
    for form in image_formset.forms:
        if form in image_formset.deleted_forms:
            if form.instance.pk:
                _delete_files_on_commit(form.instance.image, form.instance.thumbnail)
                form.instance.delete()
            continue
        if not form.has_changed():
            continue
        picture = form.save(commit=False)
        upload = form.cleaned_data.get("image")
        if upload is not None and hasattr(upload, "content_type"):
            if picture.pk:
                old = ProjectImage.objects.get(pk=picture.pk)
                _delete_files_on_commit(old.image, old.thumbnail)
            display, extension = _reencoded(upload, DISPLAY_SIZE)
            thumbnail, _extension = _reencoded(upload, THUMBNAIL_SIZE)
            picture.image.save(f"picture.{extension}", display, save=False)
            picture.thumbnail.save(f"thumbnail.{extension}", thumbnail, save=False)
        picture.full_clean(exclude=["project"])
        picture.save()


def _save_documents(document_formset, user: User) -> None:
    for form in document_formset.forms:
        if form in document_formset.deleted_forms:
            if form.instance.pk:
                _delete_files_on_commit(form.instance.file)
                form.instance.delete()
            continue
        if not form.has_changed():
            continue
        upload = form.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "content_type"):
            # Stored under the extension of what it is, not of what it was called.
            original_stem = upload.name.rsplit(".", 1)[0]
            upload.name = f"document{form.detected_type[1]}"
        document = form.save(commit=False)
        if upload is not None and hasattr(upload, "content_type"):
            content_type, extension = form.detected_type
            document.content_type = content_type
            document.size = upload.size
            stem = original_stem[:200] or "document"
            document.original_name = f"{slugify(stem) or 'document'}{extension}"
            document.uploaded_by = user
        document.full_clean(exclude=["project", "file"])
        document.save()


def _delete_files_on_commit(*files) -> None:
    for field_file in files:
        if field_file:
            storage, name = field_file.storage, field_file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


# --- Revisions -----------------------------------------------------------------


def snapshot(project: Project) -> dict:
    data = {}
    for field in SNAPSHOT_FIELDS:
        value = getattr(project, field)
        data[field] = value.isoformat() if hasattr(value, "isoformat") else value
    data["city"] = project.city_id
    for relation in SNAPSHOT_RELATIONS:
        data[relation] = sorted(getattr(project, relation).values_list("pk", flat=True))
    data["tags"] = sorted(project.tags.names())
    data["images"] = sorted(project.images.values_list("alt_text", flat=True))
    data["documents"] = sorted(project.documents.values_list("title", flat=True))
    data["links"] = sorted(
        project.links_out.values_list("to_project__title", flat=True).union(
            project.links_in.values_list("from_project__title", flat=True)
        )
    )
    return data


def _record_revision(project: Project, author: User | None, restored_from: int | None = None):
    """Keep the project's state as a new revision, unless nothing changed since the last one."""
    state = snapshot(project)
    last = project.revisions.order_by("-number").first()
    if last is None:
        changed = []
    else:
        changed = [key for key in state if state[key] != last.snapshot.get(key)]
        if not changed:
            return last
    number = (project.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
    return ProjectRevision.objects.create(
        project=project,
        number=number,
        author=author,
        snapshot=state,
        changed_fields=changed,
        restored_from=restored_from,
    )


# --- Projects ------------------------------------------------------------------


def unique_slug(title: str) -> str:
    return core_slugs.unique_slug(Project, title, fallback="project", reserved=RESERVED_SLUGS)


def project_save(*, user: User, form, image_formset, document_formset, link_formset) -> Project:
    """Save a validated project form with its gallery, documents and links, as one revision.

    All or nothing: a failure anywhere leaves no half-saved project behind.
    """
    with transaction.atomic():
        project = form.save(commit=False)
        creating = project.pk is None
        if creating:
            project.author = user
            project.slug = unique_slug(project.title)
        cover = form.cleaned_data.get("cover_image")
        if cover and hasattr(cover, "content_type"):
            old = (
                Project.objects.filter(pk=project.pk).values_list("cover_image", flat=True).first()
            )
            content, extension = _reencoded(cover, DISPLAY_SIZE)
            project.cover_image.save(f"cover.{extension}", content, save=False)
            if old:
                _delete_files_on_commit(Project(cover_image=old).cover_image)
        elif cover is False and not creating:  # "clear" ticked
            old = (
                Project.objects.filter(pk=project.pk).values_list("cover_image", flat=True).first()
            )
            if old:
                _delete_files_on_commit(Project(cover_image=old).cover_image)
        if not project.cover_image:
            project.cover_alt = ""
        project.full_clean(exclude=["search_vector"])
        project.save()
        form.save_m2m()
        for formset in (image_formset, document_formset, link_formset):
            formset.instance = project
        _save_gallery(image_formset)
        _save_documents(document_formset, user)
        links = link_formset.save(commit=False)
        for link in links:
            link.created_by = link.created_by or user
            link.full_clean(exclude=["from_project", "to_project"])
            link.save()
        for link in link_formset.deleted_objects:
            link.delete()
        project.refresh_from_db()
        project_saved(project=project, user=user)
        if creating:
            follow_quietly(user=user, target=project)
            notify(
                kind=NotificationKind.NEW_PROJECT,
                actor=user,
                title=project.title,
                url=project.get_absolute_url(),
                context=project.city.name,
                targets=[project.city, *project.themes.all()],
                public=project.is_public,
            )
    return project


def project_saved(*, project: Project, user: User | None) -> ProjectRevision:
    """After any save of a project and its relations: refresh search data, keep a revision."""
    index_project(project)
    return _record_revision(project, user)


def project_restore(*, project: Project, revision: ProjectRevision, user: User) -> Project:
    """Bring back the content of an earlier revision; it becomes a new revision."""
    if revision.project_id != project.pk:
        raise ValidationError(_("This revision belongs to another project."))
    state = revision.snapshot
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        current_alt = project.cover_alt
        for field in SNAPSHOT_FIELDS:
            setattr(project, field, state.get(field, ""))
        # The cover picture itself is not in revisions: it stays, and so does its description
        # when the old revision had none.
        if not project.cover_image:
            project.cover_alt = ""
        elif not project.cover_alt:
            project.cover_alt = current_alt
        project.full_clean(exclude=["search_vector"])
        project.save()
        project.themes.set(state.get("themes", []))
        project.sdgs.set(state.get("sdgs", []))
        project.contacts.set(User.objects.filter(pk__in=state.get("contacts", []), is_active=True))
        project.tags.set(state.get("tags", []), clear=True)
        index_project(project)
        _record_revision(project, user, restored_from=revision.number)
    return project


def project_delete(*, project: Project, user: User) -> Project:
    """Soft delete: the project disappears for everyone but staff, who can undo it."""
    project.deleted_at = timezone.now()
    project.deleted_by = user
    project.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    return project


def project_undelete(*, project: Project) -> Project:
    project.deleted_at = None
    project.deleted_by = None
    project.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    return project


# --- Comments ------------------------------------------------------------------


def _comment_recipients(project: Project, author: User) -> list[User]:
    """The project's contacts and author, who are told of each comment, but not its writer."""
    people = {user.pk: user for user in project.contacts.filter(is_active=True)}
    if project.author is not None and project.author.is_active:
        people[project.author.pk] = project.author
    people.pop(author.pk, None)
    return list(people.values())


def comment_create(
    *, project: Project, author: User, body: str, parent: Comment | None = None
) -> Comment:
    """Post a comment (or a reply to a top-level comment) and tell the project's people."""
    if parent is not None:
        if parent.project_id != project.pk:
            raise ValidationError(_("You can only reply to a comment on the same project."))
        if parent.parent_id is not None:
            raise ValidationError(_("You can reply to a comment, not to a reply."))
    comment = Comment(project=project, author=author, body=body.strip(), parent=parent)
    comment.full_clean()
    with transaction.atomic():
        comment.save()
        # The project's people get the comment itself by e-mail (from a task): their
        # notification must not e-mail them a second time.
        people = _comment_recipients(project, author)
        mail_comment_posted.delay_on_commit(comment.pk, [person.pk for person in people])
        notify(
            kind=NotificationKind.NEW_COMMENT,
            actor=author,
            title=project.title,
            url=f"{project.get_absolute_url()}#comment-{comment.pk}",
            context=project.city.name,
            targets=[project],
            public=False,  # comments are read by approved members only
            emailed_separately=people,
        )
    return comment


def comment_edit(*, comment: Comment, body: str) -> Comment:
    comment.body = body.strip()
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at"])
    return comment


def comment_delete(*, comment: Comment) -> Comment:
    """The author withdraws a comment: kept in the database, shown as deleted."""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at"])
    return comment


def comment_hide(*, comment: Comment, moderator: User, reason: str) -> Comment:
    if not reason.strip():
        raise ValidationError(_("Give a reason for hiding the comment."))
    with transaction.atomic():
        comment.hidden_at = timezone.now()
        comment.hidden_by = moderator
        comment.hidden_reason = reason.strip()
        comment.full_clean()
        comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        comment.reports.filter(resolved_at__isnull=True).update(resolved_at=comment.hidden_at)
    return comment


def comment_unhide(*, comment: Comment) -> Comment:
    comment.hidden_at = None
    comment.hidden_by = None
    comment.hidden_reason = ""
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    return comment


def comment_report(*, comment: Comment, reporter: User, reason: str) -> CommentReport:
    report = CommentReport(comment=comment, reporter=reporter, reason=reason.strip())
    report.full_clean()
    report.save()
    return report
