"""Everything a person receives is in their language: a notification line, an e-mail at once
and a digest show the title translated into the reader's language when a translation exists
(one query for the whole list), name the city in that language (Göteborg in French and
Swedish) and link to the reader's language."""

import re
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from accounts.enums import Frequency
from languages.services import save_translation
from notifications import services
from notifications.enums import NotificationKind
from notifications.models import Notification
from tests.factories import (
    bulk_notifications,
    get_city,
    make_follow,
    make_member,
    make_notification,
    make_project,
)

pytestmark = pytest.mark.django_db

ITEM = re.compile(r'<button type="submit" class="link-button"(?: lang="(\w+)")?>([^<]+)</button>')
LINE = re.compile(r'<p class="muted">\s*(?:<strong[^>]*>[^<]*</strong> · )?([^<]*?)\s*·\s*<time')


def items(response) -> list[tuple[str, str]]:
    """(lang, title) of each line of the notification list."""
    html = response.content.decode()
    start = html.index('<ul class="notification-list">')
    return ITEM.findall(html[start : html.index("</ul>", start)])


def lines(response) -> list[str]:
    """The kind, where and who of each line."""
    return [" ".join(line.split()) for line in LINE.findall(response.content.decode())]


@pytest.fixture
def installation(other_city_member):
    """Gothenburg's project, written in Swedish, translated into French (not into English)."""
    project = make_project(
        city="gothenburg",
        author=other_city_member,
        title="Tillfällig installation på torget",
        content_language="sv",
    )
    save_translation(
        obj=project,
        language="fr",
        texts={"title": "Installation temporaire sur la place"},
        by=other_city_member,
    )
    return project


def notification_about(project, recipient, **fields) -> Notification:
    return make_notification(
        recipient=recipient,
        title=project.title,
        title_language=project.content_language,
        subject_type=ContentType.objects.get_for_model(project),
        subject_id=project.pk,
        city=project.city,
        path=f"/projects/{project.slug}/",
        **fields,
    )


def reader(language: str, frequency: str = Frequency.WEEKLY, **fields):
    return make_member(
        city="saint-brieuc",
        preferred_language=language,
        notification_frequency=frequency,
        **fields,
    )


# --- The list ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "shown", "city"),
    [
        ("fr", ("fr", "Installation temporaire sur la place"), "Göteborg"),
        ("sv", ("sv", "Tillfällig installation på torget"), "Göteborg"),
        ("en", ("sv", "Tillfällig installation på torget"), "Gothenburg"),  # not translated
    ],
)
def test_notification_list_shows_the_title_and_city_in_the_pages_language(
    login, member, installation, language, shown, city
):
    notification_about(installation, member)

    response = login(member).get(f"/{language}/notifications/")

    assert items(response) == [shown]
    assert lines(response)[0].split(" · ")[1] == city


def test_notification_list_shows_a_translation_made_after_the_notification(
    login, member, other_city_member
):
    project = make_project(city="gothenburg", title="Torget", content_language="sv")
    notification_about(project, member)
    before = items(login(member).get("/fr/notifications/"))

    save_translation(obj=project, language="fr", texts={"title": "La place"}, by=other_city_member)

    assert before == [("sv", "Torget")]
    assert items(login(member).get("/fr/notifications/")) == [("fr", "La place")]


def test_notification_list_keeps_older_lines_without_a_subject_as_they_were(login, member):
    make_notification(recipient=member, title="From before", context="Gothenburg")

    response = login(member).get("/fr/notifications/")

    assert items(response) == [("", "From before")]
    assert lines(response)[0].startswith("Nouveau projet · Gothenburg")


def test_notify_keeps_the_subject_and_city_and_says_a_lazy_context_in_each_readers_language(
    other_city_member, installation
):
    french, swedish = reader("fr"), reader("sv")
    for person in (french, swedish):
        make_follow(user=person, target=get_city("gothenburg"))

    services.notify(
        kind=NotificationKind.NEW_EVENT,
        actor=other_city_member,
        title="Webinar",
        url="/en/events/webinar/",
        subject=installation,
        city=get_city("gothenburg"),
        context=NotificationKind.NEW_PROJECT.label,  # any lazy translation
        targets=[get_city("gothenburg")],
    )

    stored = {n.recipient_id: n for n in Notification.objects.all()}
    assert (stored[french.pk].context, stored[swedish.pk].context) == (
        "Nouveau projet",
        "Nytt projekt",
    )
    assert stored[french.pk].city == get_city("gothenburg")
    assert (stored[french.pk].subject_type.model, stored[french.pk].subject_id) == (
        "project",
        installation.pk,
    )


@pytest.mark.parametrize("size", [1, 30], ids=["1-notification", "30-notifications"])
def test_notification_list_budget_with_translated_titles(
    login, member, other_city_member, size, django_assert_num_queries
):
    for number in range(size):
        project = make_project(
            city="gothenburg", title=f"Svenskt projekt {number}", content_language="sv"
        )
        save_translation(
            obj=project, language="fr", texts={"title": f"Projet {number}"}, by=other_city_member
        )
        notification_about(project, member, actor=other_city_member)
    client = login(member)

    # session, user, count, page (actors, cities and subject types joined), the translations
    with django_assert_num_queries(5):
        response = client.get("/fr/notifications/")

    assert len(items(response)) == size
    assert all(lang == "fr" and title.startswith("Projet ") for lang, title in items(response))


@pytest.mark.parametrize("size", [1, 30], ids=["1-notification", "30-notifications"])
def test_notification_list_budget_without_subjects(
    login, member, other_city_member, size, django_assert_num_queries
):
    bulk_notifications(member, size, actor=other_city_member, city=get_city("gothenburg"))
    client = login(member)

    # session, user, count, page: nothing to translate, no query for it
    with django_assert_num_queries(4):
        response = client.get("/fr/notifications/")

    assert len(items(response)) == size


# --- E-mails -----------------------------------------------------------------------------------


def test_notification_e_mail_at_once_is_in_the_recipients_language(
    mailoutbox, django_capture_on_commit_callbacks, other_city_member, installation
):
    french = reader("fr", Frequency.IMMEDIATELY, email="lea@example.org")
    english = reader("en", Frequency.IMMEDIATELY, email="ann@example.org")
    for person in (french, english):
        make_follow(user=person, target=get_city("gothenburg"))

    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            kind=NotificationKind.NEW_PROJECT,
            actor=other_city_member,
            title=installation.title,
            title_language="sv",
            subject=installation,
            url=installation.get_absolute_url(),
            city=installation.city,
            targets=[installation.city],
        )

    messages = {message.to[0]: message for message in mailoutbox}
    assert messages["lea@example.org"].subject == (
        "[Alliance] Nouveau projet: Installation temporaire sur la place"
    )
    body = messages["lea@example.org"].body
    assert "Nouveau projet (Göteborg): Installation temporaire sur la place" in body
    assert f"http://testserver/fr/projects/{installation.slug}/" in body
    assert "http://testserver/fr/notifications/unsubscribe/" in body
    english_body = messages["ann@example.org"].body
    assert "New project (Gothenburg): Tillfällig installation på torget" in english_body
    assert f"http://testserver/en/projects/{installation.slug}/" in english_body


@pytest.mark.parametrize("size", [1, 20], ids=["1-item", "20-items"])
def test_digest_is_in_the_recipients_language_in_one_query_for_the_titles(
    mailoutbox, other_city_member, size
):
    swedish = reader("sv", Frequency.DAILY, email="sofia@example.org")
    for number in range(size):
        project = make_project(
            city="gothenburg", title=f"Projet français {number}", content_language="fr"
        )
        save_translation(
            obj=project, language="sv", texts={"title": f"Svenskt {number}"}, by=other_city_member
        )
        notification_about(project, swedish)
    translation_queries = []

    def count(execute, sql, params, many, context):
        if "languages_translation" in sql:
            translation_queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        call_command("send_digests", stdout=StringIO())

    (message,) = mailoutbox
    assert len(translation_queries) == 1
    assert message.subject.startswith("[Alliance] ")
    for number in range(size):
        assert f"Nytt projekt (Göteborg): Svenskt {number}\n" in message.body
    assert "Projet français" not in message.body
    assert "http://testserver/sv/projects/" in message.body
    assert "/fr/" not in message.body and "/en/" not in message.body
