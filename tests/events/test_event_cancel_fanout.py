"""Cancelling an event with 500 registrations answers like one with 5: the request cancels and
queues one task; that task e-mails everyone, off the request."""

import pytest
from django.contrib.contenttypes.models import ContentType

from events.enums import EventState
from events.models import Event
from tests.factories import bulk_registrations, make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [5, 500], ids=["5-registrations", "500-registrations"])
def test_event_cancel_with_500_registrations_takes_the_queries_of_5_and_mails_after(
    login,
    network_coordinator,
    size,
    mailoutbox,
    task_queue,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    event = make_event(slug="seminar-2027", capacity=None)
    registrations = bulk_registrations(event, size)
    client = login(network_coordinator)
    ContentType.objects.clear_cache()  # count what a fresh process does

    # measured: 9 — the session, its user, the event, the permission check, then in a
    # savepoint the locked event (with its host city), its update and the activity log's
    # entry; the registrations are the task's business.
    with django_assert_num_queries(9), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/events/seminar-2027/cancel/")
    sent_in_request = len(mailoutbox)
    ran = task_queue.run_all()

    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).state == EventState.CANCELLED
    assert sent_in_request == 0
    assert ran == ["events.tasks.mail_event_cancelled"] + ["core.tasks.deliver_email"] * size
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        registration.user.email for registration in registrations
    )
