"""Events in the admin go through the services: sequence, seats, publishing, cancelling."""

import pytest
from django.core import mail

from events.enums import EventState, RegistrationState
from events.models import Event
from tests.admin_forms import admin_form_data
from tests.factories import bulk_members, make_agenda_item, make_event, make_registration

pytestmark = pytest.mark.django_db


def change_url(event) -> str:
    return f"/admin/events/event/{event.pk}/change/"


def test_admin_edit_bumps_the_icalendar_sequence(admin_client):
    event = make_event(title="Seminar in Saint-Brieuc")
    before = event.sequence
    data = admin_form_data(admin_client, change_url(event))
    data["title"] = ["Seminar in Saint-Brieuc, new venue"]

    response = admin_client.post(change_url(event), data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Seminar in Saint-Brieuc, new venue"
    assert event.sequence == before + 1


def test_admin_edit_keeps_and_changes_the_agenda(admin_client):
    event = make_event()
    speaker = bulk_members(1)[0]
    item = make_agenda_item(event=event, title="Welcome", speakers=(speaker,))
    data = admin_form_data(admin_client, change_url(event))
    data["agenda-0-title"] = ["Welcome coffee"]

    response = admin_client.post(change_url(event), data)

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Welcome coffee"
    assert list(item.speakers.all()) == [speaker]  # the admin does not show them: they stay


def test_admin_capacity_increase_gives_seats_to_people_waiting(admin_client):
    event = make_event(capacity=1)
    first, second = bulk_members(2)
    make_registration(event=event, user=first)
    waiting = make_registration(event=event, user=second, state=RegistrationState.WAITING)
    data = admin_form_data(admin_client, change_url(event))
    data["capacity"] = ["2"]

    response = admin_client.post(change_url(event), data)

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.CONFIRMED


def test_admin_capacity_below_the_seats_taken_is_refused(admin_client):
    event = make_event(capacity=2)
    for person in bulk_members(2):
        make_registration(event=event, user=person)
    data = admin_form_data(admin_client, change_url(event))
    data["capacity"] = ["1"]

    response = admin_client.post(change_url(event), data)

    assert response.status_code == 200
    assert "The capacity cannot be lower" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 2


def test_admin_cannot_change_the_state_by_hand(admin_client):
    event = make_event(state=EventState.DRAFT)
    data = admin_form_data(admin_client, change_url(event))
    assert "state" not in data
    data["state"] = [EventState.PUBLISHED]

    admin_client.post(change_url(event), data)

    event.refresh_from_db()
    assert event.state == EventState.DRAFT


def test_admin_publish_action_goes_through_the_service(admin_client):
    event = make_event(state=EventState.DRAFT)
    before = event.sequence

    response = admin_client.post(
        "/admin/events/event/", {"action": "publish_events", "_selected_action": [event.pk]}
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.state, event.sequence) == (EventState.PUBLISHED, before + 1)


def test_admin_cancel_action_tells_the_people_registered(
    admin_client, django_capture_on_commit_callbacks
):
    event = make_event()
    people = bulk_members(3)
    for person in people:
        make_registration(event=event, user=person)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/events/event/", {"action": "cancel_events", "_selected_action": [event.pk]}
        )

    event.refresh_from_db()
    assert event.state == EventState.CANCELLED
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in people)


def test_admin_cannot_delete_an_upcoming_event_with_people_registered(admin_client):
    event = make_event()
    make_registration(event=event, user=bulk_members(1)[0])

    response = admin_client.post(f"/admin/events/event/{event.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_admin_deletes_a_draft(admin_client):
    event = make_event(state=EventState.DRAFT)

    response = admin_client.post(f"/admin/events/event/{event.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_admin_cancels_a_registration_and_the_first_waiting_gets_the_seat(admin_client):
    event = make_event(capacity=1)
    first, second = bulk_members(2)
    seat = make_registration(event=event, user=first)
    waiting = make_registration(event=event, user=second, state=RegistrationState.WAITING)

    response = admin_client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [seat.pk]},
    )

    assert response.status_code == 302
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert (seat.state, waiting.state) == (RegistrationState.CANCELLED, RegistrationState.CONFIRMED)


def test_admin_cannot_change_a_registration_state_by_hand(admin_client):
    event = make_event(capacity=1)
    waiting = make_registration(
        event=event, user=bulk_members(1)[0], state=RegistrationState.WAITING
    )
    url = f"/admin/events/registration/{waiting.pk}/change/"

    admin_client.post(url, {"state": RegistrationState.CONFIRMED})

    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.WAITING
