"""Writes for events: saving with an agenda, publishing, cancelling, fair registration."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.enums import ActivityKind
from cities.rules import approved_cities
from cities.services import activity_record
from core import mail
from core import slugs as core_slugs
from core.concurrency import lock_unchanged
from core.enums import Visibility
from core.pictures import PictureSize, reencode
from notifications.enums import NotificationKind
from notifications.services import notify

from .enums import LIVE_REGISTRATION_STATES, EventKind, EventState, RegistrationState
from .models import AgendaItem, Event, Registration
from .tasks import mail_event_cancelled, mail_seats

RESERVED_SLUGS = frozenset({"new", "feed", "propose"})


def unique_slug(title: str, starts_at) -> str:
    """A new event's slug: its title and the year it starts in, unless the title already says
    the year ("Annual seminar 2026" is not "annual-seminar-2026-2026"). Only new events get a
    slug; existing ones keep theirs, so their addresses keep working."""
    year = (
        str(timezone.localtime(starts_at).year)
        if timezone.is_aware(starts_at)
        else str(starts_at.year)
    )
    text = title if re.search(rf"(?<!\d){year}(?!\d)", title) else f"{title} {year}"
    return core_slugs.unique_slug(Event, text, fallback="event", reserved=RESERVED_SLUGS)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(state=RegistrationState.CONFIRMED).count()


@dataclass(frozen=True)
class AgendaChange:
    """One row of an agenda editor: a new item (``item`` None), a change to an existing one, or
    its removal (``delete``). ``values`` are the item's own fields (AGENDA_FIELDS); speakers and
    projects stay as they are when None (an editor that does not show them)."""

    item: AgendaItem | None
    values: dict = field(default_factory=dict)
    speakers: tuple | None = None
    projects: tuple | None = None
    delete: bool = False


AGENDA_FIELDS = [
    "position",
    "starts_at",
    "ends_at",
    "kind",
    "title",
    "place",
    "speakers_text",
    "description",
    "content_language",
]


def _save_agenda(event: Event, changes: Iterable[AgendaChange]) -> None:
    for change in changes:
        if change.delete:
            if change.item is not None and change.item.pk:
                change.item.delete()
            continue
        item = change.item or AgendaItem()
        item.event = event
        for name, value in change.values.items():
            setattr(item, name, value)
        if not item.content_language or (
            change.item is None and "content_language" not in change.values
        ):
            # Left empty, or a new item from an editor without the field: the event's language.
            item.content_language = event.content_language
        item.full_clean()
        item.save()
        if change.speakers is not None:
            item.speakers.set(change.speakers)
        if change.projects is not None:
            item.projects.set(change.projects)


def event_save(
    *,
    event: Event,
    user: User,
    themes: Iterable = (),
    cities: Iterable = (),
    organisers: Iterable = (),
    cover=None,
    agenda: Iterable[AgendaChange] = (),
    version: str | None = None,
) -> Event:
    """Create or change ``event`` (its own fields already set) with its themes, cities,
    organisers, cover picture and agenda, all or nothing. A change bumps the iCalendar
    sequence; more seats go to the people waiting.

    With ``version`` (the event's version when its form was opened), raise ``EditConflict``
    and write nothing when someone else saved the event since.
    """
    with transaction.atomic():
        creating = event.pk is None
        if creating:
            event.created_by = user
            event.slug = unique_slug(event.title, event.starts_at)
        else:
            locked = lock_unchanged(Event.objects, pk=event.pk, version=version)
            if event.capacity is not None and event.capacity < confirmed_count(locked):
                raise ValidationError(
                    _("The capacity cannot be lower than the number of confirmed seats.")
                )
            event.sequence = locked.sequence + 1
        if cover and hasattr(cover, "content_type"):
            content, extension = reencode(cover, PictureSize.DISPLAY)
            event.cover_image.save(f"cover.{extension}", content, save=False)
            thumbnail, extension = reencode(cover, PictureSize.THUMBNAIL)
            event.cover_thumbnail.save(f"cover-thumbnail.{extension}", thumbnail, save=False)
        if not event.cover_image:
            event.cover_alt = ""
            event.cover_thumbnail = ""
        event.full_clean()
        event.save()
        event.themes.set(themes)
        event.cities.set(cities)
        event.organisers.set(organisers)
        if creating and not event.organisers.exists():
            event.organisers.add(user)
        _save_agenda(event, agenda)
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
        activity_record(
            kind=ActivityKind.EVENT_PUBLISHED,
            actor=actor,
            target=event,
            city=event.host_city,
            target_label=event.title,
        )
        notify(
            kind=NotificationKind.NEW_EVENT,
            actor=actor,
            title=event.title,
            title_language=event.content_language,
            subject=event,
            url=event.get_absolute_url(),
            context=EventKind(event.kind).label,
            targets=[*places, *event.cities.all(), *event.themes.all()],
            public=event.visibility == Visibility.PUBLIC,
        )
    return event


def event_cancel(*, event: Event, actor: User | None = None) -> Event:
    """Cancel the event and tell everyone registered (their .ics now says CANCELLED); the
    cancellation is kept in the activity log."""
    with transaction.atomic():
        event = (
            Event.objects.select_for_update(of=("self",))
            .select_related("host_city")
            .get(pk=event.pk)
        )
        if event.state == EventState.CANCELLED:
            raise ValidationError(_("This event is already cancelled."))
        if event.state == EventState.DRAFT:
            raise ValidationError(_("A draft is not public: edit or delete it instead."))
        event.state = EventState.CANCELLED
        event.sequence += 1
        event.save(update_fields=["state", "sequence", "updated_at"])
        activity_record(
            kind=ActivityKind.EVENT_CANCELLED,
            actor=actor,
            target=event,
            city=event.host_city,
            target_label=event.title,
        )
        # However many are registered, the request only queues this; the task tells them.
        mail_event_cancelled.delay_on_commit(event.pk)
    return event


def event_deletable(event: Event) -> bool:
    """A draft or a past event may go; an upcoming one with people registered is cancelled
    instead, so that they are told."""
    if event.state == EventState.DRAFT or event.is_past:
        return True
    return not event.registrations.filter(state__in=LIVE_REGISTRATION_STATES).exists()


def event_delete(*, event: Event) -> None:
    if not event_deletable(event):
        raise ValidationError(_("People are registered: cancel the event so that they are told."))
    with transaction.atomic():
        event.delete()


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
            "first": city.display_name,
            "second": project.city.display_name,
            "project": project.title,
        }
        event = Event(
            kind=EventKind.BILATERAL,
            title=title[:200],
            slug=unique_slug(f"bilateral {city.name} {project.city.name}", starts),
            description=_(
                "Proposed from the portal's suggestions, about the project “%(project)s”."
            )
            % {"project": project.title},
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            state=EventState.DRAFT,
            visibility=Visibility.MEMBERS,
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
