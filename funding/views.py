from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.objects import get_object_for
from core.pagecache import public_page
from languages.selectors import attach_translations

from . import selectors, services
from .calendar import deadline_calendar
from .enums import CallStatus
from .forms import CallFilterForm, CallForm, DeadlineFormSet
from .models import FundingCall


def get_call(request, slug: str, permission: str | None = None) -> FundingCall:
    return get_object_for(
        request.user,
        FundingCall.objects.all(),
        view="funding.view_fundingcall",
        act=permission,
        slug=slug,
    )


# --- List, detail --------------------------------------------------------------


@login_not_required
@require_GET
@public_page
def call_list(request):
    form = CallFilterForm(request.GET)
    filters = form.filters()  # invalid values are reported next to the filter and ignored
    found = selectors.call_list(user=request.user, page=request.GET.get("page"), **filters)
    return render(
        request,
        "funding/call_list.html",
        {
            "form": form,
            "filters": filters,
            "page": found.page,
            "calls": found.calls,
            "status_counts": [
                (value, label, found.counts[value]) for value, label in CallStatus.choices
            ],
            "can_add": request.user.has_perm("funding.add_fundingcall"),
        },
    )


@login_not_required
@require_GET
def call_detail(request, slug):
    call = selectors.call_for_detail(slug)
    if call is None or not request.user.has_perm("funding.view_fundingcall", call):
        raise Http404
    if request.user.is_authenticated:
        # Members see the network's part (interested cities, partner searches): their page
        # is never stored.
        return _call_page(request, call)
    return _visitor_call_page(request, call)


def _call_page(request, call: FundingCall):
    attach_translations([call], get_language(), original=request.GET.get("original") == "1")
    return render(
        request,
        "funding/call_detail.html",
        {
            "call": call,
            "deadlines": list(call.deadlines.all()),
            "can_edit": request.user.has_perm("funding.change_fundingcall", call),
            "can_delete": request.user.has_perm("funding.delete_fundingcall", call),
        },
    )


# What every visitor sees alike: stored in the page cache, as a project's page is.
_visitor_call_page = public_page(_call_page)


# --- Create, edit, delete ------------------------------------------------------


def _add_errors(error: ValidationError, form: CallForm, deadlines) -> None:
    """The service's refusal, each message where it belongs on the page."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        if field == "deadlines":
            deadlines.refuse(errors)
        elif field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, errors)


def _call_form_page(request, call: FundingCall | None):
    data = request.POST if request.method == "POST" else None
    heading = call.title if call is not None else ""  # before the form changes the instance
    initial = {} if call is not None else {"content_language": request.LANGUAGE_CODE}
    form = CallForm(data, instance=call, initial=initial)
    deadlines = DeadlineFormSet(
        data,
        prefix="deadlines",
        initial=(
            [{"at": row.at, "label": row.label} for row in call.deadlines.order_by("at")]
            if call is not None
            else None
        ),
    )
    if data is not None:
        form_valid = form.is_valid()
        deadlines.opens_on = form.cleaned_data.get("opens_on")
        if all([form_valid, deadlines.is_valid()]):
            try:
                saved = services.call_save(
                    call=call,
                    data=form.call_data(),
                    deadlines=deadlines.deadlines(),
                    themes=form.cleaned_data["themes"],
                    sdgs=form.cleaned_data["sdgs"],
                    user=request.user,
                )
            except ValidationError as error:
                _add_errors(error, form, deadlines)
            else:
                messages.success(request, _("The call was saved."))
                return redirect(saved)
        messages.error(request, _("The call was not saved: please correct the errors below."))
    return render(
        request,
        "funding/call_form.html",
        {"form": form, "deadline_formset": deadlines, "call": call, "heading": heading},
        status=HTTPStatus.OK,
    )


@require_http_methods(["GET", "POST"])
def call_create(request):
    if not request.user.has_perm("funding.add_fundingcall"):
        raise PermissionDenied(_("Only the network's coordinators record funding calls."))
    return _call_form_page(request, None)


@require_http_methods(["GET", "POST"])
def call_edit(request, slug):
    call = get_call(request, slug, "funding.change_fundingcall")
    return _call_form_page(request, call)


@require_POST
def call_delete(request, slug):
    call = get_call(request, slug, "funding.delete_fundingcall")
    services.call_delete(call=call, user=request.user)
    messages.success(request, _("The call was deleted."))
    return redirect("funding:list")


# --- iCalendar -------------------------------------------------------------------


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_not_required
@require_GET
def deadlines_ics(request):
    """The subscribable feed of every deadline of open and upcoming calls, and of those
    closed in the last 30 days."""
    content = deadline_calendar(
        selectors.feed_calls(), name=_("Funding call deadlines · Alliance Portal")
    )
    return _ics_response(content, "funding-call-deadlines.ics")


@login_not_required
@require_GET
def call_ics(request, slug):
    call = selectors.call_with_deadlines(slug)
    if call is None:
        raise Http404
    return _ics_response(deadline_calendar([call]), f"{call.slug}-deadlines.ics")
