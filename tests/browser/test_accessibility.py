"""axe-core (WCAG 2.2 AA tags) finds no violation on any registered page, in every language."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import PAGES, page_urls, resolve

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test-browser does).")
    return AXE.read_text()


def _violations(page, axe_source):
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


@pytest.mark.parametrize(("name", "language", "path", "who"), page_urls())
def test_page_has_no_axe_violation(
    name, language, path, who, people, live_server, context, axe_source
):
    if people[who] is not None:
        sign_in(context, live_server, people[who])
    page = context.new_page()
    path = resolve(path, people)
    response = page.goto(live_server.url + path)
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200), path
    assert page.get_attribute("html", "lang") == language
    violations = _violations(page, axe_source)
    assert violations == [], f"{path} as {who}:\n{json.dumps(violations, indent=2)}"


@pytest.mark.parametrize(("name", "path", "who"), PAGES)
def test_page_has_no_axe_violation_in_the_dark_theme(
    name, path, who, people, live_server, browser, axe_source
):
    """The same in the dark theme (the reader's system asks for it), in English: the theme only
    changes colours, and contrast does not depend on the language."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", color_scheme="dark"
    )
    try:
        if people[who] is not None:
            sign_in(context, live_server, people[who])
        page = context.new_page()
        path = resolve(f"/en{path}", people)
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == (404 if name == "not-found" else 200), path
        # The dark theme is the one in use.
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(20, 24, 29)"
        violations = _violations(page, axe_source)
        assert violations == [], f"{path} as {who} (dark):\n{json.dumps(violations, indent=2)}"
    finally:
        context.close()


# What draws a box with its background alone (badges, goals, notices) as well as the controls.
BOXES = """
<span class="count-badge">3</span>
<span class="sdg sdg-11"><span class="sdg-number">11</span> Sustainable cities</span>
<p class="message">Saved.</p><p class="notice">Draft.</p><div class="form-errors">Errors</div>
<button type="button">Send</button><a class="button" href="#">Go</a>
<input type="text" aria-label="Name"><select aria-label="City"><option>Umeå</option></select>
"""


def test_every_control_and_box_keeps_a_border_in_forced_colours(live_server, browser):
    """In forced-colours mode (Windows high contrast) backgrounds are gone: whatever our CSS
    draws as a box must keep a border of its own on every side."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/en/accessibility/")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        borders = page.evaluate(
            """html => {
                const box = document.createElement('div');
                box.innerHTML = html;
                document.querySelector('main').append(box);
                return [...box.children].map(e => [e.className || e.tagName,
                    ['Top', 'Right', 'Bottom', 'Left'].map(
                        side => getComputedStyle(e)['border' + side + 'Width'])]);
            }""",
            BOXES,
        )
        assert [name for name, widths in borders if "0px" in widths] == []
    finally:
        context.close()
