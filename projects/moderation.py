"""The moderation page and its decisions, and the review a comment's author may ask for.

Network coordinators and staff moderate every comment; a city coordinator those on their city's
projects (``projects.rules``). Each decision has a reason from the list and goes through the
moderation services, which tell the author and keep the activity log.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cities.models import City
from core.links import safe_next
from core.objects import get_object_for

from . import moderation_selectors, services
from .enums import ModerationAction, ModerationReason
from .forms import ModerationForm, ReviewRequestForm
from .models import Comment, CommentReport, Project

PAGE_SIZE = 20  # comments with open reports per page
SECTION_LIMIT = 20  # review requests and hidden comments shown, the oldest requests first


@require_GET
def moderation_page(request):
    """Open reports (paginated), review requests and hidden comments that the reader
    moderates, each with the decisions that apply to it."""
    user = request.user
    if not user.has_perm("projects.moderate"):
        raise PermissionDenied
    scope = moderation_selectors.moderation_scope(user)
    page = Paginator(moderation_selectors.reported_comments(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    reviews = moderation_selectors.review_requests(user, SECTION_LIMIT)
    hidden = moderation_selectors.hidden_comments(user, SECTION_LIMIT)
    return render(
        request,
        "projects/moderation.html",
        {
            "page": page,
            "reported": list(page.object_list),
            "reviews": reviews[:SECTION_LIMIT],
            "more_reviews": len(reviews) > SECTION_LIMIT,
            "hidden": hidden[:SECTION_LIMIT],
            "more_hidden": len(hidden) > SECTION_LIMIT,
            "section_limit": SECTION_LIMIT,
            "cities": None if scope is None else City.objects.filter(pk__in=scope),
            "reasons": ModerationReason.choices,
            "next": request.get_full_path(),
        },
    )


def _may(user, action: str, comment: Comment) -> bool:
    if action == ModerationAction.HIDE:
        return user.has_perm("projects.hide_comment", comment)
    if action == ModerationAction.RESTORE:
        return user.has_perm("projects.restore_comment", comment)
    if comment.is_hidden:  # dismissing the review request: the comment stays hidden
        return user.has_perm("projects.hide_comment", comment)
    return user.has_perm("projects.dismiss_report", CommentReport(comment=comment))


def _decide(action: str, comment: Comment, moderator, reason_kind: str, note: str) -> str:
    """Apply the decision through its service; the message that says it was done."""
    arguments = {"moderator": moderator, "reason_kind": reason_kind, "note": note}
    if action == ModerationAction.HIDE:
        services.comment_hide(comment=comment, **arguments)
        return _("The comment is now hidden; its author was told why.")
    if action == ModerationAction.RESTORE:
        services.comment_unhide(comment=comment, **arguments)
        return _("The comment is shown again; its author was told.")
    if comment.is_hidden:
        services.comment_review_decline(comment=comment, **arguments)
        return _("The comment stays hidden; its author was told why.")
    count = services.comment_reports_dismiss(comment=comment, **arguments)
    return ngettext(
        "%(count)d report was dismissed; the comment stays as it is.",
        "%(count)d reports were dismissed; the comment stays as it is.",
        count,
    ) % {"count": count}


@require_POST
def moderation_decide(request, pk):
    """One decision on one comment. Anything wrong (a reason outside the list, "other" without
    a note, a decision that does not apply, another city's comment) is said in a message, and
    nothing changes."""
    user = request.user
    if not user.has_perm("projects.moderate"):
        raise PermissionDenied
    back = safe_next(request, reverse("moderation:page"))
    comment = get_object_or_404(Comment.objects.select_related("project__city", "author"), pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Nothing was changed: %(errors)s") % {"errors": form.error_text()}
        )
        return redirect(back)
    action = form.cleaned_data["action"]
    if not _may(user, action, comment):
        messages.error(
            request,
            _(
                "Nothing was changed: this comment is on a project of another city, which its "
                "own coordinators and the network coordinators moderate."
            ),
        )
        return redirect(back)
    try:
        done = _decide(
            action, comment, user, form.cleaned_data["reason"], form.cleaned_data["note"]
        )
    except ValidationError as error:
        messages.error(
            request, _("Nothing was changed: %(errors)s") % {"errors": " ".join(error.messages)}
        )
    else:
        messages.success(request, done)
    return redirect(back)


@require_http_methods(["GET", "POST"])
def comment_review(request, slug, pk):
    """The author of a hidden comment reads why it was hidden and may ask, once, for the
    moderators to look at it again."""
    project = get_object_for(
        request.user,
        Project.objects.select_related("city"),
        view="projects.view_project",
        slug=slug,
    )
    comment = get_object_or_404(
        Comment.objects.select_related("author", "hidden_by"), project=project, pk=pk
    )
    comment.project = project
    if not request.user.has_perm("projects.request_review", comment):
        raise PermissionDenied
    form = ReviewRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_review_request(
                comment=comment, author=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your request was sent to the moderators: they will answer by e-mail.")
            )
        return redirect("projects:comment_review", slug=project.slug, pk=comment.pk)
    return render(
        request,
        "projects/comment_review.html",
        {"project": project, "comment": comment, "form": form},
    )
