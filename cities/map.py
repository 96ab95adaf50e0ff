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
    label: str  # where the name goes: "right", "left", "above" or "below" the dot


def project(latitude: float, longitude: float) -> tuple[float, float]:
    return (
        round((float(longitude) - LON_MIN) * COS * SCALE, 1),
        round((LAT_MAX - float(latitude)) * SCALE, 1),
    )


def _label_side(x: float, y: float, others: list[tuple[float, float]]) -> str:
    """Right of the dot, unless a neighbour's dot sits there (Gothenburg–Borås, Paris)."""

    def crowded(side: int) -> bool:
        return any(0 < (ox - x) * side < 80 and abs(oy - y) < 14 for ox, oy in others)

    if not crowded(1) and x < WIDTH * 0.75:
        return "right"
    if x > 90 and not crowded(-1):
        return "left"
    return "above" if crowded(-1) else "below"


def map_points(cities) -> list[MapPoint]:
    projected = [(city, *project(city.latitude, city.longitude)) for city in cities]
    positions = [(x, y) for _city, x, y in projected]
    return [
        MapPoint(city=city, x=x, y=y, label=_label_side(x, y, positions))
        for city, x, y in projected
    ]
