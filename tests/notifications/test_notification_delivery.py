"""Notification e-mails and the mail server: a digest counts as sent only once the server took
it; a project's people get one e-mail per comment, not two."""

import pytest

from accounts.enums import Frequency
from accounts.models import User
from notifications import emails
from notifications.enums import NotificationKind
from notifications.models import Notification
from notifications.tasks import send_digests
from tests.core.backends import DownBackend, FlakyBackend
from tests.factories import make_follow, make_member, make_notification, make_project

pytestmark = pytest.mark.django_db


def test_digest_not_delivered_stays_unsent_and_goes_with_the_next_run(settings, mailoutbox):
    reader = make_member(notification_frequency=Frequency.DAILY, email="dora@example.org")
    make_notification(recipient=reader, title="First project")
    make_notification(recipient=reader, title="Second project")
    settings.EMAIL_BACKEND = "tests.core.backends.DownBackend"
    DownBackend.attempts = 0

    failed_run = emails.send_due_digests()
    unsent_after_failure = Notification.objects.filter(emailed_at__isnull=True).count()
    last_digest_after_failure = User.objects.get(pk=reader.pk).last_digest_at
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    next_run = emails.send_due_digests()

    assert (failed_run, DownBackend.attempts) == (0, 1)
    assert (unsent_after_failure, last_digest_after_failure) == (2, None)
    assert next_run == 1
    (message,) = mailoutbox
    assert message.to == ["dora@example.org"]
    assert "First project" in message.body
    assert "Second project" in message.body
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_digest_not_delivered_to_one_person_does_not_stop_the_others(settings, mailoutbox):
    first = make_member(notification_frequency=Frequency.DAILY)
    second = make_member(notification_frequency=Frequency.DAILY)
    for person in (first, second):
        make_notification(recipient=person)
    settings.EMAIL_BACKEND = "tests.core.backends.FlakyBackend"
    FlakyBackend.attempts, FlakyBackend.failures = 0, 1

    sent = emails.send_due_digests()

    assert sent == 1
    assert len(mailoutbox) == 1
    unsent = Notification.objects.filter(emailed_at__isnull=True).values_list(
        "recipient__email", flat=True
    )
    assert list(unsent) == [{first.email, second.email}.difference(mailoutbox[0].to).pop()]


@pytest.mark.parametrize("role", ["author", "contact"])
def test_comment_e_mails_a_following_author_or_contact_once(
    member_client, role, mailoutbox, django_capture_on_commit_callbacks
):
    person = make_member(
        city="umea",
        email="lea@example.org",
        notification_frequency=Frequency.IMMEDIATELY,
    )
    project = make_project(author=person if role == "author" else make_member(is_active=False))
    if role == "contact":
        project.contacts.set([person])
    make_follow(user=person, target=project)

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/en/projects/{project.slug}/comments/", {"body": "How?"})

    (message,) = mailoutbox
    assert message.to == ["lea@example.org"]
    assert message.subject.startswith("[Alliance] New comment on ")
    notification = Notification.objects.get(recipient=person)  # still on the portal
    assert notification.kind == NotificationKind.NEW_COMMENT
    assert notification.emailed_at is not None  # so no digest repeats it either


def test_comment_still_e_mails_followers_at_once_who_are_not_the_projects_people(
    member_client, mailoutbox, django_capture_on_commit_callbacks
):
    project = make_project(author=make_member(email="lea@example.org"))
    follower = make_member(
        city="umea", email="follower@example.org", notification_frequency=Frequency.IMMEDIATELY
    )
    make_follow(user=follower, target=project)

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/en/projects/{project.slug}/comments/", {"body": "How?"})

    assert sorted((message.to[0], message.subject) for message in mailoutbox) == [
        ("follower@example.org", f"[Alliance] New comment: {project.title}"),
        ("lea@example.org", f"[Alliance] New comment on “{project.title}”"),
    ]


def test_comment_leaves_a_weekly_authors_digest_without_it(
    member_client, mailoutbox, django_capture_on_commit_callbacks
):
    author = make_member(city="umea", email="lea@example.org")  # weekly digests by default
    project = make_project(author=author)
    make_follow(user=author, target=project)
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/en/projects/{project.slug}/comments/", {"body": "How?"})

    sent = emails.send_due_digests()

    assert sent == 0
    assert [message.subject for message in mailoutbox] == [
        f"[Alliance] New comment on “{project.title}”"
    ]


def test_digests_task_of_celery_beat_sends_the_digests_that_are_due(mailoutbox):
    reader = make_member(notification_frequency=Frequency.DAILY, email="dora@example.org")
    make_notification(recipient=reader, title="First project")

    result = send_digests.delay()

    assert result.get() == 1
    assert [message.to for message in mailoutbox] == [["dora@example.org"]]
