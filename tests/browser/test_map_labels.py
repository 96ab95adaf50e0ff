"""The member-city map's names never overlap one another nor another city's dot, as the
browser draws them, in each portal language, with a new city placed beside La Rochelle."""

from decimal import Decimal

import pytest

from cities.enums import Country
from cities.models import City

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Each map's names and dots as drawn, in screen pixels.
MEASURE = """
(figure) => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  };
  return [...figure.querySelectorAll('.map-city')].map((link) => ({
    name: link.querySelector('text').textContent,
    label: box(link.querySelector('text')),
    dot: box(link.querySelector('circle')),
  }));
}
"""


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def collisions(cities: list[dict]) -> list[tuple[str, str]]:
    found = []
    for index, city in enumerate(cities):
        for other in cities[index + 1 :]:
            if overlaps(city["label"], other["label"]):
                found.append((city["name"], other["name"]))
        for other in cities:
            if other is not city and overlaps(city["label"], other["dot"]):
                found.append((city["name"], f"dot of {other['name']}"))
    return found


@pytest.fixture
def new_city_near_la_rochelle(live_server):
    return City.objects.create(
        slug="rochefort",
        name="Rochefort",
        local_name="Rochefort",
        country=Country.FRANCE,
        member_body="Communauté d'agglomération Rochefort Océan",
        region="Nouvelle-Aquitaine",
        latitude=Decimal("45.94"),
        longitude=Decimal("-0.96"),
    )


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
@pytest.mark.parametrize("path", ["/{language}/", "/{language}/cities/"], ids=["home", "cities"])
@pytest.mark.parametrize("width", [390, 1366])
def test_map_labels_never_overlap(
    language, path, width, live_server, browser, new_city_near_la_rochelle
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + path.format(language=language))
    page.wait_for_load_state("load")

    cities = page.locator("figure.city-map").first.evaluate(MEASURE)
    context.close()

    assert len(cities) == 11
    assert "Rochefort" in {city["name"] for city in cities}
    assert collisions(cities) == []
