from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.links import safe_next

from . import services
from .enums import FOLLOWABLE
from .forms import FollowForm
from .models import Notification
from .selectors import attach_shown_titles

PAGE_SIZE = 30
VIEW_PERMISSIONS = {
    "project": "projects.view_project",
    "question": "questions.view_question",
    "event": "events.view_event",
}


@require_GET
def notification_list(request):
    page = Paginator(
        Notification.objects.filter(recipient=request.user).select_related(
            "actor", "city", "subject_type"
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    # Each line in the page's language: its title translated when it can be (one query).
    items = attach_shown_titles(page, get_language())
    return render(request, "notifications/notification_list.html", {"page": page, "items": items})


@require_POST
def notification_read(request, pk):
    """Mark one notification read and go to what it is about."""
    notification = get_object_or_404(Notification, recipient=request.user, pk=pk)
    services.mark_read(user=request.user, notification=notification)
    return redirect(f"/{request.LANGUAGE_CODE}{notification.path}")


@require_POST
def notification_read_all(request):
    count = services.mark_read(user=request.user)
    messages.success(
        request, _("All notifications are marked as read.") if count else _("Nothing new.")
    )
    return redirect("notifications:list")


@require_POST
def follow_toggle(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("This cannot be followed."))
    kind, pk = form.cleaned_data["kind"], form.cleaned_data["id"]
    model = apps.get_model(FOLLOWABLE[kind])
    target = model.objects.filter(pk=pk).first()
    permission = VIEW_PERMISSIONS.get(kind)
    if target is None or (permission and not request.user.has_perm(permission, target)):
        raise Http404
    next_url = safe_next(request, target.get_absolute_url())
    if form.cleaned_data["operation"] == "follow":
        try:
            services.follow(user=request.user, target=target)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You now follow “%(name)s”.") % {"name": target})
    else:
        services.unfollow(user=request.user, target=target)
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": target})
    return redirect(next_url)


@login_not_required
@csrf_exempt  # one-click unsubscribe POSTs from mail programs carry no token: the signature does
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Stop the e-mails, without signing in: the signed token identifies the person."""
    user = services.user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        services.unsubscribe(user=user)
        return render(request, "notifications/unsubscribe_done.html", {"person": user})
    return render(request, "notifications/unsubscribe.html", {"person": user, "token": token})
