"""Every registered page, looked at: a full-page screenshot at 390 and 1366 pixels in the light
and the dark theme, kept under test-artifacts/screenshots/ (``SCREENSHOT_DIR`` moves them) to be
opened and looked at. Each fails on what a reader would see wrong there: a page wider than the
screen, city names on a map overlapping, a phone header taller than 120 pixels, or an axe-core
violation in that theme.

In English; the 320-pixel test (test_reflow_and_header.py) measures the three languages and
test_accessibility.py runs axe on every language in the light theme and on French and Swedish
in the dark one."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import PAGES

from .conftest import DARK_BACKGROUND, axe_violations, visit
from .test_map_labels import MEASURE, collisions
from .test_reflow_and_header import WIDER_THAN_THE_SCREEN

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = Path(
    os.environ.get("SCREENSHOT_DIR", Path(settings.BASE_DIR) / "test-artifacts" / "screenshots")
)
WIDTHS = {390: 844, 1366: 768}  # a phone, and the laptop most of the cities' staff use
PHONE = 390


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize(("name", "path", "who"), PAGES)
def test_page_looks_right(
    name, path, who, width, theme, people, live_server, new_context, axe_source
):
    context = new_context(viewport={"width": width, "height": WIDTHS[width]}, color_scheme=theme)
    page, path = visit(context, live_server, people, name=name, path=f"/en{path}", who=who)
    page.wait_for_load_state("load")  # the lazy pictures above the fold, the map's background
    shot = SCREENSHOTS / f"{theme}-{width}" / f"{name}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shot, full_page=True)
    where = f"{path} as {who} at {width} px, {theme} ({shot})"

    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == DARK_BACKGROUND) == (theme == "dark"), where

    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"{where} scrolls sideways: {page.evaluate(WIDER_THAN_THE_SCREEN)}"
    )

    for city_map in page.locator("figure.city-map").all():
        assert collisions(city_map.evaluate(MEASURE)) == [], f"{where}: map names overlap"

    if width == PHONE:
        header = page.locator(".site-header").bounding_box()
        main = page.locator("main").bounding_box()
        assert header["height"] <= 120, f"{where}: the header is {header['height']} px tall"
        assert main["y"] <= 120, f"{where}: the page starts {main['y']} px down"

    violations = axe_violations(page, axe_source)
    assert violations == [], f"{where}:\n{json.dumps(violations, indent=2)}"
