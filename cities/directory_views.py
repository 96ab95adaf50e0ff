"""The member directory's pages: the list, one person's entry, and writing to them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.pagecache import member_page

from .directory import (
    ContactLimitReached,
    ContactRequestForm,
    DirectoryFilterForm,
    contact_request_send,
    directory_page,
    directory_person,
)
from .views import refuse_to_non_member

PERMISSION = "cities.see_people"


def _refusal(request):
    return refuse_to_non_member(
        request, _("The member directory is open to the approved members of the network.")
    )


def _person_or_404(pk: int):
    person = directory_person(pk)
    if person is None:
        raise Http404
    return person


@require_GET
@member_page
def directory(request):
    if not request.user.has_perm(PERMISSION):
        return _refusal(request)
    form = DirectoryFilterForm(request.GET)
    form.is_valid()  # what is not valid is said beside its filter and left out
    page = directory_page(form.filters, request.GET.get("page"))
    return render(
        request,
        "cities/member_list.html",
        {"form": form, "page": page, "people": page.object_list},
    )


def _profile(request, person, form, status: int = 200):
    return render(
        request,
        "cities/member_detail.html",
        {"person": person, "form": form, "is_self": person.pk == request.user.pk},
        status=status,
    )


@require_GET
@member_page
def profile(request, pk):
    if not request.user.has_perm(PERMISSION):
        return _refusal(request)
    person = _person_or_404(pk)
    form = None
    if person.pk != request.user.pk:
        form = ContactRequestForm(sender=request.user, recipient=person)
    return _profile(request, person, form)


@require_POST
def contact(request, pk):
    """Send ``pk`` a message by e-mail (``directory.contact_request_send``)."""
    if not request.user.has_perm(PERMISSION):
        return _refusal(request)
    person = _person_or_404(pk)
    form = ContactRequestForm(request.POST, sender=request.user, recipient=person)
    if not form.is_valid():
        return _profile(request, person, form)
    try:
        contact_request_send(
            sender=request.user, recipient=person, message=form.cleaned_data["message"]
        )
    except ContactLimitReached as error:
        form.add_error(None, error)
        return _profile(request, person, form, status=429)
    except ValidationError as error:
        form.add_error(None, error)
        return _profile(request, person, form)
    messages.success(
        request,
        _(
            "Your message is on its way to %(name)s, with your e-mail address so that they can "
            "answer you."
        )
        % {"name": person.full_name},
    )
    return redirect("members:profile", pk=person.pk)
