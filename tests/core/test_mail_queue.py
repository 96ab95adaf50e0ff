"""No e-mail leaves inside a request: with a broker, a request only queues tasks, and the
worker (played here by ``task_queue.run_all()``) renders and delivers the e-mails."""

import pytest

from cities.enums import MembershipRole
from tests.factories import (
    get_city,
    make_event,
    make_member,
    make_project,
    make_registration,
    make_user,
)

pytestmark = pytest.mark.django_db

DELIVER = "core.tasks.deliver_email"


def test_comment_post_sends_nothing_and_queues_the_comment_task(
    member_client, mailoutbox, task_queue, django_capture_on_commit_callbacks
):
    project = make_project(author=make_member(email="lea.author@example.org"))

    with django_capture_on_commit_callbacks(execute=True):  # the request's commit
        response = member_client.post(
            f"/en/projects/{project.slug}/comments/", {"body": "How many trees?"}
        )
    sent_in_request = len(mailoutbox)

    ran = task_queue.run_all()

    assert response.status_code == 302
    assert sent_in_request == 0
    assert ran == ["projects.tasks.mail_comment_posted", DELIVER]
    assert [message.to for message in mailoutbox] == [["lea.author@example.org"]]


def test_event_registration_sends_nothing_and_queues_the_seat_task(
    member_client, member, mailoutbox, task_queue, django_capture_on_commit_callbacks
):
    event = make_event(slug="seminar-2027", capacity=10)

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post("/en/events/seminar-2027/register/", {"action": "register"})
    sent_in_request = len(mailoutbox)

    ran = task_queue.run_all()

    assert response.status_code == 302
    assert event.registrations.get().user == member
    assert sent_in_request == 0
    assert ran == ["events.tasks.mail_seats", DELIVER]
    (message,) = mailoutbox
    assert message.to == [member.email]
    assert message.attachments[0].filename == "seminar-2027.ics"


def test_event_cancel_sends_nothing_and_queues_one_task_for_everyone(
    login, network_coordinator, mailoutbox, task_queue, django_capture_on_commit_callbacks
):
    event = make_event(slug="seminar-2027")
    for email in ("one@example.org", "two@example.org", "three@example.org"):
        make_registration(event=event, user=make_member(email=email))

    with django_capture_on_commit_callbacks(execute=True):
        response = login(network_coordinator).post("/en/events/seminar-2027/cancel/")
    queued = task_queue.names()
    sent_in_request = len(mailoutbox)

    assert response.status_code == 302
    assert sent_in_request == 0
    assert queued == ["events.tasks.mail_event_cancelled"]


def test_membership_request_sends_nothing_and_queues_the_coordinators_task(
    login, city_coordinator, mailoutbox, task_queue, django_capture_on_commit_callbacks
):
    applicant = make_user(email="nora.benali@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        login(applicant).post(
            "/en/accounts/membership/",
            {"city": get_city("saint-brieuc").pk, "role": MembershipRole.PLANNER},
        )
    sent_in_request = len(mailoutbox)

    ran = task_queue.run_all()

    assert sent_in_request == 0
    assert ran == ["cities.tasks.mail_membership_requested", DELIVER]
    assert [message.to for message in mailoutbox] == [[city_coordinator.email]]


def test_signup_sends_nothing_and_queues_the_confirmation(
    anonymous_client, mailoutbox, task_queue, django_capture_on_commit_callbacks
):
    password = "green-cities-share-2024!"

    with django_capture_on_commit_callbacks(execute=True):
        anonymous_client.post(
            "/en/accounts/signup/",
            {
                "first_name": "Nora",
                "last_name": "Benali",
                "email": "nora@example.org",
                "password1": password,
                "password2": password,
            },
        )
    sent_in_request = len(mailoutbox)

    ran = task_queue.run_all()

    assert sent_in_request == 0
    assert ran == [DELIVER]
    assert [message.to for message in mailoutbox] == [["nora@example.org"]]
    assert "/en/accounts/confirm-email/" in mailoutbox[0].body
