"""The glossary's pages. Who may propose and approve is decided by the permission names
``languages.propose_entry`` and ``languages.approve_entry``, whose rules live with the
memberships, on a higher floor (cities/rules.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.pagecache import public_page

from . import selectors, services
from .forms import EntryForm
from .models import GlossaryEntry

PROPOSE = "languages.propose_entry"
APPROVE = "languages.approve_entry"


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


@login_not_required
@require_GET
@public_page
def entry_list(request):
    language = get_language()
    query = request.GET.get("q", "").strip()[:200]
    rows = selectors.glossary_rows(language=language, query=query)
    return render(
        request,
        "languages/entry_list.html",
        {"query": query, "groups": selectors.by_initial(rows, language), "count": len(rows)},
    )


@login_not_required
@require_GET
@public_page
def entry_detail(request, slug):
    entry = get_object_or_404(GlossaryEntry.objects.published(), slug=slug)
    return render(request, "languages/entry_detail.html", {"entry": entry})


def _save_proposal(request, form: EntryForm, corrects: GlossaryEntry | None):
    try:
        services.entry_propose(
            proposed_by=request.user,
            content=form.content(),
            note=form.cleaned_data["note"],
            corrects=corrects,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, _("Thank you: the network coordinators will review your proposal."))
    return redirect(corrects.get_absolute_url() if corrects else "glossary:list")


@require_http_methods(["GET", "POST"])
def entry_propose(request):
    _require(request, PROPOSE)
    form = EntryForm(request.POST or None)
    if form.is_valid() and (response := _save_proposal(request, form, None)):
        return response
    return render(request, "languages/entry_form.html", {"form": form, "corrects": None})


@require_http_methods(["GET", "POST"])
def entry_correct(request, slug):
    entry = get_object_or_404(GlossaryEntry.objects.published(), slug=slug)
    _require(request, PROPOSE)
    form = EntryForm(request.POST or None, instance=entry, initial={"note": ""})
    if form.is_valid() and (response := _save_proposal(request, form, entry)):
        return response
    return render(request, "languages/entry_form.html", {"form": form, "corrects": entry})


@require_GET
def proposal_list(request):
    _require(request, APPROVE)
    proposals = [
        {
            "entry": proposal,
            "changes": selectors.correction_changes(proposal) if proposal.is_correction else None,
        }
        for proposal in selectors.pending_proposals()
    ]
    return render(request, "languages/proposal_list.html", {"proposals": proposals})


@require_POST
def proposal_decide(request, pk):
    _require(request, APPROVE)
    proposal = get_object_or_404(GlossaryEntry.objects.pending(), pk=pk)
    decision = request.POST.get("decision")
    try:
        if decision == "approve":
            entry = services.entry_approve(entry=proposal, decided_by=request.user)
            messages.success(request, _("Published: “%(term)s”.") % {"term": entry})
        elif decision == "reject":
            services.entry_reject(entry=proposal, decided_by=request.user)
            messages.success(request, _("Proposal rejected: “%(term)s”.") % {"term": proposal})
        else:
            messages.error(request, _("Choose to approve or to reject the proposal."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("glossary:proposals")
