"""The seminar programme prints on A4 without the portal's navigation and forms."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_event_page_prints_the_programme_only(people, live_server, page):
    page.goto(f"{live_server.url}/en/events/test-seminar/")
    page.emulate_media(media="print")

    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".registration-box")).to_be_hidden()
    expect(page.get_by_role("heading", name="Agenda")).to_be_visible()
    expect(page.get_by_text("Visite de la place")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
