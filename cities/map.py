"""Places cities on the static map drawn by tools/make_map.mjs (same projection)."""

import math
from dataclasses import dataclass

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX, SCALE = -5.5, 25.0, 41.0, 69.5, 20
COS = math.cos(math.radians(55))
WIDTH = round((LON_MAX - LON_MIN) * COS * SCALE)
HEIGHT = round((LAT_MAX - LAT_MIN) * SCALE)


@dataclass(frozen=True)
class MapPoint:
    city: object
    x: float
    y: float
    label_left: bool


def project(latitude: float, longitude: float) -> tuple[float, float]:
    return (
        round((float(longitude) - LON_MIN) * COS * SCALE, 1),
        round((LAT_MAX - float(latitude)) * SCALE, 1),
    )


def map_points(cities) -> list[MapPoint]:
    points = []
    for city in cities:
        x, y = project(city.latitude, city.longitude)
        points.append(MapPoint(city=city, x=x, y=y, label_left=x > WIDTH * 0.6))
    return points
