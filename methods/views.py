from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from cities.models import City
from cities.rules import approved_cities, is_moderator
from cities.views import refuse_to_non_member
from core.concurrency import EditConflict
from core.enums import ContentLanguage, Visibility
from core.objects import get_object_for
from core.pagecache import public_page
from languages.selectors import attach_translations, translation_history
from themes.models import Theme

from . import selectors, services
from .diff import changes
from .enums import MethodKind
from .forms import DocumentFormSet, MethodFilterForm, MethodForm, document_changes
from .models import Method, MethodDocument

PAGE_SIZE = 24
HISTORY_PAGE_SIZE = 20


def get_method(request, slug: str, permission: str | None = None) -> Method:
    """The method, 404 for who may not read it, 403 for who reads it but may not act."""
    return get_object_for(
        request.user,
        Method.objects.select_related("city", "author"),
        view="methods.view_method",
        act=permission,
        slug=slug,
    )


# --- List, detail ------------------------------------------------------------------------------


@login_not_required
@require_GET
@public_page
def method_list(request):
    form = MethodFilterForm(request.GET)
    form.is_valid()  # invalid values are reported next to the filter and ignored
    filters = {key: value for key, value in form.cleaned_data.items() if value}
    user = request.user
    methods = selectors.filter_methods(selectors.visible_methods(user), filters, user)
    page = Paginator(selectors.card_queryset(methods, user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "methods/method_list.html",
        {
            "form": form,
            "page": page,
            "methods": list(page.object_list),
            "filters": filters,
            "can_add": user.has_perm("methods.add_method"),
        },
    )


@login_not_required
@require_GET
@public_page
def method_detail(request, slug):
    method = selectors.method_for_detail(slug, request.user)
    if method is None:
        raise Http404
    attach_translations([method], get_language(), original=request.GET.get("original") == "1")
    user = request.user
    documents = list(method.documents.all())
    return render(
        request,
        "methods/method_detail.html",
        {
            "method": method,
            "templates": [document for document in documents if document.is_template],
            "attachments": [document for document in documents if not document.is_template],
            "can_edit": user.has_perm("methods.change_method", method),
            "can_delete": user.has_perm("methods.delete_method", method),
        },
    )


# --- Create, edit, delete ----------------------------------------------------------------------


def _cities_of(user: User):
    """The cities a method may be written up for: one's own, or any for coordinators."""
    if is_moderator(user):
        return City.objects.active().order_by("country", "name")
    return City.objects.filter(pk__in=list(approved_cities(user))).order_by("name")


def _method_form(request, method: Method | None):
    user = request.user
    cities = _cities_of(user) if method is None else City.objects.filter(pk=method.city_id)
    instance = method or Method()
    initial = {}
    if method is None:
        initial = {"content_language": request.LANGUAGE_CODE}
        if len(approved_cities(user)) == 1 and not is_moderator(user):
            initial["city"] = next(iter(approved_cities(user)))
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = MethodForm(data, files, instance=instance, user=user, cities=cities, initial=initial)
    documents = DocumentFormSet(data, files, instance=instance, prefix="documents")
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid() and documents.is_valid():
            try:
                saved = services.method_save(
                    method=instance,
                    data=form.method_data(),
                    themes=form.cleaned_data["themes"],
                    tags=form.cleaned_data["tags"],
                    documents=document_changes(documents),
                    user=user,
                    version=form.opened_version,
                )
            except EditConflict as conflict:
                form.refuse(conflict.current)
                status = HTTPStatus.CONFLICT
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The method was saved."))
                return redirect(saved)
        if status != HTTPStatus.CONFLICT:  # the conflict box says it, with what changed
            messages.error(request, _("The method was not saved: please correct the errors below."))
    return render(
        request,
        "methods/method_form.html",
        {"form": form, "document_formset": documents, "method": method},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def method_create(request):
    if not request.user.has_perm("methods.add_method"):
        return refuse_to_non_member(request)
    return _method_form(request, None)


@require_http_methods(["GET", "POST"])
def method_edit(request, slug):
    return _method_form(request, get_method(request, slug, "methods.change_method"))


@require_POST
def method_delete(request, slug):
    method = get_method(request, slug, "methods.delete_method")
    services.method_delete(method=method, user=request.user)
    messages.success(request, _("The method was deleted."))
    return redirect("methods:list")


# --- History -----------------------------------------------------------------------------------


def _field_labels() -> dict[str, str]:
    labels = {
        field.name: str(field.verbose_name)
        for field in Method._meta.get_fields()
        if hasattr(field, "verbose_name")
    }
    labels["tags"] = _("tags")
    labels["documents"] = _("attachments and templates")
    return labels


@login_not_required
@require_GET
@public_page
def method_history(request, slug):
    method = get_method(request, slug)
    revisions = Paginator(
        method.revisions.select_related("author").order_by("-number"), HISTORY_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    shown = list(revisions.object_list)
    previous = {
        revision.number: revision.snapshot
        for revision in method.revisions.filter(
            number__in=[revision.number - 1 for revision in shown]
        )
    }
    previous.update({revision.number: revision.snapshot for revision in shown})
    theme_ids = {pk for snap in previous.values() for pk in snap.get("themes", [])}
    names = {
        "themes": {theme.pk: theme.name for theme in Theme.objects.filter(pk__in=theme_ids)},
        "kind": {value: str(label) for value, label in MethodKind.choices},
        "visibility": {value: str(label) for value, label in Visibility.choices},
        "content_language": {value: str(label) for value, label in ContentLanguage.choices},
    }
    labels = _field_labels()
    for revision in shown:
        before = previous.get(revision.number - 1)
        revision.changes = (
            changes(before, revision.snapshot, labels, names) if before is not None else None
        )
    return render(
        request,
        "methods/method_history.html",
        {
            "method": method,
            "revisions": revisions,
            "shown": shown,
            # Translations are revisions too: every state of each, on the first page.
            "translation_changes": translation_history(method) if revisions.number == 1 else [],
        },
    )


# --- Attachments -------------------------------------------------------------------------------


@login_not_required
@require_GET
def document_download(request, slug, pk):
    """An attachment, for whoever may read the method, from the private storage."""
    method = get_method(request, slug)
    document = get_object_or_404(MethodDocument, method=method, pk=pk)
    storage = document.file.storage
    backend = getattr(storage, "backend", storage)
    if not isinstance(backend, FileSystemStorage):
        # In object storage: a redirect to an address that works for a few minutes only.
        response = HttpResponseRedirect(
            backend.url(
                document.file.name,
                parameters={
                    "ResponseContentType": document.content_type,
                    "ResponseContentDisposition": content_disposition_header(
                        True, document.original_name
                    ),
                },
            )
        )
        response["Cache-Control"] = "private, no-store"
        return response
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
    if not method.is_public:
        response["Cache-Control"] = "private, no-store"
    return response
