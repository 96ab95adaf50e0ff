"""The language switcher keeps the reader on the same page; the skip link works by keyboard."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_language_switch_stays_on_the_same_page(live_server, page):
    page.goto(f"{live_server.url}/en/cities/saint-brieuc/")
    assert page.get_attribute("html", "lang") == "en"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page).to_have_url(f"{live_server.url}/fr/cities/saint-brieuc/")
    assert page.get_attribute("html", "lang") == "fr"
    expect(page.get_by_role("heading", level=1)).to_have_text("Saint-Brieuc")

    page.get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(f"{live_server.url}/sv/cities/saint-brieuc/")
    assert page.get_attribute("html", "lang") == "sv"


def test_skip_link_is_first_and_moves_focus_to_main(live_server, page):
    page.goto(f"{live_server.url}/en/themes/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    expect(page.locator(":focus")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_root_redirects_by_browser_language(live_server, browser):
    context = browser.new_context(locale="sv-SE", extra_http_headers={"Accept-Language": "sv"})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/sv/")
    assert page.get_attribute("html", "lang") == "sv"
    context.close()
