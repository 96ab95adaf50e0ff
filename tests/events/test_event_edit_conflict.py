"""Two people editing the same event: the second save of an out-of-date form is refused, says
what changed, keeps what was typed, and can then be saved on purpose."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import formats, timezone

from core.concurrency import VERSION_FIELD, EditConflict
from events import services
from events.enums import AgendaItemKind, EventState
from events.forms import AgendaFormSet, EventForm, agenda_changes
from events.models import AgendaItem, Event
from tests.edit_conflicts import alert_text, changed_rows, conflict_box, version_in
from tests.factories import (
    agenda_form_data,
    edit_form_data,
    local_input,
    make_agenda_item,
    make_event,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(organiser):
    return make_event(title="Seminar", slug="seminar", capacity=30, organisers=(organiser,))


@pytest.fixture
def organiser_client(login, organiser):
    return login(organiser)


@pytest.fixture
def opened(organiser_client, seminar):
    """The version of the seminar as its organiser opened the edit page."""
    return version_in(organiser_client.get("/en/events/seminar/edit/"))


@pytest.fixture
def saved_by_coordinator(login, network_coordinator, seminar, opened):
    """After the organiser opened the page, a network coordinator saves a new title."""
    response = login(network_coordinator).post(
        "/en/events/seminar/edit/",
        edit_form_data(seminar, title="Seminar on squares", capacity="40") | agenda_form_data([]),
    )
    assert response.status_code == 302


def post_as_organiser(client, event, version, agenda=None, **fields):
    data = edit_form_data(event, **fields) | {VERSION_FIELD: version}
    return client.post("/en/events/seminar/edit/", data | (agenda or agenda_form_data([])))


def new_item(event) -> dict:
    return {
        "title": "Site visit",
        "kind": AgendaItemKind.SITE_VISIT,
        "starts_at": local_input(event.starts_at + datetime.timedelta(hours=1)),
        "ends_at": local_input(event.starts_at + datetime.timedelta(hours=2)),
    }


# --- Refused ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("saved_by_coordinator")
def test_event_edit_with_an_old_version_is_refused_and_writes_nothing_not_even_the_agenda(
    organiser_client, seminar, opened
):
    sequence = Event.objects.get(pk=seminar.pk).sequence

    response = post_as_organiser(
        organiser_client,
        seminar,
        opened,
        agenda=agenda_form_data([new_item(seminar)]),
        title="Seminar, the organiser's title",
    )

    stored = Event.objects.get(pk=seminar.pk)
    assert response.status_code == 409
    assert (stored.title, stored.capacity, stored.sequence) == ("Seminar on squares", 40, sequence)
    assert AgendaItem.objects.count() == 0


@pytest.mark.usefixtures("saved_by_coordinator")
def test_event_edit_refused_says_so_lists_what_changed_and_keeps_what_was_typed(
    organiser_client, seminar, opened
):
    response = post_as_organiser(
        organiser_client,
        seminar,
        opened,
        agenda=agenda_form_data([new_item(seminar)]),
        title="Seminar, the organiser's title",
    )

    html = response.content.decode()
    assert alert_text(response) == (
        "This event was changed by someone else since you opened it. Your changes are not "
        "saved yet: what you typed is still in the form below."
    )
    assert changed_rows(response) == [("Title", ["Seminar on squares"]), ("Capacity", ["40"])]
    assert "what you typed below replaces their changes" in conflict_box(response)
    assert 'name="title" value="Seminar, the organiser&#x27;s title"' in html
    assert 'name="agenda-0-title" value="Site visit"' in html
    assert '<button type="submit">Save anyway</button>' in html
    assert "please correct the errors below" not in html


@pytest.mark.usefixtures("saved_by_coordinator")
def test_event_edit_refused_then_saved_with_the_version_given_back_overwrites(
    organiser_client, seminar, opened
):
    refused = post_as_organiser(
        organiser_client, seminar, opened, title="Seminar, the organiser's title"
    )

    response = post_as_organiser(
        organiser_client, seminar, version_in(refused), title="Seminar, the organiser's title"
    )

    stored = Event.objects.get(pk=seminar.pk)
    assert response.status_code == 302
    assert (stored.title, stored.capacity) == ("Seminar, the organiser's title", 30)


def test_event_edit_refused_after_it_was_cancelled_lists_its_state(
    login, network_coordinator, organiser_client, seminar, opened
):
    login(network_coordinator).post("/en/events/seminar/cancel/")

    response = post_as_organiser(organiser_client, seminar, opened, title="Renamed")

    assert response.status_code == 409
    assert changed_rows(response) == [("State", ["Cancelled"])]
    assert Event.objects.get(pk=seminar.pk).state == EventState.CANCELLED


def test_event_edit_refused_after_an_agenda_change_lists_the_agenda(
    organiser_client, seminar, opened
):
    make_agenda_item(event=seminar, title="Welcome")
    Event.objects.get(pk=seminar.pk).save()  # as the edit page saves the event with its agenda

    response = post_as_organiser(organiser_client, seminar, opened, title="Renamed")

    starts = formats.localize(timezone.localtime(seminar.starts_at))
    assert changed_rows(response) == [("Agenda", [f"{starts}: Welcome"])]


# --- Saved as before -------------------------------------------------------------------------


def test_event_edit_with_the_version_of_the_page_saves(organiser_client, seminar, opened):
    response = post_as_organiser(organiser_client, seminar, opened, title="Renamed")

    assert response.status_code == 302
    assert Event.objects.get(pk=seminar.pk).title == "Renamed"


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_event_edit_without_a_valid_version_gets_a_form_error(organiser_client, seminar, token):
    data = edit_form_data(seminar, title="Renamed") | agenda_form_data([])
    data[VERSION_FIELD] = token
    if token is None:
        del data[VERSION_FIELD]

    response = organiser_client.post("/en/events/seminar/edit/", data)

    assert response.status_code == 200
    assert (
        "The portal cannot tell which version you started from: the page was incomplete or too "
        "old. Someone else may have changed it since. Check your changes below, then save again."
    ) in response.content.decode().replace("\n", " ")
    assert Event.objects.get(pk=seminar.pk).title == "Seminar"


# --- At the same moment ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_event_save_of_one_version_at_the_same_moment_passes_once(organiser):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; CI runs this test on PostgreSQL")
    event = make_event(title="Shared seminar", organisers=(organiser,))
    people = 6
    saves = []
    for number in range(people):
        instance = Event.objects.get(pk=event.pk)
        data = edit_form_data(instance, title=f"Title {number}") | agenda_form_data([])
        form = EventForm(data, instance=instance)
        agenda = AgendaFormSet(data, instance=instance, prefix="agenda")
        assert form.is_valid() and agenda.is_valid(), form.errors
        saves.append((form, agenda))
    barrier = threading.Barrier(people)
    outcomes: list[str] = []

    def save(form, agenda):
        try:
            barrier.wait(timeout=30)
            services.event_save(
                event=form.instance,
                user=organiser,
                themes=form.cleaned_data["themes"],
                cities=form.cleaned_data["cities"],
                organisers=form.cleaned_data["organisers"],
                agenda=agenda_changes(agenda),
                version=form.opened_version,
            )
            outcomes.append("saved")
        except EditConflict:
            outcomes.append("refused")
        except BaseException as error:  # reported by the assertion below
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=pair) for pair in saves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["refused"] * (people - 1) + ["saved"]
    assert Event.objects.get(pk=event.pk).sequence == 1
