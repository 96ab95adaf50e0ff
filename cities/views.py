from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events.models import Event
from events.selectors import card_queryset as event_cards
from projects.selectors import card_queryset, visible_projects
from questions.selectors import card_queryset as question_cards
from questions.selectors import visible_questions

from . import map as city_map
from .forms import MembershipDecisionForm
from .models import City, Membership
from .selectors import cities_by_country, city_people, pending_memberships
from .services import membership_decide

PROJECTS_SHOWN = 12
EVENTS_SHOWN = 6


@login_not_required
@require_GET
def city_list(request):
    groups = cities_by_country()
    cities = [city for _label, group in groups for city in group]
    return render(
        request,
        "cities/city_list.html",
        {
            "groups": groups,
            "map_points": city_map.map_points(cities),
            "map_width": city_map.WIDTH,
            "map_height": city_map.HEIGHT,
        },
    )


@login_not_required
@require_GET
def city_detail(request, slug):
    city = get_object_or_404(City, slug=slug)
    can_see_people = request.user.has_perm("cities.see_people")
    return render(
        request,
        "cities/city_detail.html",
        {
            "city": city,
            "people": list(city_people(city)) if can_see_people else None,
            "themes": city.proposed_themes.all(),
            "questions": list(
                question_cards(
                    visible_questions(request.user)
                    .filter(Q(city=city) | Q(answers__city=city))
                    .distinct()
                ).order_by(F("closed_at").asc(nulls_first=True), "-created_at")[:EVENTS_SHOWN]
            ),
            "events": list(
                event_cards(
                    Event.objects.visible_to(request.user)
                    .published()
                    .upcoming()
                    .filter(Q(host_city=city) | Q(cities=city))
                    .distinct()
                )[:EVENTS_SHOWN]
            ),
            "projects": list(
                card_queryset(visible_projects(request.user).filter(city=city)).order_by(
                    "-created_at"
                )[:PROJECTS_SHOWN]
            ),
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
        membership_decide(
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
                % {"name": name, "city": membership.city.name},
            )
        else:
            messages.success(request, _("%(name)s's request was rejected.") % {"name": name})
    return redirect("cities:membership_review", slug=slug)
