from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.pagecache import public_page

from . import map as city_map
from . import services
from .forms import MembershipDecisionForm, MembershipRequestForm
from .models import City, Membership
from .selectors import (
    cities_by_country,
    city_people,
    pending_memberships,
    user_memberships,
    waiting_requests,
)


@login_not_required
@require_GET
@public_page
def city_list(request):
    groups = cities_by_country()
    cities = [city for _label, group in groups for city in group]
    return render(
        request,
        "cities/city_list.html",
        {
            "groups": groups,
            "map": city_map.city_map(
                cities, title=_("Map of the member cities in France and Sweden")
            ),
        },
    )


def _network_with(city: City) -> list[City]:
    """The active member cities, and ``city`` itself even when it no longer is one."""
    cities = list(City.objects.active().order_by("name"))
    return cities if city in cities else [*cities, city]


@login_not_required
@require_GET
@public_page
def city_detail(request, slug):
    city = get_object_or_404(City, slug=slug)
    can_see_people = request.user.has_perm("cities.see_people")
    return render(
        request,
        "cities/city_detail.html",
        {
            "city": city,
            # The whole network, this city marked: where it stands among the others. Projects
            # have no coordinates of their own; the city's are listed below the map.
            "map": city_map.city_map(
                _network_with(city),
                title=_("Where %(city)s is in the network") % {"city": city.display_name},
                map_id="city-map",
                current=city,
                caption=_("The larger dot is %(city)s; its projects are listed below.")
                % {"city": city.display_name},
            ),
            "people": list(city_people(city)) if can_see_people else None,
            "themes": city.proposed_themes.all(),
            "can_review": request.user.has_perm("cities.review_memberships", city),
        },
    )


@require_GET
def membership_review(request, slug):
    city = get_object_or_404(City, slug=slug)
    if not request.user.has_perm("cities.review_memberships", city):
        raise PermissionDenied
    return render(
        request,
        "cities/membership_review.html",
        {"city": city, "requests": pending_memberships(city)},
    )


@require_POST
def membership_decision(request, slug, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("city", "user"), pk=pk, city__slug=slug
    )
    if not request.user.has_perm("cities.decide_membership", membership):
        raise PermissionDenied
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose to approve or reject the request."))
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.membership_decide(
            membership=membership,
            decided_by=request.user,
            approve=approve,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        name = membership.user.get_full_name()
        if approve:
            messages.success(
                request,
                _("%(name)s is now a member of %(city)s.")
                % {"name": name, "city": membership.city.display_name},
            )
        else:
            messages.success(request, _("%(name)s's request was rejected.") % {"name": name})
    return redirect("cities:membership_review", slug=slug)


@require_http_methods(["GET", "POST"])
def membership_request_page(request):
    """Ask to join a member city with a role; its coordinators decide."""
    if request.method == "POST":
        form = MembershipRequestForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                created = services.membership_request(
                    user=request.user,
                    city=form.cleaned_data["city"],
                    role=form.cleaned_data["role"],
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your request to join %(city)s was sent to its coordinators.")
                    % {"city": created.city.display_name},
                )
                return redirect("membership:request")
    else:
        form = MembershipRequestForm(user=request.user, initial={"city": request.GET.get("city")})
    return render(
        request,
        "cities/membership_request.html",
        {"form": form, "memberships": user_memberships(request.user)},
    )


def refuse_to_non_member(request, message: str | None = None):
    """The answer to someone who may not post or ask because they are not an approved member.

    Who has asked to join a city and is waiting for its coordinators is told so, and since when:
    "ask your city's coordinator" is what they already did. Anyone else gets the usual 403.
    """
    waiting = waiting_requests(request.user)
    if not waiting:
        raise PermissionDenied(message) if message else PermissionDenied
    return render(request, "cities/membership_waiting.html", {"waiting": waiting}, status=403)
