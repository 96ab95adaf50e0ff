"""Writes for events: saving with an agenda, publishing, cancelling, fair registration."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import mail
from core import slugs as core_slugs
from notifications.enums import NotificationKind
from notifications.services import notify
from projects.services import _reencoded

from .enums import LIVE_REGISTRATION_STATES, EventState, RegistrationState
from .models import Event, Registration
from .tasks import mail_event_cancelled, mail_seats

RESERVED_SLUGS = frozenset({"new", "feed", "propose"})


def unique_slug(title: str, starts_at) -> str:
    return core_slugs.unique_slug(
        Event, f"{title} {starts_at:%Y}", fallback="event", reserved=RESERVED_SLUGS
    )


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(state=RegistrationState.CONFIRMED).count()


def event_save(*, user: User, form, agenda_formset) -> Event:
    """Save a validated event form and its agenda formset, all or nothing."""
    with transaction.atomic():
        event = form.save(commit=False)
        creating = event.pk is None
        if creating:
            event.created_by = user
            event.slug = unique_slug(event.title, event.starts_at)
        else:
            locked = Event.objects.select_for_update().get(pk=event.pk)
            if event.capacity is not None and event.capacity < confirmed_count(locked):
                raise ValidationError(
                    _("The capacity cannot be lower than the number of confirmed seats.")
                )
            event.sequence = locked.sequence + 1
        cover = form.cleaned_data.get("cover_image")
        if cover and hasattr(cover, "content_type"):
            content, extension = _reencoded(cover, 1600)
            event.cover_image.save(f"cover.{extension}", content, save=False)
        if not event.cover_image:
            event.cover_alt = ""
        event.full_clean()
        event.save()
        form.save_m2m()
        if creating and not event.organisers.exists():
            event.organisers.add(user)
        agenda_formset.instance = event
        agenda_formset.save()
        if not creating and event.state == EventState.PUBLISHED and not event.is_past:
            # More seats, or no limit any more: the people waiting get them, in order.
            _fill_seats(event)
    return event


def event_publish(*, event: Event, actor: User | None = None) -> Event:
    """Publish a draft; who follows its cities or themes is told."""
    if event.state != EventState.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    with transaction.atomic():
        event.state = EventState.PUBLISHED
        event.sequence = F("sequence") + 1
        event.save(update_fields=["state", "sequence", "updated_at"])
        event.refresh_from_db()
        places = [event.host_city] if event.host_city else []
        notify(
            kind=NotificationKind.NEW_EVENT,
            actor=actor,
            title=event.title,
            url=event.get_absolute_url(),
            context=event.get_kind_display(),
            targets=[*places, *event.cities.all(), *event.themes.all()],
            public=event.visibility == "public",
        )
    return event


def event_cancel(*, event: Event) -> Event:
    """Cancel the event and tell everyone registered (their .ics now says CANCELLED)."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.state == EventState.CANCELLED:
            raise ValidationError(_("This event is already cancelled."))
        if event.state == EventState.DRAFT:
            raise ValidationError(_("A draft is not public: edit or delete it instead."))
        event.state = EventState.CANCELLED
        event.sequence += 1
        event.save(update_fields=["state", "sequence", "updated_at"])
        # However many are registered, the request only queues this; the task tells them.
        mail_event_cancelled.delay_on_commit(event.pk)
    return event


def registration_register(
    *, event: Event, user: User, needs: str = "", listed: bool = False
) -> Registration:
    """Take a seat while there are seats, else a place on the waiting list, in arrival order.

    The event row is locked (SELECT … FOR UPDATE on PostgreSQL), so registrations arriving at
    the same moment are counted one after the other and never exceed the capacity.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.registration_open():
            raise ValidationError(_("Registration is not open for this event."))
        if event.registrations.filter(user=user, state__in=LIVE_REGISTRATION_STATES).exists():
            raise ValidationError(_("You are already registered for this event."))
        full = event.capacity is not None and confirmed_count(event) >= event.capacity
        registration = Registration(
            event=event,
            user=user,
            state=RegistrationState.WAITING if full else RegistrationState.CONFIRMED,
            needs=needs.strip(),
            listed=listed,
        )
        registration.full_clean()
        registration.save()
        if registration.state == RegistrationState.CONFIRMED:
            mail_seats.delay_on_commit([registration.pk], promoted=False)
    return registration


def _fill_seats(event: Event) -> list[Registration]:
    """Give free seats to the first people waiting (the event row is locked by the caller)."""
    promoted = []
    while event.capacity is None or confirmed_count(event) < event.capacity:
        first = (
            event.registrations.filter(state=RegistrationState.WAITING)
            .select_related("user")
            .order_by("created_at", "pk")
            .first()
        )
        if first is None:
            break
        first.state = RegistrationState.CONFIRMED
        first.save(update_fields=["state", "updated_at"])
        promoted.append(first)
    if promoted:
        mail_seats.delay_on_commit([registration.pk for registration in promoted], promoted=True)
    return promoted


def registration_cancel(*, registration: Registration) -> Registration:
    """Give up a seat or a waiting-list place; a freed seat goes to the first person waiting."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.state == RegistrationState.CANCELLED:
            raise ValidationError(_("This registration is already cancelled."))
        if event.is_past:
            raise ValidationError(_("This event is over."))
        was_confirmed = registration.state == RegistrationState.CONFIRMED
        registration.state = RegistrationState.CANCELLED
        registration.save(update_fields=["state", "updated_at"])
        if was_confirmed and event.state == EventState.PUBLISHED:
            _fill_seats(event)
    return registration


def bilateral_propose(*, proposer: User, city, project) -> Event:
    """From a suggestion: a draft bilateral meeting between the proposer's city and the city of
    a peer project, organised by the proposer and the project's contacts, who are e-mailed."""
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from cities.rules import approved_cities

    if city.pk not in approved_cities(proposer):
        raise ValidationError(_("You can only propose a meeting for your own city."))
    if project.city.country == city.country:
        raise ValidationError(_("Bilateral meetings bring together a French and a Swedish city."))
    day = timezone.localdate() + timedelta(days=14)
    starts = datetime.combine(day, time(14, 0), tzinfo=ZoneInfo("Europe/Paris"))
    hosts = list(project.contacts.filter(is_active=True)) or (
        [project.author] if project.author and project.author.is_active else []
    )
    with transaction.atomic():
        title = _("Bilateral meeting %(first)s – %(second)s: %(project)s") % {
            "first": city.name,
            "second": project.city.name,
            "project": project.title,
        }
        event = Event(
            kind="bilateral",
            title=title[:200],
            slug=unique_slug(f"bilateral {city.name} {project.city.name}", starts),
            description=_(
                "Proposed from the portal's suggestions, about the project “%(project)s”."
            )
            % {"project": project.title},
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            state=EventState.DRAFT,
            visibility="members",
            created_by=proposer,
        )
        event.full_clean()
        event.save()
        event.cities.set([city, project.city])
        event.organisers.set([proposer, *hosts])
        for person in hosts:
            mail.send(
                to=person,
                template="email/bilateral_proposed",
                context={"event": event, "proposer": proposer, "project": project},
            )
    return event
