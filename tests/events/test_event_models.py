"""Event, AgendaItem, Registration: database constraints, times, and who sees which event."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.enums import EventState, RegistrationState
from events.models import AgendaItem, Event, Registration
from tests.factories import (
    in_days,
    make_agenda_item,
    make_event,
    make_member,
    make_registration,
    paris_time,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("hours", [-1, 0])
def test_event_ending_before_or_when_it_starts_is_refused_by_the_database(hours):
    event = make_event()

    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            ends_at=event.starts_at + datetime.timedelta(hours=hours)
        )

    event.refresh_from_db()
    assert event.ends_at == event.starts_at + datetime.timedelta(hours=8)


def test_event_registration_closing_before_it_opens_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(registration_opens_at=in_days(10), registration_closes_at=in_days(5))

    assert Event.objects.count() == 0


@pytest.mark.parametrize(("field", "value"), [("state", "archived"), ("kind", "party")])
def test_event_unknown_state_or_kind_is_refused_by_the_database(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(**{field: value})

    assert Event.objects.count() == 0


def test_event_cover_without_a_description_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(cover_image="events/covers/picture.jpg", cover_alt="")

    assert Event.objects.count() == 0


def test_event_slug_is_unique_in_the_database():
    make_event(slug="annual-seminar-2027")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(slug="annual-seminar-2027")

    assert Event.objects.filter(slug="annual-seminar-2027").count() == 1


def test_event_full_clean_explains_an_end_before_the_start(network_coordinator):
    event = Event(
        kind="webinar",
        title="Backwards",
        slug="backwards",
        starts_at=in_days(5, 10),
        ends_at=in_days(5, 9),
        created_by=network_coordinator,
    )

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.messages == ["The event must end after it starts."]


def test_event_times_are_stored_aware_and_read_in_paris_time():
    # 9:00 in Paris in January is 8:00 UTC, in July 7:00 UTC.
    winter = make_event(starts_at=paris_time(datetime.date(2031, 1, 14), 9))
    summer = make_event(starts_at=paris_time(datetime.date(2031, 7, 15), 9))

    winter.refresh_from_db()
    summer.refresh_from_db()

    assert winter.starts_at == datetime.datetime(2031, 1, 14, 8, 0, tzinfo=datetime.UTC)
    assert summer.starts_at == datetime.datetime(2031, 7, 15, 7, 0, tzinfo=datetime.UTC)
    assert timezone.localtime(winter.starts_at).strftime("%H:%M %Z") == "09:00 CET"
    assert timezone.localtime(summer.starts_at).strftime("%H:%M %Z") == "09:00 CEST"


def test_event_uid_and_url_come_from_its_id_and_slug():
    event = make_event(slug="webinar-indicators-2027")

    assert event.uid == f"event-{event.pk}@alliance-portal"
    assert event.get_absolute_url() == "/en/events/webinar-indicators-2027/"
    assert str(event) == event.title


def test_event_new_one_is_a_public_draft_with_sequence_zero():
    event = Event.objects.create(
        kind="webinar", title="New", slug="new-2027", starts_at=in_days(3), ends_at=in_days(4)
    )

    event.refresh_from_db()
    assert (event.state, event.visibility, event.sequence, event.capacity) == (
        EventState.DRAFT,
        "public",
        0,
        None,
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, True),
        ({"state": EventState.DRAFT}, False),
        ({"state": EventState.CANCELLED}, False),
        ({"starts_at": in_days(-3), "ends_at": in_days(-2)}, False),  # over
        ({"starts_at": in_days(-1), "ends_at": in_days(2)}, False),  # under way
        ({"registration_opens_at": in_days(2)}, False),  # not yet
        ({"registration_opens_at": in_days(-2)}, True),
        ({"registration_closes_at": in_days(-1)}, False),  # closed
        ({"registration_closes_at": in_days(2)}, True),
        ({"registration_opens_at": in_days(-2), "registration_closes_at": in_days(2)}, True),
    ],
)
def test_event_registration_open_follows_state_window_and_start(fields, expected):
    event = make_event(**fields)

    assert event.registration_open() is expected


def test_agenda_item_ending_before_it_starts_is_refused_by_the_database():
    event = make_event()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_agenda_item(
            event=event,
            starts_at=event.starts_at + datetime.timedelta(hours=2),
            ends_at=event.starts_at + datetime.timedelta(hours=1),
        )

    assert AgendaItem.objects.count() == 0


def test_agenda_item_unknown_kind_is_refused_by_the_database():
    event = make_event()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_agenda_item(event=event, kind="nap")

    assert AgendaItem.objects.count() == 0


def test_agenda_items_come_in_time_order_then_position():
    event = make_event()
    late = make_agenda_item(event=event, starts_at=event.starts_at + datetime.timedelta(hours=3))
    second = make_agenda_item(event=event, position=2)
    first = make_agenda_item(event=event, position=1)

    assert list(event.agenda.all()) == [first, second, late]


@pytest.mark.parametrize("first", [RegistrationState.CONFIRMED, RegistrationState.WAITING])
@pytest.mark.parametrize("second", [RegistrationState.CONFIRMED, RegistrationState.WAITING])
def test_registration_second_live_one_for_a_person_is_refused_by_the_database(first, second):
    event = make_event()
    registration = make_registration(event=event, state=first)

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=registration.user, state=second)

    assert list(Registration.objects.values_list("state", flat=True)) == [first]


def test_registration_again_after_a_cancelled_one_is_accepted():
    event = make_event()
    person = make_member()
    make_registration(event=event, user=person, state=RegistrationState.CANCELLED)
    make_registration(event=event, user=person, state=RegistrationState.CANCELLED)

    make_registration(event=event, user=person, state=RegistrationState.CONFIRMED)

    assert list(
        Registration.objects.filter(user=person).order_by("pk").values_list("state", flat=True)
    ) == ["cancelled", "cancelled", "confirmed"]


def test_registration_same_person_at_two_events_is_accepted():
    person = make_member()

    make_registration(event=make_event(), user=person)
    make_registration(event=make_event(), user=person)

    assert Registration.objects.filter(user=person, state="confirmed").count() == 2


def test_registration_unknown_state_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_registration(event=make_event(), state="maybe")

    assert Registration.objects.count() == 0


def test_registration_full_clean_explains_the_duplicate():
    event = make_event()
    registration = make_registration(event=event)
    duplicate = Registration(event=event, user=registration.user, state="waiting")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert error.value.messages == ["You are already registered for this event."]


def test_registration_defaults_keep_needs_empty_and_the_name_unlisted():
    registration = make_registration(event=make_event())

    registration.refresh_from_db()
    assert (registration.needs, registration.listed) == ("", False)
    assert registration.created_at <= timezone.now()


def visible_titles(user) -> list[str]:
    return sorted(Event.objects.visible_to(user).values_list("title", flat=True))


@pytest.fixture
def event_of_each_kind(organiser):
    make_event(title="Public published")
    make_event(title="Public cancelled", state=EventState.CANCELLED)
    make_event(title="Members published", visibility="members")
    make_event(title="Draft", state=EventState.DRAFT)
    make_event(title="Organised draft", state=EventState.DRAFT, organisers=(organiser,))


@pytest.mark.parametrize(
    ("role", "titles"),
    [
        ("anonymous", ["Public cancelled", "Public published"]),
        ("member", ["Members published", "Public cancelled", "Public published"]),
        (
            "organiser",
            ["Members published", "Organised draft", "Public cancelled", "Public published"],
        ),
        (
            "network_coordinator",
            [
                "Draft",
                "Members published",
                "Organised draft",
                "Public cancelled",
                "Public published",
            ],
        ),
        (
            "staff",
            [
                "Draft",
                "Members published",
                "Organised draft",
                "Public cancelled",
                "Public published",
            ],
        ),
    ],
)
def test_event_visible_to_shows_drafts_to_coordinators_and_organisers_only(
    event_of_each_kind, user_for_role, role, titles
):
    user = user_for_role(role) or AnonymousUser()

    assert visible_titles(user) == titles


def test_event_visible_to_hides_members_only_events_from_a_pending_member():
    make_event(title="Members published", visibility="members")
    make_event(title="Public published")
    person = make_member()
    person.memberships.update(status="pending")

    assert visible_titles(person) == ["Public published"]
