"""The static map of member cities (cities/map.py, same projection as tools/make_map.mjs)."""

from decimal import Decimal

import pytest
from django.utils import translation

from cities import map as city_map
from cities.enums import Country
from cities.models import City

pytestmark = pytest.mark.django_db


def test_project_puts_the_map_corners_at_the_svg_corners():
    assert city_map.project(city_map.LAT_MAX, city_map.LON_MIN) == (0, 0)
    x, y = city_map.project(city_map.LAT_MIN, city_map.LON_MAX)
    assert x == pytest.approx(city_map.WIDTH, abs=0.5)
    assert y == pytest.approx(city_map.HEIGHT, abs=0.5)


def test_map_points_place_every_member_city_inside_the_map():
    points = city_map.map_points(City.objects.all())

    assert len(points) == 10
    for point in points:
        assert 0 <= point.x <= city_map.WIDTH, point.city.slug
        assert 0 <= point.y <= city_map.HEIGHT, point.city.slug


def test_map_points_put_saint_brieuc_west_of_paris_and_umea_north_of_malmo():
    points = {point.city.slug: point for point in city_map.map_points(City.objects.all())}

    assert points["saint-brieuc"].x < points["paris"].x
    assert points["umea"].y < points["malmo"].y


def _collisions(points):
    """Pairs whose name boxes meet, and names that cover another city's dot."""
    found = []
    for point in points:
        for other in points:
            if other is point:
                continue
            if point.box.intersects(other.box) and point.city.pk < other.city.pk:
                found.append((point.name, other.name))
            if point.box.intersects(city_map.dot_box(other.x, other.y)):
                found.append((point.name, f"dot of {other.name}"))
    return found


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_map_labels_meet_neither_another_label_nor_a_dot(language):
    with translation.override(language):
        points = city_map.map_points(City.objects.all())

    assert _collisions(points) == []
    for point in points:
        assert point.box.inside(city_map.WIDTH, city_map.HEIGHT), point.name


@pytest.mark.parametrize("language", ["en", "fr", "sv"])
def test_map_labels_stay_apart_with_a_new_city_beside_la_rochelle(language):
    City.objects.create(
        slug="rochefort",
        name="Rochefort",
        local_name="Rochefort",
        country=Country.FRANCE,
        member_body="Communauté d'agglomération Rochefort Océan",
        latitude=Decimal("45.94"),
        longitude=Decimal("-0.96"),
    )
    with translation.override(language):
        points = city_map.map_points(City.objects.all())

    assert len(points) == 11
    assert _collisions(points) == []


def test_map_labels_of_gothenburg_and_boras_go_different_ways():
    points = {point.city.slug: point for point in city_map.map_points(City.objects.all())}

    assert points["gothenburg"].label != points["boras"].label
    assert not points["gothenburg"].box.intersects(points["boras"].box)


def test_map_labels_are_estimated_wide_enough_for_the_longest_name():
    # A long name keeps its box: the estimate grows with the text.
    short = city_map.label_box(100, 100, "Umeå", 8, 4, "start")
    long = city_map.label_box(100, 100, "Saint-Brieuc Armor", 8, 4, "start")

    assert long.right - long.left > 2 * (short.right - short.left)
