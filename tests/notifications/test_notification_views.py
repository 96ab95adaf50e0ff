"""/<lang>/notifications/: the member's notifications, the unread count in the header, reading
one (and going to it), reading all."""

import re

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from notifications.enums import NotificationKind
from notifications.models import Notification
from tests.factories import bulk_notifications, make_notification

pytestmark = pytest.mark.django_db

ITEM = re.compile(r'<button type="submit" class="link-button">([^<]+)</button>')
BADGE = re.compile(r'<span class="count-badge">(\d+)<span class="visually-hidden"> unread</span>')


def items(response) -> list[str]:
    html = response.content.decode()
    if '<ul class="notification-list">' not in html:
        return []
    start = html.index('<ul class="notification-list">')
    return ITEM.findall(html[start : html.index("</ul>", start)])


def badge(response) -> list[str]:
    return BADGE.findall(response.content.decode())


def messages_of(response) -> list[str]:
    return [message.message for message in get_messages(response.wsgi_request)]


# --- List and header ---------------------------------------------------------------------------


def test_notification_list_shows_the_members_notifications_newest_first(
    member_client, member, other_city_member
):
    make_notification(recipient=member, title="Older project", context="Gothenburg")
    make_notification(
        recipient=member,
        kind=NotificationKind.NEW_ANSWER,
        title="How do you count?",
        context="Umeå",
        actor=other_city_member,
    )
    make_notification(recipient=other_city_member, title="Not for Yann")

    response = member_client.get("/en/notifications/")

    html = response.content.decode()
    assert items(response) == ["How do you count?", "Older project"]
    assert "New answer · Umeå · Sofia Gothenburg" in html
    assert html.count('<strong class="status status-pending">New</strong>') == 2
    assert "E-mails about what you follow: In a weekly digest." in html


def test_notification_list_without_notifications_says_how_to_get_some(member_client):
    html = member_client.get("/en/notifications/").content.decode()

    assert "Nothing yet. Follow themes, cities, projects, questions or events" in html
    assert 'action="/en/notifications/read/"' not in html


def test_notification_list_pages_by_thirty(member_client, member):
    bulk_notifications(member, 31)

    first = member_client.get("/en/notifications/")
    second = member_client.get("/en/notifications/?page=2")

    assert (len(items(first)), len(items(second))) == (30, 1)


def test_notification_header_shows_the_unread_count_on_every_page(member_client, member):
    bulk_notifications(member, 3)

    home = member_client.get("/en/")
    theme = member_client.get("/en/themes/public-spaces/")

    assert badge(home) == ["3"]
    assert badge(theme) == ["3"]
    assert 'href="/en/notifications/">Notifications' in home.content.decode()


def test_notification_header_shows_no_count_when_all_is_read(member_client, member):
    make_notification(recipient=member, read_at=timezone.now())

    assert badge(member_client.get("/en/")) == []


def test_notification_pages_ask_visitors_to_sign_in(anonymous_client, member):
    notification = make_notification(recipient=member)

    listing = anonymous_client.get("/en/notifications/")
    reading = anonymous_client.post(f"/en/notifications/{notification.pk}/read/")

    assert listing["Location"] == "/en/accounts/login/?next=/en/notifications/"
    assert reading.status_code == 302
    assert reading["Location"].startswith("/en/accounts/login/")
    notification.refresh_from_db()
    assert notification.read_at is None


# --- Reading -----------------------------------------------------------------------------------


def test_notification_read_marks_it_read_and_goes_to_it(member_client, member):
    notification = make_notification(recipient=member, path="/questions/how/#answer-3")
    make_notification(recipient=member)

    response = member_client.post(f"/en/notifications/{notification.pk}/read/")

    notification.refresh_from_db()
    member.refresh_from_db()
    assert response["Location"] == "/en/questions/how/#answer-3"
    assert notification.read_at is not None
    assert member.unread_notifications == 1


def test_notification_read_goes_to_it_in_the_readers_language(login, member):
    notification = make_notification(recipient=member, path="/projects/grille/")

    response = login(member).post(f"/sv/notifications/{notification.pk}/read/")

    assert response["Location"] == "/sv/projects/grille/"


def test_notification_read_of_someone_elses_is_404(login, member, other_city_member):
    notification = make_notification(recipient=other_city_member)

    response = login(member).post(f"/en/notifications/{notification.pk}/read/")

    notification.refresh_from_db()
    other_city_member.refresh_from_db()
    assert response.status_code == 404
    assert notification.read_at is None
    assert other_city_member.unread_notifications == 1


def test_notification_read_twice_keeps_the_count(member_client, member):
    notification = make_notification(recipient=member)
    make_notification(recipient=member)
    member_client.post(f"/en/notifications/{notification.pk}/read/")

    member_client.post(f"/en/notifications/{notification.pk}/read/")

    member.refresh_from_db()
    assert member.unread_notifications == 1


def test_notification_read_answers_get_with_405(member_client, member):
    notification = make_notification(recipient=member)

    assert member_client.get(f"/en/notifications/{notification.pk}/read/").status_code == 405


def test_notification_read_all_marks_every_one_read(member_client, member, other_city_member):
    bulk_notifications(member, 4)
    make_notification(recipient=other_city_member)

    response = member_client.post("/en/notifications/read/")

    member.refresh_from_db()
    other_city_member.refresh_from_db()
    assert response["Location"] == "/en/notifications/"
    assert messages_of(response) == ["All notifications are marked as read."]
    assert Notification.objects.filter(recipient=member, read_at__isnull=True).count() == 0
    assert (member.unread_notifications, other_city_member.unread_notifications) == (0, 1)


def test_notification_read_all_with_nothing_new_says_so(member_client):
    response = member_client.post("/en/notifications/read/")

    assert messages_of(response) == ["Nothing new."]


# --- Query budget ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 100], ids=["1-notification", "100-notifications"])
def test_notification_list_budget(
    member_client, member, other_city_member, size, django_assert_num_queries
):
    bulk_notifications(member, size, actor=other_city_member)

    # session, user, count, page (actors joined); the header's count is a field
    with django_assert_num_queries(4):
        response = member_client.get("/en/notifications/")

    assert len(items(response)) == min(size, 30)


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_notification_list_answers_under_each_language_prefix(login, member, language):
    make_notification(recipient=member, title="Place de la Grille")

    response = login(member).get(f"/{language}/notifications/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    assert items(response) == ["Place de la Grille"]
