"""Events, agenda items, registrations, members in bulk and event-form data for the tests."""

import datetime
import itertools
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import User
from cities.enums import MembershipRole, MembershipStatus
from cities.models import City, Membership
from core.concurrency import VERSION_FIELD
from core.enums import ContentLanguage, Visibility
from events.enums import AgendaItemKind, EventKind, EventState, RegistrationState
from events.forms import EventForm
from events.models import AgendaItem, Event, Registration
from projects.enums import ProjectStatus
from projects.models import Project
from themes.models import Theme

from .accounts import make_user
from .cities import get_city

PARIS = ZoneInfo("Europe/Paris")
_sequence = itertools.count(1)


def paris_time(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """``day`` at ``hour:minute``, Paris (and Stockholm) time."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def in_days(days: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """``days`` from today (negative: ago) at ``hour:minute`` Paris time."""
    return paris_time(timezone.localdate() + datetime.timedelta(days=days), hour, minute)


def local_input(moment: datetime.datetime) -> str:
    """What a ``datetime-local`` field sends for ``moment``."""
    return timezone.localtime(moment, PARIS).strftime("%Y-%m-%dT%H:%M")


def make_member(*, city: City | str = "saint-brieuc", **fields) -> User:
    """An approved planner of ``city``: someone who may register."""
    user = make_user(**fields)
    city = get_city(city) if isinstance(city, str) else city
    Membership.objects.create(
        user=user,
        city=city,
        role=MembershipRole.PLANNER,
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )
    return user


def bulk_members(count: int, *, city: str = "saint-brieuc", word: str = "Bulk") -> list[User]:
    """``count`` approved members in four queries (no password, no allauth address)."""
    number = next(_sequence)
    city = get_city(city)
    User.objects.bulk_create(
        User(
            email=f"{word.lower()}-{number}-{index:04d}@example.org",
            full_name=f"{word} Person {number}-{index:04d}",
            organisation=f"{word} organisation {index:04d}",
            password="!",  # an unusable password
        )
        for index in range(count)
    )
    users = list(User.objects.filter(email__startswith=f"{word.lower()}-{number}-").order_by("pk"))
    Membership.objects.bulk_create(
        Membership(
            user=user,
            city=city,
            role=MembershipRole.PLANNER,
            status=MembershipStatus.APPROVED,
            decided_at=timezone.now(),
        )
        for user in users
    )
    return users


def make_event(
    *,
    state: str = EventState.PUBLISHED,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
    host_city: City | str | None = "saint-brieuc",
    themes: tuple[str, ...] = (),
    cities: tuple[str, ...] = (),
    organisers: tuple[User, ...] = (),
    created_by: User | None = None,
    **fields,
) -> Event:
    """A seminar 30 days ahead, 9:00–17:00 Paris time, published unless told otherwise,
    created by a new account unless ``created_by`` says who."""
    number = next(_sequence)
    starts_at = starts_at or in_days(30, 9)
    values = {
        "kind": EventKind.SEMINAR,
        "title": f"Test event {number}",
        "slug": f"test-event-{number}",
        "starts_at": starts_at,
        "ends_at": ends_at or starts_at + datetime.timedelta(hours=8),
        "state": state,
        "host_city": get_city(host_city) if isinstance(host_city, str) else host_city,
        "content_language": ContentLanguage.ENGLISH,
        "created_by": created_by or make_user(full_name=f"Creator of event {number}"),
    }
    values.update(fields)
    event = Event.objects.create(**values)
    event.themes.set(Theme.objects.filter(slug__in=themes))
    event.cities.set(City.objects.filter(slug__in=cities))
    event.organisers.set(organisers)
    return event


def make_agenda_item(
    *,
    event: Event,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
    projects: tuple[Project, ...] = (),
    speakers: tuple[User, ...] = (),
    **fields,
) -> AgendaItem:
    """An hour-long talk at the start of ``event`` unless told otherwise."""
    number = next(_sequence)
    starts_at = starts_at or event.starts_at
    values = {
        "title": f"Agenda item {number}",
        "kind": AgendaItemKind.TALK,
        "starts_at": starts_at,
        "ends_at": ends_at or starts_at + datetime.timedelta(hours=1),
        "content_language": event.content_language,
    }
    values.update(fields)
    item = AgendaItem.objects.create(event=event, **values)
    item.projects.set(projects)
    item.speakers.set(speakers)
    return item


def bulk_agenda(event: Event, count: int) -> list[AgendaItem]:
    """``count`` ten-minute items from the event's start, each with a speaker and a project."""
    speaker = make_member(full_name="Agenda Speaker")
    project = make_event_project(title="Agenda project")
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            event=event,
            starts_at=event.starts_at + datetime.timedelta(minutes=10 * index),
            ends_at=event.starts_at + datetime.timedelta(minutes=10 * index + 10),
            title=f"Bulk item {index:03d}",
            kind=AgendaItemKind.SITE_VISIT if index % 2 else AgendaItemKind.TALK,
            place=f"Room {index}",
            position=index,
            content_language=event.content_language,
        )
        for index in range(count)
    )
    items = list(event.agenda.order_by("starts_at"))
    AgendaItem.speakers.through.objects.bulk_create(
        AgendaItem.speakers.through(agendaitem=item, user=speaker) for item in items
    )
    AgendaItem.projects.through.objects.bulk_create(
        AgendaItem.projects.through(agendaitem=item, project=project) for item in items
    )
    return items


def make_registration(
    *, event: Event, user: User | None = None, state: str = RegistrationState.CONFIRMED, **fields
) -> Registration:
    return Registration.objects.create(
        event=event, user=user or make_member(), state=state, **fields
    )


def bulk_registrations(
    event: Event, count: int, *, state: str = RegistrationState.CONFIRMED, **fields
) -> list[Registration]:
    """``count`` registrations of new approved members, in arrival order."""
    people = bulk_members(count)
    Registration.objects.bulk_create(
        Registration(event=event, user=person, state=state, **fields) for person in people
    )
    return list(Registration.objects.filter(user__in=people).order_by("pk"))


def make_event_project(*, city: City | str = "saint-brieuc", **fields) -> Project:
    """A public, ongoing project, written straight to the database (not indexed for search)."""
    number = next(_sequence)
    values = {
        "title": f"Visited project {number}",
        "slug": f"visited-project-{number}",
        "summary": f"What visited project {number} tries.",
        "lead_organisation": "The city",
        "content_language": "en",
        "visibility": Visibility.PUBLIC,
        "status": ProjectStatus.ONGOING,
    }
    values.update(fields)
    return Project.objects.create(city=get_city(city) if isinstance(city, str) else city, **values)


def event_form_data(**overrides) -> dict:
    """A valid new-event form, two days ahead of the default event: 40 days from today."""
    starts_at = in_days(40, 9)
    data = {
        "kind": EventKind.WEBINAR,
        "title": "Webinar on public spaces",
        "starts_at": local_input(starts_at),
        "ends_at": local_input(starts_at + datetime.timedelta(hours=2)),
        "host_city": "",
        "venue": "",
        "online_url": "https://meet.example.org/public-spaces",
        "visibility": Visibility.PUBLIC,
        "capacity": "30",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "description": "Two short talks, then questions.",
        "content_language": ContentLanguage.ENGLISH,
        "cover_alt": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def agenda_form_data(items: list[dict], *, initial: int = 0) -> dict:
    """The agenda formset (prefix ``agenda``) with ``items``; the first ``initial`` are saved
    ones (give their ``id``); ``{}`` is an empty row, as the browser sends it."""
    data = {
        "agenda-TOTAL_FORMS": str(len(items)),
        "agenda-INITIAL_FORMS": str(initial),
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "100",
    }
    for index, item in enumerate(items):
        values = {"position": "0", "kind": "", "title": "", "place": "", "content_language": ""}
        if item:
            values |= {"position": str(index), "kind": AgendaItemKind.TALK, **item}
        for key, value in values.items():
            data[f"agenda-{index}-{key}"] = value
    return data


def saved_agenda_form_data(event: Event) -> dict:
    """The agenda formset as the edit page shows it for ``event``'s saved items, unchanged."""
    items = list(event.agenda.order_by("starts_at", "position", "pk"))
    return agenda_form_data(
        [
            {
                "id": str(item.pk),
                "position": str(item.position),
                "kind": item.kind,
                "title": item.title,
                "place": item.place,
                "content_language": item.content_language,
                "starts_at": local_input(item.starts_at),
                "ends_at": local_input(item.ends_at),
                "speakers": [str(pk) for pk in item.speakers.values_list("pk", flat=True)],
                "projects": [str(pk) for pk in item.projects.values_list("pk", flat=True)],
            }
            for item in items
        ],
        initial=len(items),
    )


def event_edit_version(event: Event) -> str:
    """The version token the edit page gives ``event`` as it is stored now."""
    stored = Event.objects.get(pk=event.pk)  # the test's copy may be out of date
    return EventForm(instance=stored)[VERSION_FIELD].value()


def edit_form_data(event: Event, **overrides) -> dict:
    """The edit page's event form for ``event`` as saved, with ``overrides``."""
    data = {
        VERSION_FIELD: event_edit_version(event),
        "kind": event.kind,
        "title": event.title,
        "starts_at": local_input(event.starts_at),
        "ends_at": local_input(event.ends_at),
        "host_city": str(event.host_city_id or ""),
        "cities": [str(pk) for pk in event.cities.values_list("pk", flat=True)],
        "venue": event.venue,
        "online_url": event.online_url,
        "visibility": event.visibility,
        "capacity": "" if event.capacity is None else str(event.capacity),
        "registration_opens_at": (
            local_input(event.registration_opens_at) if event.registration_opens_at else ""
        ),
        "registration_closes_at": (
            local_input(event.registration_closes_at) if event.registration_closes_at else ""
        ),
        "themes": [str(pk) for pk in event.themes.values_list("pk", flat=True)],
        "description": event.description,
        "content_language": event.content_language,
        "organisers": [str(pk) for pk in event.organisers.values_list("pk", flat=True)],
        "cover_alt": event.cover_alt,
    }
    data.update(overrides)
    return data
