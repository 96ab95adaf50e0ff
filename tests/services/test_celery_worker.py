"""E-mails through a real Celery worker process on Redis (make test-services)."""

import pytest
from icalendar import Calendar

from cities.enums import MembershipRole
from cities.services import membership_request
from events.enums import RegistrationState
from events.services import event_cancel
from tests.factories import (
    get_city,
    make_event,
    make_member,
    make_membership,
    make_registration,
    make_user,
)

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_worker_mails_a_membership_request_to_the_coordinator(celery_worker):
    coordinator = make_user(email="anne.coordinator@example.org", full_name="Anne Coordinator")
    make_membership(user=coordinator, city="saint-brieuc", role=MembershipRole.COORDINATOR)
    applicant = make_user(email="nora@example.org", full_name="Nora Benali")

    membership_request(user=applicant, city=get_city("saint-brieuc"), role=MembershipRole.PLANNER)

    (message,) = celery_worker.wait_for_mail(1)
    assert message["To"] == "anne.coordinator@example.org"
    assert message["Subject"] == "[Alliance] New membership request for Saint-Brieuc"
    body = message.get_body().get_content()
    assert "Nora Benali (nora@example.org) asks to join Saint-Brieuc" in body
    assert "http://testserver/en/cities/saint-brieuc/memberships/" in body
    log = celery_worker.output()
    assert "cities.tasks.mail_membership_requested" in log
    assert "core.tasks.deliver_email" in log


def test_worker_mails_a_cancellation_with_its_ics_to_everyone_registered(celery_worker):
    event = make_event(slug="seminar-2027", title="Végétalisation des cours d'école")
    for address in ("one@example.org", "two@example.org"):
        make_registration(event=event, user=make_member(email=address))
    make_registration(
        event=event, user=make_member(email="gone@example.org"), state=RegistrationState.CANCELLED
    )

    event_cancel(event=event)

    messages = celery_worker.wait_for_mail(2)
    assert sorted(message["To"] for message in messages) == ["one@example.org", "two@example.org"]
    for message in messages:
        # Python folds an encoded subject after "Subject:"; readers unfold it.
        subject = message["Subject"].strip()
        assert subject == "[Alliance] Cancelled: “Végétalisation des cours d'école”"
        (attachment,) = message.iter_attachments()
        assert attachment.get_filename() == "seminar-2027.ics"
        (vevent,) = Calendar.from_ical(attachment.get_content()).walk("VEVENT")
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert str(vevent["URL"]) == "http://testserver/en/events/seminar-2027/"
