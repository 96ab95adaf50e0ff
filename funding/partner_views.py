"""Partner searches, their answers and the cities' interest in calls: for the network's members
only. Visitors are sent to the sign-in page (the views need a signed-in person); signed-in
people who read no members' content get a 403 on the pages that name no search, a 404 on a
search's page."""

from http import HTTPStatus

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cities.rules import approved_cities
from cities.views import refuse_to_non_member

from . import partner_selectors as selectors
from . import partners
from .models import FundingCall, PartnerSearch
from .partner_forms import (
    InterestForm,
    PartnerFilterForm,
    PartnerSearchForm,
    ReplyForm,
    hide_single_city,
    own_projects,
)

PAGE_SIZE = 20


def _refuse(request):
    return refuse_to_non_member(
        request, _("Partner searches are for approved members of the network's cities.")
    )


def _search_or_404(request, pk: int) -> PartnerSearch:
    """The search, for who reads the network's content; a 404 for anyone else."""
    if not request.user.has_perm("funding.view_partners"):
        raise Http404
    search = selectors.search_for_detail(pk)
    if search is None:
        raise Http404
    return search


# --- List, detail ------------------------------------------------------------------------------


@require_GET
def partner_list(request):
    if not request.user.has_perm("funding.view_partners"):
        return _refuse(request)
    form = PartnerFilterForm(request.GET)
    form.is_valid()  # invalid values are reported next to the filter and ignored
    filters = {key: value for key, value in form.cleaned_data.items() if value}
    searches = selectors.card_queryset(
        selectors.filter_searches(selectors.open_searches(), filters)
    )
    page = Paginator(searches, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "funding/partner_list.html",
        {
            "form": form,
            "page": page,
            "searches": selectors.with_titles(page.object_list),
            "filters": filters,
            "can_post": bool(approved_cities(request.user)),
        },
    )


@require_GET
def partner_detail(request, pk):
    search = _search_or_404(request, pk)
    user = request.user
    selectors.with_titles([search])
    replies = list(search.replies.all())
    is_open = partners.search_is_open(search)
    reply_form = None
    if is_open and user.has_perm("funding.reply_partner_search", search):
        answered = {reply.city_id for reply in replies}
        cities = set(approved_cities(user)) - answered - {search.city_id}
        if cities:
            reply_form = ReplyForm(user=user, search=search)
            reply_form.fields["city"].queryset = reply_form.fields["city"].queryset.exclude(
                pk__in=answered
            )
            hide_single_city(reply_form, cities)
    return render(
        request,
        "funding/partner_detail.html",
        {
            "search": search,
            "replies": replies,
            "is_open": is_open,
            "reply_form": reply_form,
            "own_city": search.city_id in approved_cities(user),
            "can_close": is_open and user.has_perm("funding.close_partner_search", search),
        },
    )


# --- Post, answer, close -----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def partner_new(request):
    user = request.user
    if not approved_cities(user):
        return refuse_to_non_member(
            request, _("Approved members of a member city can look for partners.")
        )
    initial = {}
    if request.method == "GET":
        call = selectors.open_calls().filter(slug=request.GET.get("call") or "").first()
        project = (
            own_projects(approved_cities(user))
            .filter(slug=request.GET.get("project") or "")
            .first()
        )
        initial = PartnerSearchForm.initial_for(
            call=call,
            project=project,
            language=request.LANGUAGE_CODE,
        )
    form = PartnerSearchForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            search = partners.search_post(
                call=data["call"],
                project=data["project"],
                city=data["city"],
                author=user,
                title=data["title"],
                roles_sought=data["roles_sought"],
                wants_france=data["wants_france"],
                wants_sweden=data["wants_sweden"],
                description=data["description"],
                content_language=data["content_language"],
                closes_on=data["closes_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your partner search was posted; the network's members are told.")
            )
            return redirect(search)
    if request.method == "POST":
        messages.error(request, _("The search was not posted: please correct the errors below."))
    return render(request, "funding/partner_form.html", {"form": form})


@require_POST
def partner_reply(request, pk):
    search = _search_or_404(request, pk)
    user = request.user
    if not user.has_perm("funding.reply_partner_search", search):
        if search.city_id in approved_cities(user):
            messages.error(request, _("Your own city posted this search: other cities answer it."))
            return redirect(search)
        raise PermissionDenied
    form = ReplyForm(request.POST, user=user, search=search)
    if not form.is_valid():
        return render(
            request,
            "funding/partner_reply_form.html",
            {"form": form, "search": search},
            status=HTTPStatus.BAD_REQUEST,
        )
    try:
        reply = partners.reply_post(
            search=search,
            city=form.cleaned_data["city"],
            author=user,
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(search)
    messages.success(request, _("Your answer was sent; the city that posted the search is told."))
    return redirect(f"{search.get_absolute_url()}#reply-{reply.pk}")


@require_POST
def partner_close(request, pk):
    search = _search_or_404(request, pk)
    if not request.user.has_perm("funding.close_partner_search", search):
        raise PermissionDenied
    try:
        partners.search_close(search=search, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The partner search is closed: it takes no more answers."))
    return redirect(search)


# --- Interest in a call ------------------------------------------------------------------------


@require_POST
def call_interest(request, slug):
    call = get_object_or_404(FundingCall, slug=slug)
    user = request.user
    if not approved_cities(user):
        return refuse_to_non_member(
            request, _("Approved members of a member city say their city's interest.")
        )
    form = InterestForm(request.POST, user=user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            interest = partners.interest_set(
                call=call,
                city=data["city"],
                level=data["level"],
                projects=data["projects"],
                note=data["note"],
                user=user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            city = data["city"].display_name
            messages.success(
                request,
                _("The interest of %(city)s is saved.") % {"city": city}
                if interest is not None
                else _("%(city)s is no longer listed as interested.") % {"city": city},
            )
            return redirect(f"{call.get_absolute_url()}#call-partners")
    return render(
        request,
        "funding/partner_interest_form.html",
        {"form": form, "call": call},
        status=HTTPStatus.BAD_REQUEST,
    )
