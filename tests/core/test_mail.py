"""core.mail: every e-mail rendered in its reader's language with an unescaped one-line
subject, and delivered by a task that retries while the mail server is away."""

import smtplib

import pytest
from django.core import mail as django_mail
from django.db import transaction
from django.test import TestCase

from core import mail
from core.tasks import deliver_email
from tests.factories import make_event, make_member, make_project, make_registration, make_user

from .backends import DownBackend, FlakyBackend

pytestmark = pytest.mark.django_db

SCHOOLYARDS = "Végétalisation des cours d'école"


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.core.backends.FlakyBackend"
    FlakyBackend.attempts, FlakyBackend.failures = 0, 1
    return FlakyBackend


@pytest.fixture
def down(settings):
    settings.EMAIL_BACKEND = "tests.core.backends.DownBackend"
    DownBackend.attempts = 0
    return DownBackend


def queue_one(to: str = "lea@example.org") -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        mail.send(
            to=make_member(email=to),
            template="email/event_cancelled",
            context={"event": make_event(title="Seminar")},
        )


# --- Subjects --------------------------------------------------------------------------------


def test_comment_subject_keeps_apostrophes_and_accents(
    member_client, mailoutbox, django_capture_on_commit_callbacks
):
    project = make_project(author=make_member(), title=SCHOOLYARDS)

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/en/projects/{project.slug}/comments/", {"body": "D'accord !"})

    (message,) = mailoutbox
    assert message.subject == "[Alliance] New comment on “Végétalisation des cours d'école”"
    assert "D'accord !" in message.body


def test_comment_subject_in_french_keeps_apostrophes_and_accents(
    member_client, mailoutbox, django_capture_on_commit_callbacks
):
    project = make_project(author=make_member(preferred_language="fr"), title=SCHOOLYARDS)

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/en/projects/{project.slug}/comments/", {"body": "Bravo"})

    (message,) = mailoutbox
    assert message.subject == (
        "[Alliance] Nouveau commentaire sur «\u00a0Végétalisation des cours d'école\u00a0»"
    )


def test_event_cancelled_subject_keeps_ampersands_quotes_and_angle_brackets(
    login, network_coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(slug="parks", title='Parcs & jardins d\'Umeå <2027> "vert"')
    make_registration(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        login(network_coordinator).post("/en/events/parks/cancel/")

    (message,) = mailoutbox
    assert message.subject == '[Alliance] Cancelled: “Parcs & jardins d\'Umeå <2027> "vert"”'
    assert 'Parcs & jardins d\'Umeå <2027> "vert"' in message.body


def test_allauth_e_mail_is_in_the_persons_language_with_a_one_line_subject(
    anonymous_client, mailoutbox, django_capture_on_commit_callbacks
):
    make_user(email="ingrid@example.org", preferred_language="sv")

    with django_capture_on_commit_callbacks(execute=True):
        anonymous_client.post("/en/accounts/password/reset/", {"email": "ingrid@example.org"})

    (message,) = mailoutbox
    # The template spreads the subject over four lines: the header gets one. The link is in the
    # person's language too, whatever the page they asked from.
    assert message.subject == "[Alliance] Välj ett nytt lösenord"
    assert message.to == ["ingrid@example.org"]
    assert "http://testserver/sv/accounts/password/reset/key/" in message.body


def test_compose_to_a_bare_address_uses_the_language_given():
    message = mail.compose(
        to="someone@example.org",
        language="fr",
        template="account/email/password_reset_key",
        body_suffix="message",
        context={"password_reset_url": "http://testserver/x/", "current_site": None},
    )

    assert message.subject == "[Alliance] Choisir un nouveau mot de passe"
    assert message.to == ["someone@example.org"]
    assert message.from_email == "Alliance Portal <noreply@localhost>"


# --- Delivery --------------------------------------------------------------------------------


def test_mail_waits_for_the_commit(mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        mail.send(
            to=make_member(), template="email/event_cancelled", context={"event": make_event()}
        )

    assert mailoutbox == []
    assert len(callbacks) == 1


def test_mail_rolled_back_with_its_transaction_is_never_sent(mailoutbox):
    person, event = make_member(), make_event()

    with (
        TestCase.captureOnCommitCallbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail.send(to=person, template="email/event_cancelled", context={"event": event})
        raise RuntimeError("the write fails after the e-mail was queued")

    assert mailoutbox == []


def test_delivery_after_an_smtp_error_is_retried_and_the_mail_arrives(flaky):
    queue_one()

    (message,) = django_mail.outbox
    assert flaky.attempts == 2
    assert message.to == ["lea@example.org"]
    assert message.subject == "[Alliance] Cancelled: “Seminar”"


def test_delivery_retries_several_times_before_the_mail_arrives(flaky):
    flaky.failures = 3

    queue_one()

    assert flaky.attempts == 4
    assert len(django_mail.outbox) == 1


def test_delivery_to_a_server_that_stays_down_gives_up_after_the_last_retry(down, task_failures):
    queue_one()

    ((task, error),) = task_failures
    task_failures.clear()
    assert (task, type(error)) == ("core.tasks.deliver_email", ConnectionRefusedError)
    assert down.attempts == deliver_email.max_retries + 1 == 9
    assert django_mail.outbox == []


def test_delivery_waits_longer_after_each_failure():
    # Exponential backoff (30 s, 60 s, 120 s… at most 10 minutes), with jitter.
    assert (deliver_email.retry_backoff, deliver_email.retry_backoff_max) == (30, 600)
    assert deliver_email.retry_jitter is True
    assert smtplib.SMTPException in deliver_email.autoretry_for
    assert OSError in deliver_email.autoretry_for


def test_delivery_keeps_attachments_and_headers_through_the_queue(mailoutbox):
    person = make_member(email="lea@example.org")

    with TestCase.captureOnCommitCallbacks(execute=True):
        mail.send(
            to=person,
            template="email/event_cancelled",
            context={"event": make_event(title="Seminar")},
            attachments=[mail.Attachment("seminar.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar")],
            headers={"List-Unsubscribe": "<http://testserver/u/>"},
        )

    (message,) = mailoutbox
    assert message.attachments == [("seminar.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")]
    assert message.extra_headers == {"List-Unsubscribe": "<http://testserver/u/>"}
