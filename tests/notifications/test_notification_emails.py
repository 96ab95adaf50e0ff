"""Notification e-mails: at once, in a daily or weekly digest, or never (weekly by default);
each in the recipient's language with a signed one-click unsubscribe link; `send_digests` is
safe to run twice."""

import datetime
from io import StringIO

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.enums import Frequency
from accounts.models import User
from notifications import emails, services
from notifications.enums import NotificationKind
from notifications.models import Notification
from tests.factories import make_follow, make_member, make_notification, make_user
from themes.models import Theme

pytestmark = pytest.mark.django_db

WEEKLY, DAILY, IMMEDIATELY, NEVER = (
    Frequency.WEEKLY,
    Frequency.DAILY,
    Frequency.IMMEDIATELY,
    Frequency.NEVER,
)


def person(frequency: str = WEEKLY, language: str = "en", **fields) -> User:
    number = User.objects.count() + 1
    fields.setdefault("email", f"{frequency}-{language}-{number}@example.org")
    fields.setdefault("full_name", f"Reader {number}")
    return make_member(
        city="umea", notification_frequency=frequency, preferred_language=language, **fields
    )


def notify_public_spaces(actor: User, title: str = "Place de la Grille") -> int:
    return services.notify(
        kind=NotificationKind.NEW_PROJECT,
        actor=actor,
        title=title,
        url="/en/projects/place-de-la-grille/",
        context="Saint-Brieuc",
        targets=[Theme.objects.get(slug="public-spaces")],
    )


def unsubscribe_url(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>")


def send_digests(capture) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("send_digests", stdout=out)
    return out.getvalue().strip()


# --- Frequency ---------------------------------------------------------------------------------


def test_notification_frequency_is_weekly_by_default(db):
    assert make_user().notification_frequency == WEEKLY


def test_notification_frequency_is_chosen_in_the_profile(member_client, member):
    page = member_client.get("/en/accounts/profile/").content.decode()

    member_client.post(
        "/en/accounts/profile/",
        {
            "full_name": member.full_name,
            "preferred_language": "en",
            "notification_frequency": DAILY,
        },
    )

    member.refresh_from_db()
    assert 'name="notification_frequency"' in page
    assert member.notification_frequency == DAILY


# --- At once -----------------------------------------------------------------------------------


def test_email_at_once_has_the_item_and_a_one_click_unsubscribe_link(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    reader = person(IMMEDIATELY, full_name="Ingrid Reader")
    make_follow(user=reader, target=Theme.objects.get(slug="public-spaces"))

    with django_capture_on_commit_callbacks(execute=True):
        notify_public_spaces(member)

    (message,) = mailoutbox
    url = unsubscribe_url(message)
    assert message.to == [reader.email]
    assert message.subject == "[Alliance] New project: Place de la Grille"
    assert message.body.startswith("Hello Ingrid Reader,")
    assert "New project (Saint-Brieuc): Place de la Grille" in message.body
    assert "http://testserver/en/projects/place-de-la-grille/" in message.body
    assert url.startswith("http://testserver/en/notifications/unsubscribe/")
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize(
    ("language", "hello", "signature"),
    [
        ("fr", "Bonjour Léa Lecteur,", "Le Portail de l'Alliance"),
        ("sv", "Hej Léa Lecteur!", "Alliansportalen"),
    ],
)
def test_email_at_once_is_in_the_recipients_language(
    member, mailoutbox, django_capture_on_commit_callbacks, language, hello, signature
):
    reader = person(IMMEDIATELY, language, full_name="Léa Lecteur")
    make_follow(user=reader, target=Theme.objects.get(slug="public-spaces"))

    with django_capture_on_commit_callbacks(execute=True):
        notify_public_spaces(member)

    (message,) = mailoutbox
    assert message.body.startswith(hello)
    assert signature in message.body
    assert f"http://testserver/{language}/projects/place-de-la-grille/" in message.body


def test_email_unsubscribe_link_opens_in_the_recipients_language(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    reader = person(IMMEDIATELY, "fr")
    make_follow(user=reader, target=Theme.objects.get(slug="public-spaces"))

    with django_capture_on_commit_callbacks(execute=True):
        notify_public_spaces(member)

    assert unsubscribe_url(mailoutbox[0]).startswith(
        "http://testserver/fr/notifications/unsubscribe/"
    )


def test_email_at_once_never_goes_to_the_actor(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    member.notification_frequency = IMMEDIATELY
    member.save()
    make_follow(user=member, target=Theme.objects.get(slug="public-spaces"))

    with django_capture_on_commit_callbacks(execute=True):
        notify_public_spaces(member)

    assert mailoutbox == []


# --- Digests -----------------------------------------------------------------------------------


def test_digest_gathers_what_was_not_sent_in_one_email(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    reader = person(WEEKLY, full_name="Wanda Weekly")
    make_notification(recipient=reader, title="First project")
    make_notification(recipient=reader, title="Second project", context="Umeå")
    make_notification(recipient=reader, title="Sent already", emailed_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        sent = emails.send_due_digests()

    (message,) = mailoutbox
    reader.refresh_from_db()
    assert sent == 1
    assert message.subject == "[Alliance] 2 new items in what you follow"
    assert message.body.index("First project") < message.body.index("Second project")
    assert "New project (Umeå): Second project" in message.body
    assert "Sent already" not in message.body
    assert unsubscribe_url(message) in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.filter(recipient=reader, emailed_at__isnull=True).count() == 0
    assert reader.last_digest_at is not None


def test_digest_is_in_the_recipients_language(mailoutbox, django_capture_on_commit_callbacks):
    reader = person(DAILY, "fr", full_name="Léa Lecteur")
    make_notification(recipient=reader, title="Place de la Grille", path="/projects/grille/")

    with django_capture_on_commit_callbacks(execute=True):
        emails.send_due_digests()

    (message,) = mailoutbox
    assert message.body.startswith("Bonjour Léa Lecteur,")
    assert "http://testserver/fr/projects/grille/" in message.body


@pytest.mark.parametrize(
    ("frequency", "last_digest_days_ago", "due"),
    [
        (DAILY, None, True),
        (DAILY, 2, True),
        (DAILY, 0.5, False),
        (WEEKLY, None, True),
        (WEEKLY, 8, True),
        (WEEKLY, 2, False),
        (IMMEDIATELY, None, False),
        (NEVER, None, False),
    ],
)
def test_digest_goes_to_whom_it_is_due(
    mailoutbox, django_capture_on_commit_callbacks, frequency, last_digest_days_ago, due
):
    last = (
        None
        if last_digest_days_ago is None
        else timezone.now() - datetime.timedelta(days=last_digest_days_ago)
    )
    reader = person(frequency, last_digest_at=last)
    make_notification(recipient=reader)

    with django_capture_on_commit_callbacks(execute=True):
        emails.send_due_digests()

    assert [message.to for message in mailoutbox] == ([[reader.email]] if due else [])


def test_digest_skips_inactive_people(mailoutbox, django_capture_on_commit_callbacks):
    make_notification(recipient=person(WEEKLY, is_active=False))

    with django_capture_on_commit_callbacks(execute=True):
        emails.send_due_digests()

    assert mailoutbox == []


def test_send_digests_twice_sends_nobody_the_same_item_twice(
    mailoutbox, django_capture_on_commit_callbacks
):
    weekly, daily = person(WEEKLY), person(DAILY)
    for reader in (weekly, daily):
        make_notification(recipient=reader, title="Place de la Grille")
    make_notification(recipient=person(IMMEDIATELY))

    first = send_digests(django_capture_on_commit_callbacks)
    after_first = len(mailoutbox)
    second = send_digests(django_capture_on_commit_callbacks)

    assert (first, second) == ("2 digest(s) sent.", "0 digest(s) sent.")
    assert after_first == 2
    assert len(mailoutbox) == 2
    assert sorted(message.to[0] for message in mailoutbox) == sorted([weekly.email, daily.email])


def test_send_digests_sends_only_new_items_when_the_next_one_is_due(
    mailoutbox, django_capture_on_commit_callbacks
):
    reader = person(DAILY)
    make_notification(recipient=reader, title="Old news")
    send_digests(django_capture_on_commit_callbacks)
    make_notification(recipient=reader, title="Fresh news")

    too_soon = send_digests(django_capture_on_commit_callbacks)
    User.objects.filter(pk=reader.pk).update(
        last_digest_at=timezone.now() - datetime.timedelta(days=1, minutes=1)
    )
    next_day = send_digests(django_capture_on_commit_callbacks)

    assert (too_soon, next_day) == ("0 digest(s) sent.", "1 digest(s) sent.")
    assert len(mailoutbox) == 2
    assert "Fresh news" in mailoutbox[1].body
    assert "Old news" not in mailoutbox[1].body


# --- Unsubscribe -------------------------------------------------------------------------------


@pytest.fixture
def reader_and_link(member, mailoutbox, django_capture_on_commit_callbacks):
    reader = person(IMMEDIATELY, email="reader@example.org")
    make_follow(user=reader, target=Theme.objects.get(slug="public-spaces"))
    with django_capture_on_commit_callbacks(execute=True):
        notify_public_spaces(member)
    path = unsubscribe_url(mailoutbox[0]).removeprefix("http://testserver")
    return reader, path


def test_unsubscribe_link_asks_before_stopping_without_sign_in(anonymous_client, reader_and_link):
    reader, path = reader_and_link

    response = anonymous_client.get(path)

    reader.refresh_from_db()
    assert response.status_code == 200
    assert "Stop all notification e-mails to reader@example.org?" in response.content.decode()
    assert reader.notification_frequency == IMMEDIATELY


def test_unsubscribe_post_stops_the_emails_without_sign_in(anonymous_client, reader_and_link):
    reader, path = reader_and_link

    response = anonymous_client.post(path)

    reader.refresh_from_db()
    assert response.status_code == 200
    assert "No more notification e-mails will be sent to reader@example.org." in (
        response.content.decode()
    )
    assert reader.notification_frequency == NEVER


def test_unsubscribe_one_click_post_needs_no_csrf_token(reader_and_link):
    reader, path = reader_and_link

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})

    reader.refresh_from_db()
    assert response.status_code == 200
    assert reader.notification_frequency == NEVER


def test_unsubscribed_person_gets_no_more_email_but_still_sees_notifications(
    anonymous_client, member, reader_and_link, mailoutbox, django_capture_on_commit_callbacks
):
    reader, path = reader_and_link
    anonymous_client.post(path)

    with django_capture_on_commit_callbacks(execute=True):
        notify_public_spaces(member, title="Another project")
        emails.send_due_digests()

    assert len(mailoutbox) == 1  # the first one only
    assert Notification.objects.filter(recipient=reader).count() == 2


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: signing.dumps({"u": 1}, salt="another.salt"),
        lambda token: "not-a-token",
    ],
    ids=["changed-signature", "other-salt", "garbage"],
)
def test_unsubscribe_with_a_tampered_token_is_refused_and_changes_nothing(
    anonymous_client, reader_and_link, tamper
):
    reader, path = reader_and_link
    token = path.rstrip("/").rsplit("/", 1)[1]
    bad = path.replace(token, tamper(token))

    shown = anonymous_client.get(bad)
    posted = anonymous_client.post(bad)

    reader.refresh_from_db()
    assert (shown.status_code, posted.status_code) == (400, 400)
    assert "This unsubscribe link is not valid" in posted.content.decode()
    assert reader.notification_frequency == IMMEDIATELY


def test_unsubscribe_token_of_one_person_cannot_be_changed_to_another(reader_and_link, member):
    reader, path = reader_and_link
    token = path.rstrip("/").rsplit("/", 1)[1]
    signature = token.rpartition(":")[2]
    forged = signing.dumps({"u": member.pk}, salt="notifications.unsubscribe").rpartition(":")[0]

    response = Client().post(path.replace(token, f"{forged}:{signature}"))

    member.refresh_from_db()
    assert response.status_code == 400
    assert member.notification_frequency == WEEKLY


def test_unsubscribe_page_budget(anonymous_client, reader_and_link, django_assert_num_queries):
    _reader, path = reader_and_link

    with django_assert_num_queries(1):  # the person the token names
        response = anonymous_client.get(path)

    assert response.status_code == 200
