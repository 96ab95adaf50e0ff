"""A coordinator builds and publishes a two-day seminar; two members race for the last seat;
a cancellation promotes the one waiting; the calendar file downloads and parses."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from cities.enums import MembershipRole
from events.enums import RegistrationState
from events.models import Event, Registration

from .conftest import approve, make_person, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Seminar on public spaces"


def _local(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_build_publish_register_wait_promote_and_download(people, live_server, browser, tmp_path):
    first_day = (timezone.localtime() + datetime.timedelta(days=40)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    second_day = first_day + datetime.timedelta(days=1)

    coordinator = browser.new_context(locale="en-GB", accept_downloads=True)
    sign_in(coordinator, live_server, people["network_coordinator"])
    page = coordinator.new_page()
    page.goto(f"{live_server.url}/en/events/new/")
    the_event = page.get_by_role("group", name="The event")
    the_event.get_by_label("Kind:").select_option("seminar")
    the_event.get_by_label("Title:").fill(TITLE)
    the_event.get_by_label("Starts at:").fill(_local(first_day))
    the_event.get_by_label("Ends at:").fill(_local(second_day.replace(hour=16)))
    the_event.get_by_label("Host city:").select_option(label="Saint-Brieuc")
    the_event.get_by_label("Venue address:").fill("Centre des congrès, Saint-Brieuc")
    page.get_by_label("Capacity:").fill("2")
    agenda = [
        (first_day, 60, "talk", "Welcome"),
        (first_day + datetime.timedelta(hours=2), 90, "site_visit", "Visit of the square"),
        (second_day, 60, "workshop", "Joint EU application"),
    ]
    for index, (start, minutes, kind, title) in enumerate(agenda):
        page.locator(f"#id_agenda-{index}-starts_at").fill(_local(start))
        page.locator(f"#id_agenda-{index}-ends_at").fill(
            _local(start + datetime.timedelta(minutes=minutes))
        )
        page.locator(f"#id_agenda-{index}-kind").select_option(kind)
        page.locator(f"#id_agenda-{index}-title").fill(title)
    page.get_by_role("button", name="Save the event").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Draft: only coordinators")).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("The event is published.")
    event = Event.objects.get(title=TITLE)
    assert event.state == "published"
    assert event.agenda.count() == 3
    agenda_days = page.locator(".agenda h3")
    expect(agenda_days).to_have_count(2)

    # The organiser takes one seat out of two: one seat is left for two members.
    Registration.objects.create(event=event, user=people["network_coordinator"], state="confirmed")
    other = make_person("lars@example.org", "Lars Umeå")
    approve(other, "umea", MembershipRole.PLANNER)

    first = browser.new_context(locale="en-GB")
    sign_in(first, live_server, people["member"])
    first_page = first.new_page()
    first_page.goto(f"{live_server.url}/en/events/{event.slug}/")
    expect(first_page.get_by_text("1 left")).to_be_visible()
    first_page.get_by_role("button", name="Register").click()
    expect(first_page.get_by_role("status")).to_contain_text("You have a seat.")

    second = browser.new_context(locale="en-GB")
    sign_in(second, live_server, other)
    second_page = second.new_page()
    second_page.goto(f"{live_server.url}/en/events/{event.slug}/")
    second_page.get_by_role("button", name="Join the waiting list").click()
    expect(second_page.get_by_role("status")).to_contain_text("you are on the waiting list")
    expect(second_page.get_by_text("in position 1")).to_be_visible()

    # The first cancels: the second is promoted and told by e-mail.
    mail.outbox.clear()
    first_page.get_by_role("button", name="Cancel my registration").click()
    expect(first_page.get_by_role("status")).to_contain_text("Your registration was cancelled.")
    promoted = Registration.objects.get(event=event, user=other)
    assert promoted.state == RegistrationState.CONFIRMED
    assert [message.to for message in mail.outbox] == [[other.email]]
    second_page.reload()
    expect(second_page.get_by_text("You have a seat.")).to_be_visible()

    # The calendar file downloads and parses.
    with second_page.expect_download() as download_info:
        second_page.get_by_role("link", name="Add to my calendar (.ics)").click()
    path = tmp_path / "event.ics"
    download_info.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == TITLE
    assert vevent["UID"] == event.uid
    assert vevent.decoded("DTSTART") == first_day
    assert "Visit of the square" in str(vevent["DESCRIPTION"])
    for context in (coordinator, first, second):
        context.close()
