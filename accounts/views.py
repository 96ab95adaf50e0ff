import rules
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm
from .services import profile_update


@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's own profile; their cities and calendar come from those apps' tags."""
    # Asked by the permission's name, whose rule lives on a higher floor (projects); of the rules
    # alone, as no model permission grants it.
    moderator = rules.has_perm("projects.moderate", request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=request.user, moderator=moderator)
        if form.is_valid():
            data = form.cleaned_data
            profile_update(
                user=request.user,
                full_name=data["full_name"],
                job_title=data["job_title"],
                job_title_language=data["job_title_language"],
                organisation=data["organisation"],
                languages_spoken=data["languages_spoken"],
                expertise=data["expertise"],
                in_directory=data["in_directory"],
                preferred_language=data["preferred_language"],
                notification_frequency=data["notification_frequency"],
                report_emails=data.get("report_emails"),
                avatar=data["avatar"] if "avatar" in form.changed_data else None,
            )
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=request.user, moderator=moderator)
    return render(request, "accounts/profile.html", {"form": form})
