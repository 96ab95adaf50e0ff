"""Partner sheets: ask for one, see whether it is ready, download it (PDF or DOCX)."""

from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from cities.models import City
from languages.selectors import attach_translations
from projects.storage import private_storage

from .models import FundingCall, PartnerSheet
from .sheets import (
    DOCX_TYPE,
    PDF_TYPE,
    SheetLimitReached,
    SheetRequestForm,
    may_make_sheets,
    may_read_sheet,
    sheet_cities,
    sheet_filename,
    sheet_request,
)

PERMISSION = "funding.make_partner_sheet"
FILES = {"pdf": PDF_TYPE, "docx": DOCX_TYPE}


def _refused(request, call: FundingCall, form: SheetRequestForm, status: int):
    """The form again, with what was wrong (400) or why not now (429); nothing was made."""
    attach_translations([call], get_language())
    response = render(
        request,
        "funding/sheet_status.html",
        {"call": call, "form": form, "state": "refused"},
        status=status,
    )
    add_never_cache_headers(response)
    return response


@require_POST
def sheet_request_view(request, slug):
    call = get_object_or_404(FundingCall, slug=slug)
    user = request.user
    if not may_make_sheets(user):
        raise PermissionDenied
    asked = City.objects.filter(slug=request.POST.get("city") or "").first()
    if asked is not None and not user.has_perm(PERMISSION, asked):
        raise PermissionDenied
    form = SheetRequestForm(request.POST, cities=sheet_cities(user))
    if not form.is_valid():
        return _refused(request, call, form, HTTPStatus.BAD_REQUEST)
    try:
        sheet = sheet_request(
            call=call,
            city=form.cleaned_data["city"],
            language=form.cleaned_data["language"],
            user=user,
        )
    except SheetLimitReached as error:
        form.add_error(None, error)
        return _refused(request, call, form, HTTPStatus.TOO_MANY_REQUESTS)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return _refused(request, call, form, HTTPStatus.BAD_REQUEST)
    return redirect("sheets:status", slug=call.slug, token=sheet.token)


def _sheet(request, slug: str, token) -> PartnerSheet:
    """The sheet of that call (404 for a token of another call), for who may read it (403)."""
    sheet = get_object_or_404(
        PartnerSheet.objects.select_related("call", "city"), token=token, call__slug=slug
    )
    if not may_read_sheet(request.user, sheet):
        raise PermissionDenied
    return sheet


@require_GET
def sheet_status(request, slug, token):
    sheet = _sheet(request, slug, token)
    attach_translations([sheet.call], get_language())
    if sheet.ready_at is not None:
        state = "ready"
    elif sheet.failed_at is not None:
        state = "failed"
    else:
        state = "pending"
    files = []
    if state == "ready":
        for kind in FILES:
            field_file = getattr(sheet, kind)
            try:
                size = field_file.size
            except (FileNotFoundError, OSError):
                continue
            files.append({"kind": kind, "size": size, "name": sheet_filename(sheet, kind)})
    response = render(
        request,
        "funding/sheet_status.html",
        {
            "call": sheet.call,
            "sheet": sheet,
            "state": state,
            "files": files,
            "can_retry": state == "failed" and request.user.has_perm(PERMISSION, sheet.city),
            "keep_days": settings.RETENTION_PARTNER_SHEET_DAYS,
        },
    )
    add_never_cache_headers(response)  # "being prepared" now, "ready" in a moment
    return response


@require_GET
def sheet_download(request, slug, token, kind):
    sheet = _sheet(request, slug, token)
    field_file = getattr(sheet, kind)
    if sheet.ready_at is None or not field_file:
        raise Http404
    filename = sheet_filename(sheet, kind)
    signed = private_storage.signed_url(
        field_file.name, content_type=FILES[kind], attachment=filename
    )
    if signed:
        # In object storage: to an address that works for a few minutes only.
        response = HttpResponseRedirect(signed)
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=FILES[kind])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
