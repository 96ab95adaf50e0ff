from functools import partial
from http import HTTPStatus
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from cities.models import City
from cities.rules import approved_cities, is_moderator
from cities.views import refuse_to_non_member
from core.concurrency import EditConflict
from core.objects import get_object_for
from core.pagecache import public_page
from languages.permissions import translatable_ids
from languages.selectors import attach_translations, translation_history
from themes.models import SustainableDevelopmentGoal, Theme

from . import pending, selectors, services
from .diff import changes
from .enums import ModerationReason, PictureKind
from .forms import (
    CommentEditForm,
    CommentForm,
    CommentHideForm,
    CommentReportForm,
    DocumentFormSet,
    ImageFormSet,
    LinkFormSet,
    ProjectFilterForm,
    ProjectForm,
    document_changes,
    link_changes,
    picture_changes,
)
from .matching import stored_matches
from .models import Comment, Project, ProjectDocument, ProjectImage, ProjectRevision
from .search import add_snippets
from .storage import PRIVATE_PREFIX, is_private_name, private_storage

PAGE_SIZE = 20


def get_project(request, slug: str, permission: str | None = None) -> Project:
    return get_object_for(
        request.user,
        Project.objects.select_related("city", "author"),
        view="projects.view_project",
        act=permission,
        slug=slug,
    )


# --- List, detail --------------------------------------------------------------


@login_not_required
@require_GET
@public_page
def project_list(request):
    form = ProjectFilterForm(request.GET)
    form.is_valid()  # invalid values are reported next to the filter and ignored
    filters = {key: value for key, value in form.cleaned_data.items() if value}
    projects = selectors.filter_projects(selectors.visible_projects(request.user), filters)
    if not filters.get("q"):
        projects = projects.order_by("-created_at")
    summary = selectors.summary(projects, filters, request.user)
    paginator = Paginator(selectors.card_queryset(projects), PAGE_SIZE)
    paginator.count = summary.count  # counted with the facets, once per change of the data
    page = paginator.get_page(request.GET.get("page"))
    page_projects = list(page.object_list)
    add_snippets(page_projects, filters.get("q", ""))
    return render(
        request,
        "projects/project_list.html",
        {
            "form": form,
            "page": page,
            "projects": page_projects,
            "facets": summary.facets,
            "filters": filters,
            "can_add": request.user.has_perm("projects.add_project"),
        },
    )


@login_not_required
@require_GET
def project_detail(request, slug):
    project = selectors.project_for_detail(slug, request.user)
    if project is None:
        raise Http404
    if project.is_deleted:
        return _deleted_project_page(request, project)
    return _project_page(request, project)


def _deleted_project_page(request, project: Project):
    """A deleted project, for who may restore it: when and by whom, and the restore button; a
    404 for anyone else. Never kept in the page cache (not marked ``@public_page``, and private):
    once restored, or for the next person, the answer is a different one."""
    if not request.user.has_perm("projects.undelete_project", project):
        raise Http404
    response = render(request, "projects/project_deleted.html", {"project": project})
    add_never_cache_headers(response)
    return response


@public_page
def _project_page(request, project: Project):
    user = request.user
    can_comment = user.has_perm("projects.comment_project", project)
    can_read_comments = user.has_perm("projects.read_comments", project)
    related = selectors.related_links(project, user)
    elsewhere = stored_matches(project, user)
    comments = selectors.project_comments(project) if can_read_comments else []
    # Everything written on the page in the reader's language where a translation exists: one
    # query for the project, the projects it shows and the discussion.
    attach_translations(
        [
            project,
            *(other for other, _note in related),
            *(match.project for match in elsewhere),
            *(item for comment in comments for item in (comment, *comment.replies.all())),
        ],
        get_language(),
        original=request.GET.get("original") == "1",
    )
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "related": related,
            "elsewhere": elsewhere,
            "comments": comments,
            "can_read_comments": can_read_comments,
            "translatable_comments": translatable_ids(
                user,
                [item for comment in comments for item in (comment, *comment.replies.all())],
                get_language(),
            ),
            "comment_form": CommentForm() if can_comment else None,
            "can_comment": can_comment,
            "can_edit": user.has_perm("projects.change_project", project),
            "can_moderate": user.has_perm("projects.moderate_comments", project),
            "moderation_reasons": ModerationReason.choices,
        },
    )


# --- Create, edit --------------------------------------------------------------


def _postable_cities(user: User):
    if is_moderator(user):
        return City.objects.active().order_by("country", "name")
    return City.objects.filter(pk__in=list(approved_cities(user))).order_by("name")


def _project_form_page(request, project: Project | None):
    # Files kept from an earlier try of this form (``projects.pending``) stand in for the ones
    # not chosen again.
    return pending.form_page(request, partial(_project_form, request, project))


def _project_form(request, project: Project | None, *, data, files, in_use):
    user = request.user
    cities = _postable_cities(user) if project is None else City.objects.filter(pk=project.city_id)
    instance = project or Project()
    initial = {}
    if project is None:
        initial = {"content_language": request.LANGUAGE_CODE, "lead_organisation": ""}
        if cities.count() == 1:
            initial["city"] = cities.first()
    form = ProjectForm(data, files, instance=instance, user=user, cities=cities, initial=initial)
    images = ImageFormSet(data, files, instance=instance, prefix="images")
    documents = DocumentFormSet(data, files, instance=instance, prefix="documents")
    links = LinkFormSet(data, instance=instance, prefix="links")
    status = HTTPStatus.OK
    if request.method == "POST":
        valid = all([form.is_valid(), images.is_valid(), documents.is_valid(), links.is_valid()])
        if valid:
            try:
                data = form.cleaned_data
                saved = services.project_save(
                    project=form.instance,
                    user=user,
                    themes=data["themes"],
                    sdgs=data["sdgs"],
                    tags=data["tags"],
                    contacts=data["contacts"],
                    cover=data.get("cover_image"),
                    pictures=picture_changes(images),
                    documents=document_changes(documents),
                    links=link_changes(links),
                    version=form.opened_version,
                )
            except EditConflict as conflict:
                form.refuse(conflict.current)
                status = HTTPStatus.CONFLICT
            except ValidationError as error:
                form.add_error(None, error)
            else:
                pending.pending_uploads_used(in_use=in_use)
                messages.success(request, _("The project was saved."))
                return redirect(saved)
        not_kept = pending.keep_after_errors(
            session_key=request.session.session_key,
            forms=[form, *images.forms, *documents.forms],
            files=files,
            in_use=in_use,
        )
        if status != HTTPStatus.CONFLICT:  # the conflict box says it, with what changed
            messages.error(
                request, _("The project was not saved: please correct the errors below.")
            )
        if not_kept:
            messages.error(request, pending.not_kept_message(not_kept))
    return render(
        request,
        "projects/project_form.html",
        {
            "form": form,
            "image_formset": images,
            "document_formset": documents,
            "link_formset": links,
            "project": project,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def project_create(request):
    if not request.user.has_perm("projects.add_project"):
        return refuse_to_non_member(request)
    return _project_form_page(request, None)


@require_http_methods(["GET", "POST"])
def project_edit(request, slug):
    project = get_project(request, slug, "projects.change_project")
    return _project_form_page(request, project)


@require_POST
def project_delete(request, slug):
    project = get_project(request, slug, "projects.delete_project")
    services.project_delete(project=project, user=request.user)
    messages.success(request, _("The project was deleted. Staff can restore it if needed."))
    return redirect("projects:list")


@require_POST
def project_undelete(request, slug):
    project = get_project(request, slug, "projects.undelete_project")
    services.project_undelete(project=project, actor=request.user)
    messages.success(request, _("The project was restored."))
    return redirect(project)


# --- History ---------------------------------------------------------------------


def _field_labels() -> dict[str, str]:
    labels = {
        field.name: str(field.verbose_name)
        for field in Project._meta.get_fields()
        if hasattr(field, "verbose_name")
    }
    labels["tags"] = _("tags")
    labels["images"] = _("pictures")
    labels["documents"] = _("documents")
    labels["links"] = _("related projects")
    return labels


@login_not_required
@require_GET
@public_page
def project_history(request, slug):
    project = get_project(request, slug)
    revisions = Paginator(
        project.revisions.select_related("author").order_by("-number"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    shown = list(revisions.object_list)
    numbers = [revision.number - 1 for revision in shown]
    previous = {
        revision.number: revision.snapshot
        for revision in project.revisions.filter(number__in=numbers)
    }
    previous.update({revision.number: revision.snapshot for revision in shown})
    ids = {"themes": set(), "sdgs": set(), "contacts": set()}
    for snap in previous.values():
        for relation, values in ids.items():
            values.update(snap.get(relation, []))
    names = {
        "themes": {t.pk: t.name for t in Theme.objects.filter(pk__in=ids["themes"])},
        "sdgs": {
            g.pk: str(g) for g in SustainableDevelopmentGoal.objects.filter(pk__in=ids["sdgs"])
        },
        "contacts": {u.pk: u.get_full_name() for u in User.objects.filter(pk__in=ids["contacts"])},
    }
    labels = _field_labels()
    for revision in shown:
        before = previous.get(revision.number - 1)
        revision.changes = (
            changes(before, revision.snapshot, labels, names) if before is not None else None
        )
    return render(
        request,
        "projects/project_history.html",
        {
            "project": project,
            "revisions": revisions,
            "shown": shown,
            "can_restore": request.user.has_perm("projects.change_project", project),
            # Translations are revisions too: every state of each, on the first page.
            "translation_changes": translation_history(project) if revisions.number == 1 else [],
        },
    )


@require_POST
def project_restore(request, slug, number):
    project = get_project(request, slug, "projects.change_project")
    revision = get_object_or_404(ProjectRevision, project=project, number=number)
    try:
        services.project_restore(project=project, revision=revision, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Revision %(number)d was restored.") % {"number": revision.number}
        )
    return redirect("projects:history", slug=project.slug)


# --- Documents -------------------------------------------------------------------


@login_not_required
@require_GET
def document_download(request, slug, pk):
    project = get_project(request, slug)
    document = get_object_or_404(ProjectDocument, project=project, pk=pk)
    signed = private_storage.signed_url(
        document.file.name, content_type=document.content_type, attachment=document.original_name
    )
    if signed:
        # In object storage: a redirect to an address that works for a few minutes only.
        return _signed_redirect(signed)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if not project.is_public:
        response["Cache-Control"] = "private, no-store"
    return response


# --- Pictures --------------------------------------------------------------------

# The forms store JPEG or PNG (core.pictures); the admin's gallery inline stores uploads as sent.
PICTURE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


@login_not_required
@require_GET
def project_picture(request, slug, kind, pk=None):
    """A project's picture for whoever may read the project: members-only projects' pictures
    are not under /media/, only here."""
    project = get_object_for(
        request.user, Project.objects.all(), view="projects.view_project", slug=slug
    )
    if kind == PictureKind.COVER:
        field_file = project.cover_image
    elif kind == PictureKind.COVER_THUMBNAIL:
        field_file = project.cover_thumbnail
    else:
        picture = get_object_or_404(ProjectImage.objects.only(kind), project=project, pk=pk)
        field_file = getattr(picture, kind)  # the kinds are named after the fields
    if not field_file:
        raise Http404
    extension = Path(field_file.name).suffix.lower()
    content_type = PICTURE_TYPES.get(extension, "application/octet-stream")
    if is_private_name(field_file.name):
        signed = private_storage.signed_url(
            field_file.name.removeprefix(PRIVATE_PREFIX), content_type=content_type
        )
        if signed:
            return _signed_redirect(signed)
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Browsers keep it for this reader only; its address changes with the picture.
    response["Cache-Control"] = "private, max-age=86400"
    return response


def _signed_redirect(url: str) -> HttpResponseRedirect:
    """To a private file's signed address in object storage; nobody keeps the redirect, as the
    address expires within minutes (AWS_QUERYSTRING_EXPIRE)."""
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


# --- Comments --------------------------------------------------------------------


def _comment(request, slug, pk) -> tuple[Project, Comment]:
    project = get_project(request, slug)
    comment = get_object_or_404(Comment.objects.select_related("author"), project=project, pk=pk)
    comment.project = project  # with its city, for the moderation rules
    return project, comment


@require_POST
def comment_create(request, slug):
    project = get_project(request, slug, "projects.comment_project")
    form = CommentForm(request.POST)
    if not form.is_valid():
        if "content_language" in form.errors:
            messages.error(
                request,
                _("Your comment was not posted: choose the language of the text in the list."),
            )
        else:
            messages.error(request, _("Your comment was not posted: write something first."))
        return redirect(project)
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(project=project, pk=form.cleaned_data["parent"]).first()
        if parent is None:
            return HttpResponseBadRequest(_("The comment you reply to does not exist."))
    try:
        comment = services.comment_create(
            project=project,
            author=request.user,
            body=form.cleaned_data["body"],
            content_language=form.cleaned_data["content_language"],
            parent=parent,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(project)
    messages.success(request, _("Your comment was posted."))
    return redirect(f"{project.get_absolute_url()}#comment-{comment.pk}")


@require_http_methods(["GET", "POST"])
def comment_edit(request, slug, pk):
    project, comment = _comment(request, slug, pk)
    if not request.user.has_perm("projects.change_comment", comment):
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        services.comment_edit(
            comment=comment,
            body=form.cleaned_data["body"],
            content_language=form.cleaned_data["content_language"],
        )
        messages.success(request, _("Your comment was updated."))
        return redirect(f"{project.get_absolute_url()}#comment-{comment.pk}")
    return render(
        request,
        "projects/comment_edit.html",
        {"project": project, "comment": comment, "form": form},
    )


@require_POST
def comment_delete(request, slug, pk):
    project, comment = _comment(request, slug, pk)
    if not request.user.has_perm("projects.delete_comment", comment):
        raise PermissionDenied
    services.comment_delete(comment=comment)
    messages.success(request, _("Your comment was deleted."))
    return redirect(project)


@require_POST
def comment_hide(request, slug, pk):
    project, comment = _comment(request, slug, pk)
    if not request.user.has_perm("projects.hide_comment", comment):
        raise PermissionDenied
    form = CommentHideForm(request.POST)
    anchor = f"{project.get_absolute_url()}#comment-{comment.pk}"
    if not form.is_valid():
        messages.error(
            request, _("The comment was not hidden: %(errors)s") % {"errors": form.error_text()}
        )
        return redirect(anchor)
    try:
        services.comment_hide(
            comment=comment,
            moderator=request.user,
            reason_kind=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The comment is now hidden; its author was told why."))
    return redirect(anchor)


@require_POST
def comment_report(request, slug, pk):
    project, comment = _comment(request, slug, pk)
    if not request.user.has_perm("projects.report_comment", comment):
        raise PermissionDenied
    form = CommentReportForm(request.POST)
    anchor = f"{project.get_absolute_url()}#comment-{comment.pk}"
    if not form.is_valid():
        messages.error(
            request, _("The comment was not reported: %(errors)s") % {"errors": form.error_text()}
        )
        return redirect(anchor)
    try:
        services.comment_report(
            comment=comment,
            reporter=request.user,
            reason_kind=form.cleaned_data["reason"],
            text=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: the moderators will look at this comment."))
    return redirect(anchor)
