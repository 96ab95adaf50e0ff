"""The deadlines as iCalendar: every deadline of open and upcoming calls and of those closed in
the last 30 days, one VEVENT each, with a UID that an edit keeps, DTSTART in UTC, and a summary
in the language of the address."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from funding.enums import Programme
from funding.services import call_save
from languages.services import save_translation
from tests.factories import make_user
from tests.factories.funding import brussels_time, in_days, make_call

pytestmark = pytest.mark.django_db

JUNE = brussels_time(datetime.date(2031, 6, 15), 17)
SEPTEMBER = brussels_time(datetime.date(2031, 9, 30), 12)


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.content.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))  # folded
    calendar = Calendar.from_ical(response.content)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//Alliance Portal//alliance-portal//EN",
    )
    return calendar


def events(response) -> list:
    return parse(response).walk("VEVENT")


@pytest.fixture
def call():
    return make_call(
        title="URBACT example call",
        programme=Programme.URBACT,
        identifier="URBACT-IV-2031-01",
        official_url="https://urbact.eu/calls/2031",
        deadlines=((JUNE, "Stage 1"), (SEPTEMBER, "")),
    )


def test_one_event_per_deadline_in_utc(anonymous_client, call):
    response = anonymous_client.get("/en/calls/deadlines.ics")

    found = events(response)
    assert [event.decoded("dtstart") for event in found] == [
        datetime.datetime(2031, 6, 15, 15, 0, tzinfo=datetime.UTC),
        datetime.datetime(2031, 9, 30, 10, 0, tzinfo=datetime.UTC),
    ]
    assert b"DTSTART:20310615T150000Z" in response.content
    assert [str(event["SUMMARY"]) for event in found] == [
        "Deadline: URBACT – URBACT example call (Stage 1)",
        "Deadline: URBACT – URBACT example call",
    ]
    first = found[0]
    assert str(first["URL"]) == "http://testserver/en/calls/urbact-example-call/"
    assert str(first["DESCRIPTION"]) == (
        "Call identifier: URBACT-IV-2031-01\nOfficial page: https://urbact.eu/calls/2031"
    )
    assert str(first["TRANSP"]) == "TRANSPARENT"
    assert response["Content-Disposition"] == ('attachment; filename="funding-call-deadlines.ics"')


def test_uids_are_unique_and_survive_an_edit(anonymous_client, call):
    before = [
        str(event["UID"]) for event in events(anonymous_client.get("/en/calls/deadlines.ics"))
    ]
    data = {
        name: getattr(call, name)
        for name in ("programme", "identifier", "title", "summary", "opens_on", "official_url")
    }
    later = SEPTEMBER + datetime.timedelta(days=14)
    call_save(call=call, data=data, deadlines=[(JUNE, "Stage one"), (later, "")], user=None)

    after = events(anonymous_client.get("/en/calls/deadlines.ics"))

    assert len(set(before)) == 2
    assert all(
        uid.startswith("call-deadline-") and uid.endswith("@alliance-portal") for uid in before
    )
    assert [str(event["UID"]) for event in after] == before
    assert after[1].decoded("dtstart") == later.astimezone(datetime.UTC)


@pytest.mark.parametrize("language", ["fr", "sv"])
def test_the_summary_is_in_the_language_of_the_address(anonymous_client, call, language):
    translated = {"fr": "Appel d’exemple URBACT", "sv": "URBACT-exempelutlysning"}[language]
    save_translation(obj=call, language=language, texts={"title": translated}, by=make_user())

    found = events(anonymous_client.get(f"/{language}/calls/deadlines.ics"))

    with translation.override(language):
        expected = gettext("Deadline: %(programme)s – %(title)s (%(label)s)") % {
            "programme": gettext("URBACT"),
            "title": translated,
            "label": "Stage 1",
        }
    assert str(found[0]["SUMMARY"]) == expected
    assert str(found[0]["URL"]) == f"http://testserver/{language}/calls/urbact-example-call/"


def test_the_feed_keeps_calls_closed_in_the_last_30_days(anonymous_client):
    make_call(title="Open", deadlines=(in_days(10),))
    make_call(title="Upcoming", opens_on=in_days(5).date(), deadlines=(in_days(40),))
    make_call(title="Closed last week", deadlines=(in_days(-7),))
    make_call(title="Closed long ago", deadlines=(in_days(-45), in_days(-40)))

    found = events(anonymous_client.get("/en/calls/deadlines.ics"))

    assert [str(event["SUMMARY"]).split(" – ")[1] for event in found] == [
        "Closed last week",
        "Open",
        "Upcoming",
    ]


def test_one_calls_file_has_all_its_deadlines(anonymous_client):
    make_call(title="Long closed", deadlines=((in_days(-90), "Stage 1"), (in_days(-60), "Stage 2")))

    response = anonymous_client.get("/en/calls/long-closed/deadlines.ics")

    assert [str(event["SUMMARY"]) for event in events(response)] == [
        "Deadline: URBACT – Long closed (Stage 1)",
        "Deadline: URBACT – Long closed (Stage 2)",
    ]
    assert response["Content-Disposition"] == 'attachment; filename="long-closed-deadlines.ics"'


def test_an_empty_feed_is_still_a_calendar(anonymous_client):
    assert events(anonymous_client.get("/en/calls/deadlines.ics")) == []


def test_the_feeds_take_get_only(anonymous_client, call):
    assert anonymous_client.post("/en/calls/deadlines.ics").status_code == 405
    assert anonymous_client.post("/en/calls/urbact-example-call/deadlines.ics").status_code == 405
