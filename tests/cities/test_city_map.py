"""The static map of member cities (cities/map.py, same projection as tools/make_map.mjs)."""

import pytest

from cities import map as city_map
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


def test_map_labels_never_run_into_a_neighbouring_dot():
    points = city_map.map_points(City.objects.all())

    for point in points:
        side = {"right": 1, "left": -1}.get(point.label)
        if side is None:
            continue
        for other in points:
            if other is point:
                continue
            in_the_way = 0 < (other.x - point.x) * side < 80 and abs(other.y - point.y) < 14
            assert not in_the_way, (point.city.slug, point.label, other.city.slug)


def test_map_labels_of_gothenburg_and_boras_go_different_ways():
    points = {point.city.slug: point for point in city_map.map_points(City.objects.all())}

    assert points["gothenburg"].label != points["boras"].label
    assert {points["gothenburg"].label, points["boras"].label} <= {
        "right",
        "left",
        "above",
        "below",
    }
