"""Pages reflow at 320 CSS pixels (WCAG 1.4.10), and the header fits: a compact Menu button on a
phone, one row of navigation on a 1366-pixel screen, in every language."""

import pytest
from playwright.sync_api import expect

from tests.pages import LANGUAGES, PAGES, expected_status, page_urls, resolve

from .conftest import sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
SMALLEST = {"width": 320, "height": 640}
DESKTOP = {"width": 1366, "height": 768}
MENU = {"en": "Menu", "fr": "Menu", "sv": "Meny"}
PROJECTS = {"en": "Projects", "fr": "Projets", "sv": "Projekt"}
MAIN_MENU = {"en": "Main menu", "fr": "Menu principal", "sv": "Huvudmeny"}
SITE_SEARCH = {"en": "Site search", "fr": "Recherche sur le portail", "sv": "Sökning i portalen"}

# What sticks out past the right edge, to say where to look: the deepest boxes that do, and the
# boxes whose own text runs out of them (a long word).
WIDER_THAN_THE_SCREEN = """() => {
  const wide = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
  const spills = e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
    && getComputedStyle(e).overflowX === 'visible';
  const name = e => `${e.tagName.toLowerCase()}${e.classList.length ? '.' + e.classList[0] : ''}`;
  return [...document.querySelectorAll('body *')]
    .filter(e => (wide(e) && ![...e.children].some(wide)) || (spills(e)
      && ![...e.children].some(spills)))
    .slice(0, 5)
    .map(e => `${name(e)}: ${Math.round(e.getBoundingClientRect().right)}px, ` +
      `${e.scrollWidth}/${e.clientWidth} "${e.textContent.trim().slice(0, 40)}"`);
}"""
NAV_ITEM_TOPS = """() => [...new Set([...document.querySelectorAll('.main-nav li')]
  .map(li => Math.round(li.getBoundingClientRect().top)))]"""


def open_page(browser, live_server, people, who, viewport, *, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    if people[who] is not None:
        sign_in(context, live_server, people[who])
    return context, context.new_page()


@pytest.mark.parametrize(("name", "language", "path", "who"), page_urls())
def test_page_does_not_scroll_sideways_at_320_pixels(
    name, language, path, who, people, live_server, browser
):
    context, page = open_page(browser, live_server, people, who, SMALLEST)
    path = resolve(path, people)
    response = page.goto(live_server.url + path)
    assert response is not None
    assert response.status == expected_status(name), path

    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    wide = page.evaluate(WIDER_THAN_THE_SCREEN)
    context.close()
    assert scroll_width <= inner_width, f"{path} as {who} is {scroll_width}px wide: {wide}"


@pytest.mark.parametrize("who", ["anonymous", "member", "network_coordinator"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_header_on_a_phone_leaves_the_page_within_120_pixels(
    language, who, people, live_server, browser
):
    context, page = open_page(browser, live_server, people, who, PHONE)
    page.goto(f"{live_server.url}/{language}/projects/")

    header = page.locator(".site-header").bounding_box()
    main = page.locator("main").bounding_box()
    menu_link = page.get_by_role("navigation", name=MAIN_MENU[language]).get_by_role(
        "link", name=PROJECTS[language], exact=True
    )
    expect(page.get_by_text(MENU[language], exact=True)).to_be_visible()
    expect(menu_link).to_be_hidden()
    context.close()
    assert header["height"] <= 120
    assert main["y"] <= 120


@pytest.mark.parametrize("who", ["member", "network_coordinator"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_header_on_a_wide_screen_keeps_the_menu_on_one_row(
    language, who, people, live_server, browser
):
    context, page = open_page(browser, live_server, people, who, DESKTOP)
    page.goto(f"{live_server.url}/{language}/projects/")

    tops = page.evaluate(NAV_ITEM_TOPS)
    header = page.locator(".site-header").bounding_box()
    expect(page.get_by_text(MENU[language], exact=True)).to_be_hidden()
    expect(page.get_by_role("search", name=SITE_SEARCH[language])).to_be_visible()
    context.close()
    assert len(tops) == 1, f"the menu's items stand on {len(tops)} rows: {tops}"
    # Two bands: the brand, the languages and the search; then the menu.
    assert header["height"] <= 110


@pytest.mark.parametrize("javascript", [False, True], ids=["without-javascript", "with-javascript"])
def test_menu_button_opens_the_menu_on_a_phone(javascript, people, live_server, browser):
    context, page = open_page(browser, live_server, people, "member", PHONE, javascript=javascript)
    page.goto(f"{live_server.url}/fr/")
    menu = page.get_by_role("navigation", name="Menu principal")
    search = page.get_by_role("search", name="Recherche sur le portail")
    expect(menu.get_by_role("link", name="Projets", exact=True)).to_be_hidden()
    expect(search.get_by_role("searchbox")).to_be_hidden()

    page.get_by_text("Menu", exact=True).click()
    expect(search.get_by_role("searchbox")).to_be_visible()
    expect(menu.get_by_role("button", name="Se déconnecter")).to_be_visible()
    menu.get_by_role("link", name="Projets", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/fr/projects/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Projets")
    context.close()


def test_menu_search_is_reachable_on_a_phone_by_keyboard(people, live_server, browser):
    context, page = open_page(browser, live_server, people, "anonymous", PHONE)
    page.goto(f"{live_server.url}/en/")
    summary = page.locator(".site-menu > summary")
    summary.focus()
    page.keyboard.press("Enter")
    search = page.get_by_role("search", name="Site search").get_by_role("searchbox")
    search.fill("grille")
    search.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/en/search/?q=grille")
    page.locator(".site-menu > summary").click()
    page.keyboard.press("Escape")
    expect(page.get_by_role("search", name="Site search")).to_be_hidden()
    expect(page.locator(".site-menu > summary")).to_be_focused()
    context.close()


def test_menu_is_shown_on_a_wide_screen_without_javascript(people, live_server, browser):
    context, page = open_page(browser, live_server, people, "member", DESKTOP, javascript=False)
    page.goto(f"{live_server.url}/sv/")

    menu = page.get_by_role("navigation", name="Huvudmeny")
    expect(menu.get_by_role("link", name="Projekt", exact=True)).to_be_visible()
    expect(page.get_by_role("search", name="Sökning i portalen")).to_be_visible()
    menu.get_by_role("link", name="Projekt", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/sv/projects/")
    context.close()


@pytest.mark.parametrize(
    ("path", "filters"),
    [
        ("/en/projects/", "Filter projects"),
        ("/en/events/", "Filter events"),
        ("/en/questions/", "Filter questions"),
        ("/en/search/?q=grille", "Search projects, cities and themes"),
    ],
)
def test_list_page_names_its_own_search_and_skips_to_the_results(
    path, filters, people, live_server, page
):
    page.goto(live_server.url + path)

    expect(page.get_by_role("search")).to_have_count(2)
    expect(page.get_by_role("search", name="Site search")).to_have_count(1)
    expect(page.get_by_role("search", name=filters, exact=True)).to_have_count(1)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to results")
    expect(page.locator(":focus")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"


# WCAG 1.4.4: text at 200 % (the reader's browser setting, which scales the root font size) on
# a laptop-sized window; the event page's registration box used to run off the screen.
# Set through the CSSOM, which the page's CSP (no inline style) allows.
LARGE_TEXT = "document.documentElement.style.setProperty('font-size', '200%', 'important')"


@pytest.mark.parametrize(("name", "path", "who"), PAGES)
def test_page_does_not_scroll_sideways_with_text_at_200_percent(
    name, path, who, people, live_server, new_context
):
    context = new_context(viewport={"width": 1280, "height": 800})
    page, path = visit(context, live_server, people, name=name, path=f"/en{path}", who=who)
    page.evaluate(LARGE_TEXT)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"

    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    wide = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert scroll_width <= inner_width, f"{path} as {who} is {scroll_width}px wide: {wide}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_registration_box_stays_on_screen_with_text_at_200_percent(
    language, people, live_server, new_context
):
    context = new_context(viewport={"width": 1280, "height": 800})
    path = f"/{language}/events/test-seminar/"
    page, _path = visit(context, live_server, people, name="event", path=path, who="member")
    page.evaluate(LARGE_TEXT)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"

    box = page.locator("form[action$='/register/']").first.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 1280
