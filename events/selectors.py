"""Reads for events."""

from itertools import groupby

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)

from accounts.models import User
from core.dates import localtime
from core.queries import count_of
from languages.models import reader_translations
from projects.models import Project

from .enums import RegistrationState
from .models import AgendaItem, Event, Registration


def _in_city(city) -> Q:
    """Hosted by ``city`` or with it taking part (a subquery: no duplicate rows)."""
    taking_part = Event.cities.through.objects.filter(city=city).values("event_id")
    return Q(host_city=city) | Q(pk__in=taking_part)


def card_queryset(events: QuerySet[Event]) -> QuerySet[Event]:
    """What an event card shows, its title in the reader's language (one query for them all)."""
    return (
        events.select_related("host_city")
        .annotate(
            confirmed=count_of(
                Registration.objects.filter(
                    event=OuterRef("pk"), state=RegistrationState.CONFIRMED
                ),
                "event",
            )
        )
        .prefetch_related(reader_translations())
    )


def filter_events(events: QuerySet[Event], filters: dict) -> QuerySet[Event]:
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("theme"):
        events = events.filter(themes=filters["theme"])
    if filters.get("city"):
        events = events.filter(_in_city(filters["city"]))
    if filters.get("country"):
        taking_part = Event.cities.through.objects.filter(city__country=filters["country"]).values(
            "event_id"
        )
        events = events.filter(Q(host_city__country=filters["country"]) | Q(pk__in=taking_part))
    return events


def upcoming_events(user: User, limit: int = 4) -> list[Event]:
    return list(card_queryset(Event.objects.visible_to(user).published().upcoming())[:limit])


def event_for_detail(slug: str, user: User) -> Event | None:
    # Only the projects the reader may see: a members-only project's title must not leak.
    agenda = AgendaItem.objects.prefetch_related(
        Prefetch("speakers", queryset=User.objects.order_by("full_name")),
        Prefetch("projects", queryset=Project.objects.visible_to(user).select_related("city")),
    )
    event = Event.objects.select_related("host_city").filter(slug=slug).first()
    if event is None or not user.has_perm("events.view_event", event):
        return None  # as few queries as for an address that does not exist
    prefetch_related_objects(
        [event], Prefetch("agenda", queryset=agenda), "themes", "cities", "organisers"
    )
    return event


def agenda_by_day(event: Event) -> list[tuple]:
    """[(date, [items])] in Paris time, from the prefetched agenda."""
    return [
        (day, list(items))
        for day, items in groupby(
            event.agenda.all(), key=lambda item: localtime(item.starts_at).date()
        )
    ]


def registration_counts(event: Event) -> dict[str, int]:
    return dict(event.registrations.values_list("state").annotate(count=Count("pk")).order_by())


def own_registration(event: Event, user: User) -> Registration | None:
    if not user.is_authenticated:
        return None
    return event.registrations.filter(user=user).order_by("-created_at", "-pk").first()


def waiting_position(registration: Registration) -> int:
    return (
        registration.event.registrations.filter(
            state=RegistrationState.WAITING, created_at__lte=registration.created_at
        )
        .exclude(pk__gt=registration.pk, created_at=registration.created_at)
        .count()
    )


def listed_participants(event: Event) -> list[Registration]:
    return list(
        event.registrations.filter(state=RegistrationState.CONFIRMED, listed=True)
        .select_related("user")
        .order_by("user__full_name")
    )


def event_registrations(event: Event) -> QuerySet[Registration]:
    return (
        event.registrations.select_related("user")
        .prefetch_related("user__memberships__city")
        .order_by("state", "created_at", "pk")
    )


def events_for(
    user: User, *, city=None, theme=None, project: Project | None = None, limit: int = 6
):
    """Published events ``user`` may see: the upcoming ones of a city (host or participant) or
    of a theme; for a project, those whose agenda visits or presents it, newest first."""
    events = Event.objects.visible_to(user).published()
    if project is not None:
        shown = AgendaItem.objects.filter(projects=project).values("event_id")
        events = events.filter(pk__in=shown).order_by("-starts_at")
        return list(card_queryset(events)[:limit])
    events = events.upcoming()
    if city is not None:
        events = events.filter(_in_city(city))
    if theme is not None:
        events = events.filter(themes=theme)
    return list(card_queryset(events)[:limit])
