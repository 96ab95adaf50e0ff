"""Writes for projects: save with revisions, restore, soft delete, comments and moderation."""

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from cities.enums import ActivityKind
from cities.services import activity_record
from core import mail
from core import slugs as core_slugs
from core.concurrency import lock_unchanged
from core.pictures import PictureSize, reencode
from notifications.enums import NotificationKind
from notifications.services import follow_quietly, notify

from .enums import SOFT_FIELDS, ModerationReason, ReportResolution
from .models import (
    Comment,
    CommentReport,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectLink,
    ProjectRevision,
)
from .models.comment import reason_text
from .search import index_project
from .storage import is_private_name, name_for
from .tasks import mail_comment_posted, mail_report_filed, mail_review_requested, update_matches

logger = logging.getLogger(__name__)

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
HIDING_FIELDS = ["hidden_at", "hidden_by", "hidden_reason", "hidden_note"]
REVIEW_FIELDS = ["review_requested_at", "review_message", "review_declined_at"]
RESOLUTION_FIELDS = [
    "resolved_at",
    "resolved_by",
    "resolution",
    "resolution_reason",
    "resolution_note",
]


# --- Pictures ----------------------------------------------------------------


@dataclass(frozen=True)
class PictureChange:
    """A gallery row: a new picture (``picture`` None), a change to one (new ``upload`` and/or
    ``values``: alt_text, caption, position), or its removal (``delete``)."""

    picture: ProjectImage | None
    upload: UploadedFile | None = None
    values: dict = dataclasses.field(default_factory=dict)
    delete: bool = False


@dataclass(frozen=True)
class DocumentChange:
    """A documents row: ``upload`` with its ``detected_type`` (content type, extension) judged
    from its bytes, and ``values`` (title)."""

    document: ProjectDocument | None
    upload: UploadedFile | None = None
    detected_type: tuple[str, str] | None = None
    values: dict = dataclasses.field(default_factory=dict)
    delete: bool = False


@dataclass(frozen=True)
class LinkChange:
    """A related-project row: ``values`` are to_project and note."""

    link: ProjectLink | None
    values: dict = dataclasses.field(default_factory=dict)
    delete: bool = False


def _save_pictures(project: Project, changes: Iterable[PictureChange]) -> None:
    for change in changes:
        picture = change.picture
        if change.delete:
            if picture is not None and picture.pk:
                _delete_files_on_commit(picture.image, picture.thumbnail)
                picture.delete()
            continue
        picture = picture or ProjectImage()
        picture.project = project
        for name, value in change.values.items():
            setattr(picture, name, value)
        if change.upload is not None:
            if picture.pk:
                old = ProjectImage.objects.get(pk=picture.pk)
                _delete_files_on_commit(old.image, old.thumbnail)
            display, extension = reencode(change.upload, PictureSize.DISPLAY)
            thumbnail, _extension = reencode(change.upload, PictureSize.THUMBNAIL)
            picture.image.save(f"picture.{extension}", display, save=False)
            picture.thumbnail.save(f"thumbnail.{extension}", thumbnail, save=False)
        picture.full_clean(exclude=["project"])
        picture.save()


def _save_documents(project: Project, changes: Iterable[DocumentChange], user: User) -> None:
    for change in changes:
        document = change.document
        if change.delete:
            if document is not None and document.pk:
                _delete_files_on_commit(document.file)
                document.delete()
            continue
        document = document or ProjectDocument()
        document.project = project
        for name, value in change.values.items():
            setattr(document, name, value)
        upload = change.upload
        if upload is not None:
            content_type, extension = change.detected_type
            # Stored under the extension of what it is, not of what it was called.
            stem = upload.name.rsplit(".", 1)[0][:200]
            upload.name = f"document{extension}"
            if document.pk:
                old = ProjectDocument.objects.get(pk=document.pk)
                _delete_files_on_commit(old.file)
            document.file = upload
            document.content_type = content_type
            document.size = upload.size
            document.original_name = f"{slugify(stem) or 'document'}{extension}"
            document.uploaded_by = user
        document.full_clean(exclude=["project", "file"])
        document.save()


def _save_links(project: Project, changes: Iterable[LinkChange], user: User) -> None:
    for change in changes:
        link = change.link
        if change.delete:
            if link is not None and link.pk:
                link.delete()
            continue
        link = link or ProjectLink(created_by=user)
        link.from_project = project
        for name, value in change.values.items():
            setattr(link, name, value)
        link.full_clean(exclude=["from_project", "to_project"])
        link.save()


def _delete_files_on_commit(*files) -> None:
    for field_file in files:
        if field_file:
            storage, name = field_file.storage, field_file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def _move(field_file, *, private: bool) -> bool:
    """Copy the file to the private or the public storage, point the field at the copy and
    delete the old file once committed; False when it is already where it belongs."""
    if not field_file or is_private_name(field_file.name) == private:
        return False
    storage, old_name = field_file.storage, field_file.name
    try:
        with storage.open(old_name, "rb") as handle:
            field_file.name = storage.save(name_for(old_name, private=private), handle)
    except FileNotFoundError:
        logger.warning("Picture %s is missing; it cannot move.", old_name)
        return False
    transaction.on_commit(lambda: storage.delete(old_name))
    return True


def _place_pictures(project: Project) -> None:
    """Keep the project's pictures where its visibility says: a members-only project's in the
    private storage, a public project's in the public media folder."""
    private = not project.is_public
    moved = [
        field
        for field in ("cover_image", "cover_thumbnail")
        if _move(getattr(project, field), private=private)
    ]
    if moved:
        project.save(update_fields=moved)
    for picture in project.images.all():
        moved = [
            field
            for field in ("image", "thumbnail")
            if _move(getattr(picture, field), private=private)
        ]
        if moved:
            picture.save(update_fields=moved)


def project_place_pictures(*, project: Project) -> None:
    """After a save that may have changed the visibility outside ``project_save`` (the admin):
    move the project's pictures to where they belong, old copies deleted once committed."""
    with transaction.atomic():
        _place_pictures(project)


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


def project_save(
    *,
    project: Project,
    user: User,
    themes: Iterable = (),
    sdgs: Iterable = (),
    tags: Iterable[str] = (),
    contacts: Iterable = (),
    cover=None,
    pictures: Iterable[PictureChange] = (),
    documents: Iterable[DocumentChange] = (),
    links: Iterable[LinkChange] = (),
    version: str | None = None,
) -> Project:
    """Create or change ``project`` (its own fields already set) with its themes, goals, tags,
    contacts, cover (a new upload, or False to remove it), gallery, documents and links; the
    search data is refreshed and the state kept as a revision. All or nothing: a failure
    anywhere leaves no half-saved project behind. With ``version`` (the project's version when
    its form was opened), raise ``EditConflict`` and write nothing when someone else saved the
    project since."""
    with transaction.atomic():
        creating = project.pk is None
        if not creating:
            # First, before anything is written: the row stays locked until the end.
            lock_unchanged(Project.objects, pk=project.pk, version=version)
        if creating:
            project.author = user
            project.slug = unique_slug(project.title)
        old_cover, old_thumbnail = (
            (None, None)
            if creating
            else Project.objects.filter(pk=project.pk)
            .values_list("cover_image", "cover_thumbnail")
            .first()
            or (None, None)
        )
        old_files = Project(cover_image=old_cover or "", cover_thumbnail=old_thumbnail or "")
        if cover and hasattr(cover, "content_type"):
            content, extension = reencode(cover, PictureSize.DISPLAY)
            project.cover_image.save(f"cover.{extension}", content, save=False)
            # The cards' copy: a card never loads the 1600-pixel picture.
            thumbnail, extension = reencode(cover, PictureSize.THUMBNAIL)
            project.cover_thumbnail.save(f"cover-thumbnail.{extension}", thumbnail, save=False)
            _delete_files_on_commit(old_files.cover_image, old_files.cover_thumbnail)
        elif cover is False:  # "clear" ticked
            project.cover_image = ""
            project.cover_thumbnail = ""
            _delete_files_on_commit(old_files.cover_image, old_files.cover_thumbnail)
        if not project.cover_image:
            project.cover_alt = ""
        project.full_clean(exclude=["search_vector"])
        project.save()
        project.themes.set(themes)
        project.sdgs.set(sdgs)
        project.tags.set(list(tags))
        project.contacts.set(contacts)
        _save_pictures(project, pictures)
        _place_pictures(project)  # the visibility may have changed: the pictures follow it
        _save_documents(project, documents, user)
        _save_links(project, links, user)
        project.refresh_from_db()
        project_saved(project=project, user=user, created=creating)
        if creating:
            follow_quietly(user=user, target=project)
            notify(
                kind=NotificationKind.NEW_PROJECT,
                actor=user,
                title=project.title,
                title_language=project.content_language,
                subject=project,
                url=project.get_absolute_url(),
                city=project.city,
                targets=[project.city, *project.themes.all()],
                public=project.is_public,
            )
    return project


def project_saved(*, project: Project, user: User | None, created: bool = False) -> ProjectRevision:
    """After any save of a project and its relations: refresh search data, keep a revision,
    and queue the update of the peer matches (``projects.matching``) for the commit. A project
    just ``created`` has no translations yet: they are not looked for."""
    index_project(project, translations=not created)
    update_matches.delay_on_commit(project.pk)
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
        _place_pictures(project)  # the restored visibility may differ
        index_project(project)
        update_matches.delay_on_commit(project.pk)
        _record_revision(project, user, restored_from=revision.number)
    return project


def project_delete(*, project: Project, user: User | None) -> Project:
    """Soft delete: the project disappears for everyone but staff, who can undo it; it leaves
    the peer matches (a task queued on commit). ``user`` deleted it: kept in the activity log."""
    with transaction.atomic():
        project.deleted_at = timezone.now()
        project.deleted_by = user
        project.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
        activity_record(
            kind=ActivityKind.PROJECT_DELETED,
            actor=user,
            target=project,
            city=project.city,
            target_label=project.title,
        )
        update_matches.delay_on_commit(project.pk)
    return project


def project_undelete(*, project: Project, actor: User | None = None) -> Project:
    """Bring a deleted project back, into the peer matches too (a task queued on commit); kept
    in the activity log."""
    with transaction.atomic():
        project.deleted_at = None
        project.deleted_by = None
        project.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
        activity_record(
            kind=ActivityKind.PROJECT_RESTORED,
            actor=actor,
            target=project,
            city=project.city,
            target_label=project.title,
        )
        update_matches.delay_on_commit(project.pk)
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
    *,
    project: Project,
    author: User,
    body: str,
    content_language: str | None = None,
    parent: Comment | None = None,
) -> Comment:
    """Post a comment (or a reply to a top-level comment) and tell the project's people."""
    if parent is not None:
        if parent.project_id != project.pk:
            raise ValidationError(_("You can only reply to a comment on the same project."))
        if parent.parent_id is not None:
            raise ValidationError(_("You can reply to a comment, not to a reply."))
    comment = Comment(project=project, author=author, body=body.strip(), parent=parent)
    if content_language is not None:  # None: the interface language
        comment.content_language = content_language
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
            title_language=project.content_language,
            subject=project,
            url=f"{project.get_absolute_url()}#comment-{comment.pk}",
            city=project.city,
            targets=[project],
            public=False,  # comments are read by approved members only
            emailed_separately=people,
        )
    return comment


def comment_edit(*, comment: Comment, body: str, content_language: str | None = None) -> Comment:
    comment.body = body.strip()
    if content_language is not None:  # None: as it was
        comment.content_language = content_language
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["body", "content_language", "edited_at"])
    return comment


def comment_delete(*, comment: Comment) -> Comment:
    """The author withdraws a comment: kept in the database, shown as deleted."""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at"])
    return comment


# --- Moderation ----------------------------------------------------------------
# Every decision has a reason from ``ModerationReason`` (a note too for "other"), is kept in the
# activity log, and reaches the author of the comment by e-mail in their language, except a
# dismissed report: nothing happened to their words.


def _check_reason(reason_kind: str, note: str) -> str:
    """The note, stripped; refuses a reason outside the list and "other" without a note."""
    if reason_kind not in ModerationReason.values:
        raise ValidationError(_("Choose a reason from the list."))
    note = note.strip()
    if reason_kind == ModerationReason.OTHER and not note:
        raise ValidationError(_("Say in the note what the other reason is."))
    return note


def _lock_state(comment: Comment) -> dict:
    """Lock the comment's row until the end of the transaction and read its moderation state
    as stored: two moderators deciding at once act one after the other."""
    return (
        Comment.objects.select_for_update()
        .filter(pk=comment.pk)
        .values("hidden_at", "deleted_at", "review_requested_at", "review_declined_at")
        .get()
    )


def _tell_author(comment: Comment, template: str, *, reason_kind: str, note: str) -> None:
    """E-mail the comment's author (queued on commit), in their language, with the reason."""
    author = comment.author
    if author is None or not author.is_active:
        return
    mail.send(
        to=author,
        template=f"email/{template}",
        context={
            "comment": comment,
            "project": comment.project,
            "reason": ModerationReason(reason_kind).label,  # translated when rendered
            "other": reason_kind == ModerationReason.OTHER,
            "note": note,
        },
    )


def _record(kind: str, *, comment: Comment, moderator: User, reason: str) -> None:
    activity_record(
        kind=kind, actor=moderator, target=comment, city=comment.project.city, reason=reason
    )


def comment_hide(*, comment: Comment, moderator: User, reason_kind: str, note: str = "") -> Comment:
    """Hide a comment for ``reason_kind`` (and ``note``): its open reports are resolved as
    "hidden", the author is told by e-mail (with a link to ask for a review), and the hiding
    is kept in the activity log."""
    note = _check_reason(reason_kind, note)
    with transaction.atomic():
        state = _lock_state(comment)
        if state["deleted_at"] is not None:
            raise ValidationError(_("Its author deleted this comment: there is nothing to hide."))
        if state["hidden_at"] is not None:
            raise ValidationError(_("This comment is already hidden."))
        now = timezone.now()
        comment.hidden_at = now
        comment.hidden_by = moderator
        comment.hidden_reason = reason_kind
        comment.hidden_note = note
        comment.review_requested_at = comment.review_declined_at = None
        comment.review_message = ""
        comment.full_clean()
        comment.save(update_fields=[*HIDING_FIELDS, *REVIEW_FIELDS])
        comment.reports.filter(resolved_at__isnull=True).update(
            resolved_at=now,
            resolved_by=moderator,
            resolution=ReportResolution.HIDDEN,
            resolution_reason=reason_kind,
            resolution_note=note,
        )
        _record(
            ActivityKind.CONTENT_HIDDEN,
            comment=comment,
            moderator=moderator,
            reason=reason_text(reason_kind, note),
        )
        _tell_author(comment, "comment_hidden", reason_kind=reason_kind, note=note)
    return comment


def comment_unhide(
    *, comment: Comment, moderator: User, reason_kind: str, note: str = ""
) -> Comment:
    """Show a hidden comment again (its review request, if any, is answered by it); the author
    is told by e-mail and the decision kept in the activity log."""
    note = _check_reason(reason_kind, note)
    with transaction.atomic():
        state = _lock_state(comment)
        if state["hidden_at"] is None:
            raise ValidationError(_("This comment is not hidden."))
        comment.hidden_at = None
        comment.hidden_by = None
        comment.hidden_reason = comment.hidden_note = ""
        comment.review_requested_at = comment.review_declined_at = None
        comment.review_message = ""
        comment.full_clean()
        comment.save(update_fields=[*HIDING_FIELDS, *REVIEW_FIELDS])
        _record(
            ActivityKind.CONTENT_RESTORED,
            comment=comment,
            moderator=moderator,
            reason=reason_text(reason_kind, note),
        )
        _tell_author(comment, "comment_restored", reason_kind=reason_kind, note=note)
    return comment


def report_dismiss(
    *, report: CommentReport, moderator: User, reason_kind: str, note: str = ""
) -> CommentReport:
    """Close a report and leave its comment as it is; kept in the activity log. The author is
    not told: nothing happened to their words."""
    note = _check_reason(reason_kind, note)
    with transaction.atomic():
        if (
            CommentReport.objects.select_for_update()
            .filter(pk=report.pk)
            .values_list("resolved_at", flat=True)
            .get()
        ):
            raise ValidationError(_("This report is already closed."))
        report.resolved_at = timezone.now()
        report.resolved_by = moderator
        report.resolution = ReportResolution.DISMISSED
        report.resolution_reason = reason_kind
        report.resolution_note = note
        report.full_clean()
        report.save(update_fields=RESOLUTION_FIELDS)
        _record(
            ActivityKind.REPORT_DISMISSED,
            comment=report.comment,
            moderator=moderator,
            reason=reason_text(reason_kind, note),
        )
    return report


def comment_reports_dismiss(
    *, comment: Comment, moderator: User, reason_kind: str, note: str = ""
) -> int:
    """Dismiss every open report of ``comment`` (``report_dismiss`` each); returns how many."""
    _check_reason(reason_kind, note)
    with transaction.atomic():
        reports = list(comment.reports.filter(resolved_at__isnull=True).order_by("pk"))
        if not reports:
            raise ValidationError(_("This comment has no open report to dismiss."))
        for report in reports:
            report.comment = comment
            report_dismiss(report=report, moderator=moderator, reason_kind=reason_kind, note=note)
    return len(reports)


def comment_review_decline(
    *, comment: Comment, moderator: User, reason_kind: str, note: str = ""
) -> Comment:
    """Answer the author's request for a review by keeping the comment hidden: the author is
    told why by e-mail, and the decision kept in the activity log (as a hiding confirmed)."""
    note = _check_reason(reason_kind, note)
    with transaction.atomic():
        state = _lock_state(comment)
        if (
            state["hidden_at"] is None
            or state["review_requested_at"] is None
            or state["review_declined_at"] is not None
        ):
            raise ValidationError(_("No review of this comment is waiting."))
        comment.review_declined_at = timezone.now()
        comment.full_clean()
        comment.save(update_fields=["review_declined_at"])
        _record(
            ActivityKind.CONTENT_HIDDEN,
            comment=comment,
            moderator=moderator,
            reason=_("Kept hidden after a review: %(reason)s")
            % {"reason": reason_text(reason_kind, note)},
        )
        _tell_author(comment, "comment_review_declined", reason_kind=reason_kind, note=note)
    return comment


def comment_report(
    *, comment: Comment, reporter: User, reason_kind: str, text: str = ""
) -> CommentReport:
    """Report a comment to its moderators, for ``reason_kind`` (and ``text``, required for
    "other"): once per person, never one's own, never a hidden or deleted one. The moderators
    concerned are e-mailed once (a task queued on commit), or in their daily digest."""
    text = _check_reason(reason_kind, text)
    if reporter.pk is not None and comment.author_id == reporter.pk:
        raise ValidationError(_("You cannot report your own comment."))
    if comment.is_hidden or comment.is_deleted:
        raise ValidationError(_("This comment is no longer shown: there is nothing to report."))
    with transaction.atomic():
        if CommentReport.objects.filter(comment=comment, reporter=reporter).exists():
            raise ValidationError(_("You have already reported this comment."))
        report = CommentReport(comment=comment, reporter=reporter, reason=reason_kind, note=text)
        report.full_clean()
        report.save()
        mail_report_filed.delay_on_commit(report.pk)
    return report


def comment_review_request(*, comment: Comment, author: User, message: str) -> Comment:
    """The author of a hidden comment asks the moderators to look at it again, once while it is
    hidden; the moderators concerned are e-mailed (a task queued on commit)."""
    message = message.strip()
    if comment.author_id != author.pk:
        raise ValidationError(_("Only the author of a comment can ask for its review."))
    if not message:
        raise ValidationError(_("Say in a few words why the comment should be shown again."))
    with transaction.atomic():
        state = _lock_state(comment)
        if state["hidden_at"] is None:
            raise ValidationError(_("This comment is not hidden: there is nothing to review."))
        if state["review_requested_at"] is not None:
            raise ValidationError(_("You have already asked for a review of this comment."))
        comment.review_requested_at = timezone.now()
        comment.review_message = message
        comment.full_clean()
        comment.save(update_fields=["review_requested_at", "review_message"])
        mail_review_requested.delay_on_commit(comment.pk)
    return comment
