import datetime

import pytest

from events.models import AgendaItem, Event
from tests.content_language import selected_language
from tests.factories import (
    agenda_form_data,
    edit_form_data,
    event_form_data,
    in_days,
    local_input,
    make_agenda_item,
    make_event,
    saved_agenda_form_data,
)

pytestmark = pytest.mark.django_db

START = in_days(40, 9)  # event_form_data's event: 9:00–11:00, 40 days from today


def at(hours: float) -> str:
    return local_input(START + datetime.timedelta(hours=hours))


def test_event_form_defaults_to_the_interface_language_and_agenda_rows_to_the_events(
    login, network_coordinator
):
    page = login(network_coordinator).get("/sv/events/new/").content.decode()

    assert selected_language(page) == "sv"
    assert selected_language(page, "agenda-0-content_language") == ""


def test_event_create_stores_its_language_and_gives_it_to_agenda_items_left_as_the_event(
    login, network_coordinator
):
    data = event_form_data(content_language="sv") | agenda_form_data(
        [
            {"starts_at": at(0), "ends_at": at(1), "title": "Välkommen"},
            {"starts_at": at(1), "ends_at": at(2), "title": "A talk", "content_language": "en"},
        ]
    )

    login(network_coordinator).post("/fr/events/new/", data)

    event = Event.objects.get()
    assert event.content_language == "sv"
    assert list(event.agenda.values_list("title", "content_language")) == [
        ("Välkommen", "sv"),
        ("A talk", "en"),
    ]


def test_event_create_refuses_an_unknown_language(login, network_coordinator):
    data = event_form_data(content_language="de") | agenda_form_data([])

    response = login(network_coordinator).post("/en/events/new/", data)

    assert response.status_code == 200
    assert "Select a valid choice. de is not one of the available choices." in (
        response.content.decode()
    )
    assert not Event.objects.exists()


def test_event_edit_shows_and_changes_the_languages(login, organiser):
    event = make_event(organisers=(organiser,), content_language="fr")
    item = make_agenda_item(event=event, content_language="en")
    client = login(organiser)
    page = client.get(f"/sv/events/{event.slug}/edit/").content.decode()
    agenda = saved_agenda_form_data(event)
    agenda["agenda-0-content_language"] = "sv"

    client.post(
        f"/sv/events/{event.slug}/edit/", edit_form_data(event, content_language="sv") | agenda
    )

    event.refresh_from_db()
    item.refresh_from_db()
    assert selected_language(page) == "fr"
    assert selected_language(page, "agenda-0-content_language") == "en"
    assert (event.content_language, item.content_language) == ("sv", "sv")
    assert AgendaItem.objects.count() == 1
