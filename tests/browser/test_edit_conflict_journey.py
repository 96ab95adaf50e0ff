"""Two Saint-Brieuc people edit the same project at once: the second save is refused, the page
says so to screen readers and sighted readers alike, lists what changed, keeps what was typed,
passes axe-core, and "Save anyway" then saves."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from projects.models import Project

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


def test_second_save_is_refused_then_saved_on_purpose(people, live_server, browser, axe_source):
    edit = f"{live_server.url}/en/projects/place-de-la-grille/edit/"
    first = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    second = browser.new_context(locale="en-GB")
    sign_in(first, live_server, people["member"])
    sign_in(second, live_server, people["city_coordinator"])
    mine, theirs = first.new_page(), second.new_page()
    mine.goto(edit)
    theirs.goto(edit)

    theirs.get_by_label("Summary:").fill("The coordinator's summary, saved first.")
    theirs.get_by_role("button", name="Save the project").click()
    expect(theirs.get_by_role("heading", level=1)).to_be_visible()
    mine.get_by_label("Summary:").fill("My summary, typed meanwhile.")
    mine.get_by_role("button", name="Save the project").click()

    alert = mine.get_by_role("alert")
    expect(alert).to_contain_text("changed by someone else since you opened it")
    expect(mine.get_by_role("heading", name="What the other person changed")).to_be_visible()
    expect(mine.get_by_role("cell", name="The coordinator's summary, saved first.")).to_be_visible()
    expect(mine.get_by_label("Summary:")).to_have_value("My summary, typed meanwhile.")
    # Only what the other person changed: not the texts the browser sent back with CRLF.
    expect(mine.locator(".edit-conflict tbody tr")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    mine.screenshot(path=str(ARTIFACTS / "edit-conflict-390.png"), full_page=True)
    assert mine.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(mine, axe_source) == []
    assert Project.objects.get().summary == "The coordinator's summary, saved first."

    mine.get_by_role("button", name="Save anyway").click()

    expect(mine.get_by_role("heading", level=1)).to_be_visible()
    assert Project.objects.get().summary == "My summary, typed meanwhile."
    first.close()
    second.close()
