import csv
from functools import partial
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cities.enums import MembershipStatus
from cities.models import City
from core.concurrency import EditConflict
from core.objects import get_object_for
from core.pagecache import public_page
from languages import permissions as translation_permissions
from languages.selectors import attach_translations
from projects import pending
from projects.models import Project

from . import selectors, services
from .calendar import event_calendar
from .enums import EventState, RegistrationState
from .forms import AgendaFormSet, EventFilterForm, EventForm, RegistrationForm, agenda_changes
from .models import AgendaItem, CalendarFeedToken, Event, Registration

PAGE_SIZE = 20


def get_event(request, slug: str, permission: str | None = None) -> Event:
    """Drafts are hidden (404) from those who may not see them."""
    return get_object_for(
        request.user,
        Event.objects.select_related("host_city"),
        view="events.view_event",
        act=permission,
        slug=slug,
    )


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_not_required
@require_GET
@public_page
def event_list(request):
    past = request.GET.get("when") == "past"
    form = EventFilterForm(request.GET)
    form.is_valid()
    filters = {key: value for key, value in form.cleaned_data.items() if value}
    events = Event.objects.visible_to(request.user)
    events = events.past() if past else events.upcoming()
    events = selectors.filter_events(events, filters)
    page = Paginator(selectors.card_queryset(events), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {
            "form": form,
            "page": page,
            "events": page.object_list,  # titles in the reader's language: card_queryset
            "past": past,
            "can_add": request.user.has_perm("events.add_event"),
        },
    )


@login_not_required
@require_GET
@public_page
def event_detail(request, slug):
    event = selectors.event_for_detail(slug, request.user)
    if event is None:
        raise Http404
    user = request.user
    mine = selectors.own_registration(event, user)
    counts = selectors.registration_counts(event)
    confirmed = counts.get(RegistrationState.CONFIRMED, 0)
    live = mine is not None and mine.state != RegistrationState.CANCELLED
    language = get_language()
    items = list(event.agenda.all())
    # The event, its agenda and the projects the agenda presents, in the reader's language
    # where a translation exists: one query for the whole page.
    attach_translations(
        [event, *items, *(project for item in items for project in item.projects.all())],
        language,
        original=request.GET.get("original") == "1",
    )
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "days": selectors.agenda_by_day(event),
            "translatable_items": translation_permissions.translatable_ids(user, items, language),
            "registration": mine if live else None,
            "waiting_position": (
                selectors.waiting_position(mine)
                if live and mine.state == RegistrationState.WAITING
                else None
            ),
            "confirmed": confirmed,
            "waiting": counts.get(RegistrationState.WAITING, 0),
            "seats_left": None if event.capacity is None else max(event.capacity - confirmed, 0),
            "registration_open": event.registration_open(),
            "can_register": user.has_perm("events.register"),
            "can_edit": user.has_perm("events.change_event", event),
            "can_publish": user.has_perm("events.publish_event", event),
            "participants": selectors.listed_participants(event),
            "registration_form": RegistrationForm(),
        },
    )


@require_POST
def event_register(request, slug):
    """POST action=register (with needs, listed) or action=cancel."""
    event = get_event(request, slug)
    if request.POST.get("action") == "cancel":
        registration = Registration.objects.filter(
            event=event,
            user=request.user,
            state__in=[RegistrationState.CONFIRMED, RegistrationState.WAITING],
        ).first()
        if registration is None:
            messages.error(request, _("You are not registered for this event."))
            return redirect(event)
        try:
            services.registration_cancel(registration=registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your registration was cancelled."))
        return redirect(event)

    if not request.user.has_perm("events.register"):
        raise PermissionDenied(_("Only approved members of a member city can register."))
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your registration was not saved: check the form."))
        return redirect(event)
    try:
        registration = services.registration_register(
            event=event,
            user=request.user,
            needs=form.cleaned_data["needs"],
            listed=form.cleaned_data["listed"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.state == RegistrationState.CONFIRMED:
            messages.success(request, _("You have a seat. A confirmation was sent by e-mail."))
        else:
            messages.success(
                request,
                _(
                    "The event is full: you are on the waiting list. "
                    "You will get an e-mail if a seat frees up."
                ),
            )
    return redirect(event)


def _event_form_page(request, event: Event | None):
    # A cover chosen on an earlier try that came back with errors stands in for one not chosen
    # again, as on the project form.
    return pending.form_page(request, partial(_event_form, request, event))


def _event_form(request, event: Event | None, *, data, files, in_use):
    instance = event or Event()
    form = EventForm(
        data,
        files,
        instance=instance,
        may_change_kind_and_visibility=request.user.has_perm(
            "events.change_event_kind_and_visibility", event
        ),
    )
    agenda = AgendaFormSet(
        data,
        instance=instance,
        prefix="agenda",
        queryset=AgendaItem.objects.prefetch_related("speakers", "projects"),
    )
    status = HTTPStatus.OK
    if request.method == "POST":
        form_valid = form.is_valid()
        if form_valid:
            agenda.event_span = (form.cleaned_data["starts_at"], form.cleaned_data["ends_at"])
        if form_valid and agenda.is_valid():
            try:
                saved = services.event_save(
                    event=form.instance,
                    user=request.user,
                    themes=form.cleaned_data["themes"],
                    cities=form.cleaned_data["cities"],
                    organisers=form.cleaned_data["organisers"],
                    cover=form.cleaned_data.get("cover_image"),
                    agenda=agenda_changes(agenda),
                    version=form.opened_version,
                )
            except EditConflict as conflict:
                form.refuse(conflict.current)
                status = HTTPStatus.CONFLICT
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                pending.pending_uploads_used(in_use=in_use)
                messages.success(request, _("The event was saved."))
                return redirect(saved)
        not_kept = pending.keep_after_errors(
            session_key=request.session.session_key, forms=[form], files=files, in_use=in_use
        )
        if status != HTTPStatus.CONFLICT:  # the conflict box says it, with what changed
            messages.error(request, _("The event was not saved: please correct the errors below."))
        if not_kept:
            messages.error(request, pending.not_kept_message(not_kept))
    return render(
        request,
        "events/event_form.html",
        {"form": form, "agenda_formset": agenda, "event": event},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def event_create(request):
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    return _event_form_page(request, None)


@require_http_methods(["GET", "POST"])
def event_edit(request, slug):
    return _event_form_page(request, get_event(request, slug, "events.change_event"))


@require_POST
def event_publish(request, slug):
    event = get_event(request, slug, "events.publish_event")
    try:
        services.event_publish(event=event, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is published."))
    return redirect(event)


@require_POST
def event_cancel(request, slug):
    event = get_event(request, slug, "events.change_event")
    try:
        services.event_cancel(event=event, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is cancelled; registered people were told."))
    return redirect(event)


@require_GET
def event_registrations(request, slug):
    event = get_event(request, slug, "events.view_registrations")
    registrations = list(selectors.event_registrations(event))
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}-registrations.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read UTF-8
        writer = csv.writer(response)

        def cell(value) -> str:
            # A leading = + - @ would make a spreadsheet run the cell as a formula.
            text = str(value)
            return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

        writer.writerow(
            [
                _("Name"),
                _("E-mail"),
                _("Organisation"),
                _("Cities"),
                _("State"),
                _("Registered at"),
                _("Needs"),
            ]
        )
        for registration in registrations:
            person = registration.user
            row = [
                person.get_full_name(),
                person.email,
                person.organisation,
                ", ".join(
                    m.city.display_name
                    for m in person.memberships.all()
                    if m.status == MembershipStatus.APPROVED
                ),
                registration.get_state_display(),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                registration.needs,
            ]
            writer.writerow([cell(value) for value in row])
        return response
    return render(
        request,
        "events/event_registrations.html",
        {"event": event, "registrations": registrations},
    )


@login_not_required
@require_GET
def event_ics(request, slug):
    event = get_event(request, slug)
    if event.state == EventState.DRAFT:
        raise Http404
    return _ics_response(event_calendar([event]), f"{event.slug}.ics")


@login_not_required
@require_GET
def events_ics(request):
    """The subscribable feed of published public events (cancelled ones say so)."""
    events = (
        Event.objects.visible_to(AnonymousUser())
        .filter(ends_at__gte=timezone.now() - timezone.timedelta(days=365))
        .select_related("host_city")
        .prefetch_related("agenda")
        .order_by("starts_at")
    )
    content = event_calendar(events, name=_("Alliance events"))
    return _ics_response(content, "alliance-events.ics")


@login_not_required
@require_GET
def personal_ics(request, token):
    """A member's own feed: the events they have a seat for. The token is the credential."""
    feed = get_object_or_404(CalendarFeedToken.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404
    events = (
        Event.objects.filter(
            registrations__user=feed.user,
            registrations__state=RegistrationState.CONFIRMED,
        )
        .exclude(state=EventState.DRAFT)
        .select_related("host_city")
        .prefetch_related("agenda")
        .distinct()
        .order_by("starts_at")
    )
    content = event_calendar(events, name=_("My Alliance events"), with_links=True)
    response = _ics_response(content, "my-alliance-events.ics")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def personal_feed_reset(request):
    """Replace the secret of the personal feed: the old address stops working."""
    CalendarFeedToken.objects.filter(user=request.user).delete()
    CalendarFeedToken.objects.create(user=request.user)
    messages.success(request, _("Your calendar link was replaced; the old one no longer works."))
    return redirect("accounts:profile")


@require_POST
def propose_bilateral(request):
    """From the suggestions page: a draft bilateral meeting with a peer project's city."""
    if not request.user.has_perm("events.register"):
        raise PermissionDenied
    try:
        project_id = int(request.POST.get("project", ""))
        city_id = int(request.POST.get("city", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Choose a project and one of your cities."))
    project = Project.objects.filter(pk=project_id).select_related("city").first()
    city = City.objects.filter(pk=city_id).first()
    if (
        project is None
        or city is None
        or not request.user.has_perm("projects.view_project", project)
    ):
        return HttpResponseBadRequest(_("Choose a project and one of your cities."))
    try:
        event = services.bilateral_propose(proposer=request.user, city=city, project=project)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("suggestions")
    messages.success(
        request,
        _("A draft meeting was created and its contacts were told. Set the date and publish it."),
    )
    return redirect("events:edit", slug=event.slug)
