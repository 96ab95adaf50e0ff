"""An event's e-mails and .ics files speak their reader's language: the link, the host city's
name, the category, and the title, description and agenda where a translation into it exists;
the e-mail sent with the .ics shows the same title."""

import pytest
from icalendar import Calendar

from events import services
from events.enums import RegistrationState
from languages.services import save_translation
from tests.factories import make_agenda_item, make_event, make_member, make_registration

pytestmark = pytest.mark.django_db


def attached_event(message):
    ((filename, content, mimetype),) = message.attachments
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    return vevent


@pytest.fixture
def webinar():
    """A webinar written in Swedish in Gothenburg, translated into French (not English)."""
    event = make_event(
        title="Torget som mötesplats",
        description="Hur gör vi torget levande?",
        slug="torget-webinar",
        host_city="gothenburg",
        content_language="sv",
        capacity=10,
    )
    item = make_agenda_item(event=event, title="Välkommen", content_language="sv")
    author = make_member()
    save_translation(
        obj=event,
        language="fr",
        texts={"title": "La place, lieu de rencontre", "description": "Comment animer la place ?"},
        by=author,
    )
    save_translation(obj=item, language="fr", texts={"title": "Bienvenue"}, by=author)
    return event


@pytest.mark.parametrize(
    ("language", "summary", "summary_language", "words", "city"),
    [
        ("fr", "La place, lieu de rencontre", "fr", ("Comment animer", "Bienvenue"), "Göteborg"),
        ("sv", "Torget som mötesplats", "sv", ("Hur gör vi", "Välkommen"), "Göteborg"),
        ("en", "Torget som mötesplats", "sv", ("Hur gör vi", "Välkommen"), "Gothenburg"),
    ],
)
def test_seat_e_mail_and_its_ics_are_in_the_persons_language(
    mailoutbox,
    django_capture_on_commit_callbacks,
    webinar,
    language,
    summary,
    summary_language,
    words,
    city,
):
    person = make_member(preferred_language=language)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_register(event=webinar, user=person)

    (message,) = mailoutbox
    assert summary in message.subject
    assert f"http://testserver/{language}/events/torget-webinar/" in message.body
    vevent = attached_event(message)
    assert str(vevent["SUMMARY"]) == summary
    assert vevent["SUMMARY"].params["LANGUAGE"] == summary_language
    assert all(word in str(vevent["DESCRIPTION"]) for word in words)
    assert str(vevent["URL"]) == f"http://testserver/{language}/events/torget-webinar/"
    assert str(vevent["LOCATION"]) == city


def test_cancellation_tells_each_person_in_their_language_with_their_ics(
    mailoutbox, django_capture_on_commit_callbacks, webinar
):
    for email, language in [
        ("lea@example.org", "fr"),
        ("ann@example.org", "en"),
        ("marc@example.org", "fr"),
        ("sofia@example.org", "sv"),
    ]:
        make_registration(
            event=webinar,
            user=make_member(email=email, preferred_language=language),
            state=RegistrationState.CONFIRMED,
        )

    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=webinar)

    sent = {message.to[0]: message for message in mailoutbox}
    for email in ("lea@example.org", "marc@example.org"):
        assert "La place, lieu de rencontre" in sent[email].subject
        assert str(attached_event(sent[email])["SUMMARY"]) == "La place, lieu de rencontre"
        assert "/fr/events/torget-webinar/" in sent[email].body
    for email, language in [("ann@example.org", "en"), ("sofia@example.org", "sv")]:
        assert "Torget som mötesplats" in sent[email].subject
        assert str(attached_event(sent[email])["SUMMARY"]) == "Torget som mötesplats"
        assert str(attached_event(sent[email])["URL"]).endswith(
            f"/{language}/events/torget-webinar/"
        )


@pytest.mark.parametrize(
    ("language", "summary"),
    [("fr", "La place, lieu de rencontre"), ("en", "Torget som mötesplats")],
)
def test_event_ics_download_is_in_the_pages_language(anonymous_client, webinar, language, summary):
    response = anonymous_client.get(f"/{language}/events/torget-webinar/calendar.ics")
    feed = anonymous_client.get(f"/{language}/events/calendar.ics")

    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == summary
    assert str(vevent["URL"]) == f"http://testserver/{language}/events/torget-webinar/"
    (entry,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == summary
