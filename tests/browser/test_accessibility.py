"""axe-core (WCAG 2.2 AA tags) finds no violation on any registered page, in every language."""

import json

import pytest

from tests.pages import PAGES, page_urls

from .conftest import DARK_BACKGROUND, axe_violations, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize(("name", "language", "path", "who"), page_urls())
def test_page_has_no_axe_violation(
    name, language, path, who, people, live_server, context, axe_source
):
    page, path = visit(context, live_server, people, name=name, path=path, who=who)
    assert page.get_attribute("html", "lang") == language
    violations = axe_violations(page, axe_source)
    assert violations == [], f"{path} as {who}:\n{json.dumps(violations, indent=2)}"


@pytest.mark.parametrize("language", ["fr", "sv"])
@pytest.mark.parametrize(("name", "path", "who"), PAGES)
def test_page_has_no_axe_violation_in_the_dark_theme(
    name, path, who, language, people, live_server, new_context, axe_source
):
    """The same in the dark theme (the reader's system asks for it), in French and Swedish,
    whose longer words wrap elsewhere; the screenshot suite checks English in both themes at
    390 and 1366 pixels (test_screenshots.py)."""
    context = new_context(color_scheme="dark")
    page, path = visit(context, live_server, people, name=name, path=f"/{language}{path}", who=who)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == DARK_BACKGROUND
    violations = axe_violations(page, axe_source)
    assert violations == [], f"{path} as {who} (dark):\n{json.dumps(violations, indent=2)}"


# What draws a box with its background alone (badges, goals, notices) as well as the controls.
BOXES = """
<span class="count-badge">3</span>
<span class="sdg sdg-11"><span class="sdg-number">11</span> Sustainable cities</span>
<p class="message">Saved.</p><p class="notice">Draft.</p><div class="form-errors">Errors</div>
<button type="button">Send</button><a class="button" href="#">Go</a>
<input type="text" aria-label="Name"><select aria-label="City"><option>Umeå</option></select>
"""


def test_every_control_and_box_keeps_a_border_in_forced_colours(live_server, new_context):
    """In forced-colours mode (Windows high contrast) backgrounds are gone: whatever our CSS
    draws as a box must keep a border of its own on every side."""
    context = new_context(forced_colors="active")
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
