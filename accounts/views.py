from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cities.forms import MembershipRequestForm
from cities.selectors import coordinated_cities, user_memberships
from cities.services import membership_request
from events.models import CalendarFeedToken

from .forms import ProfileForm
from .services import profile_update


@require_http_methods(["GET", "POST"])
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=request.user)
        if form.is_valid():
            profile_update(user=request.user, form=form)
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": user_memberships(request.user),
            "coordinated_cities": coordinated_cities(request.user),
            "calendar_token": CalendarFeedToken.objects.filter(user=request.user).first(),
        },
    )


@require_http_methods(["GET", "POST"])
def membership(request):
    if request.method == "POST":
        form = MembershipRequestForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                created = membership_request(
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
                    % {"city": created.city.name},
                )
                return redirect("accounts:membership")
    else:
        form = MembershipRequestForm(user=request.user, initial={"city": request.GET.get("city")})
    return render(
        request,
        "accounts/membership.html",
        {"form": form, "memberships": user_memberships(request.user)},
    )
