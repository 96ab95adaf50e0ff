"""Fair seats under load: many people registering at the same moment, on PostgreSQL."""

import threading

import pytest
from django.db import connection

from events import selectors, services
from events.enums import RegistrationState
from events.models import Registration
from tests.factories import bulk_members, make_event

PEOPLE = 50
SEATS = 10


# Real threads need real commits: a transactional test, whose data the other tests must not
# lose (serialized_rollback brings back the cities and themes of the data migrations).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_registration_register_concurrently_gives_ten_seats_and_queues_the_rest_in_order(
    mailoutbox,
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; CI runs this test on PostgreSQL")
    event = make_event(capacity=SEATS, slug="crowded-webinar")
    people = bulk_members(PEOPLE, word="Crowd")
    barrier = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def register(person):
        try:
            barrier.wait(timeout=30)
            services.registration_register(event=event, user=person)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert not any(thread.is_alive() for thread in threads)
    registrations = list(Registration.objects.filter(event=event).order_by("pk"))
    confirmed = [r for r in registrations if r.state == RegistrationState.CONFIRMED]
    waiting = [r for r in registrations if r.state == RegistrationState.WAITING]
    assert len(registrations) == PEOPLE
    assert len({r.user_id for r in registrations}) == PEOPLE
    assert event.registrations.filter(state=RegistrationState.CONFIRMED).count() == SEATS
    assert event.registrations.filter(state=RegistrationState.WAITING).count() == PEOPLE - SEATS
    # Arrival order: the row lock serialises the registrations, so ids and times agree,
    # and every seat went to someone who arrived before everyone waiting.
    assert [r.pk for r in sorted(registrations, key=lambda r: (r.created_at, r.pk))] == [
        r.pk for r in registrations
    ]
    assert all(
        a.created_at < b.created_at for a, b in zip(registrations, registrations[1:], strict=False)
    )
    assert max(r.pk for r in confirmed) < min(r.pk for r in waiting)
    assert [selectors.waiting_position(r) for r in waiting] == list(range(1, PEOPLE - SEATS + 1))
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        person.email for person in people if person.pk in {r.user_id for r in confirmed}
    )
