"""Places cities on the static map drawn by tools/make_map.mjs (same projection), and their
names where no two collide.

The names are placed here rather than in the browser: the page works without JavaScript and is
cached whole. Each name's box is estimated from its length (``LABEL_FONT_SIZE`` is the map's
CSS font size, ``CHAR_WIDTH`` a bold sans-serif letter's average width, in ems, rounded up);
the browser test ``tests/browser/test_map_labels.py`` measures the real boxes in three languages.
"""

import math
from dataclasses import dataclass

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX, SCALE = -5.5, 25.0, 41.0, 69.5, 20
COS = math.cos(math.radians(55))
WIDTH = round((LON_MAX - LON_MIN) * COS * SCALE)
HEIGHT = round((LAT_MAX - LAT_MIN) * SCALE)

DOT_RADIUS = 5
LABEL_FONT_SIZE = 13  # static/css/portal.css, .map-city text
CHAR_WIDTH = 0.66
LABEL_HEIGHT = 15  # ascender to descender of a 13px line
GAP = 3  # between a dot and its name
MARGIN = 2  # kept free around each name


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def intersects(self, other: "Box") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def overlap(self, other: "Box") -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0) * max(height, 0)

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class MapPoint:
    city: object
    x: float
    y: float
    label: str  # where the name goes: "right", "left", "above", "below" or a corner
    text_x: float  # the <text> element's x, y and text-anchor
    text_y: float
    anchor: str
    box: Box  # the name's estimated bounding box
    name: str = ""


# Where a name may go around its dot, in order of preference: (side, dx, dy, anchor) where dx
# and dy move the text's anchor point from the dot and dy is to the baseline.
_BASELINE = round(LABEL_FONT_SIZE * 0.35)
_OFFSET = DOT_RADIUS + GAP
CANDIDATES = (
    ("right", _OFFSET, _BASELINE, "start"),
    ("left", -_OFFSET, _BASELINE, "end"),
    ("above", 0, -_OFFSET - 1, "middle"),
    ("below", 0, _OFFSET + LABEL_FONT_SIZE - 1, "middle"),
    ("above-right", _OFFSET - 3, -_OFFSET + 2, "start"),
    ("below-right", _OFFSET - 3, _OFFSET + LABEL_FONT_SIZE - 3, "start"),
    ("above-left", -_OFFSET + 3, -_OFFSET + 2, "end"),
    ("below-left", -_OFFSET + 3, _OFFSET + LABEL_FONT_SIZE - 3, "end"),
)


def project(latitude: float, longitude: float) -> tuple[float, float]:
    return (
        round((float(longitude) - LON_MIN) * COS * SCALE, 1),
        round((LAT_MAX - float(latitude)) * SCALE, 1),
    )


def text_width(name: str) -> float:
    return len(name) * LABEL_FONT_SIZE * CHAR_WIDTH


def label_box(x: float, y: float, name: str, dx: float, dy: float, anchor: str) -> Box:
    width = text_width(name)
    left = {"start": x + dx, "end": x + dx - width, "middle": x + dx - width / 2}[anchor]
    baseline = y + dy
    top = baseline - LABEL_HEIGHT * 0.8
    return Box(left - MARGIN, top - MARGIN, left + width + MARGIN, top + LABEL_HEIGHT + MARGIN)


def dot_box(x: float, y: float) -> Box:
    r = DOT_RADIUS + 1
    return Box(x - r, y - r, x + r, y + r)


def place_labels(points: list[tuple[object, str, float, float]]) -> list[MapPoint]:
    """Each (city, name, x, y) with its name placed around its dot: the first position, in
    ``CANDIDATES`` order, whose box stays on the map and meets neither another name nor another
    dot; failing that, the one that overlaps least. Crowded dots choose first, so that the
    easy ones make way for them; the result does not depend on the order given."""
    dots = [dot_box(x, y) for _city, _name, x, y in points]

    def neighbours(index: int) -> int:
        _c, _n, x, y = points[index]
        return sum(1 for _o, _m, ox, oy in points if 0 < math.hypot(ox - x, oy - y) < 120)

    order = sorted(
        range(len(points)), key=lambda i: (-neighbours(i), points[i][2], points[i][3], points[i][1])
    )
    placed: dict[int, MapPoint] = {}
    for index in order:
        city, name, x, y = points[index]
        obstacles = [box for i, box in enumerate(dots) if i != index]
        obstacles += [point.box for point in placed.values()]
        best = None
        for side, dx, dy, anchor in CANDIDATES:
            box = label_box(x, y, name, dx, dy, anchor)
            cost = sum(box.overlap(other) for other in obstacles)
            if not box.inside(WIDTH, HEIGHT):
                cost += 10_000
            if best is None or cost < best[0]:
                best = (cost, side, dx, dy, anchor, box)
            if cost == 0:
                break
        _cost, side, dx, dy, anchor, box = best
        placed[index] = MapPoint(
            city=city,
            x=x,
            y=y,
            label=side,
            text_x=round(x + dx, 1),
            text_y=round(y + dy, 1),
            anchor=anchor,
            box=box,
            name=name,
        )
    return [placed[index] for index in range(len(points))]


def map_points(cities) -> list[MapPoint]:
    """The cities on the map, each name in the active language placed clear of the others."""
    return place_labels(
        [(city, city.display_name, *project(city.latitude, city.longitude)) for city in cities]
    )


def city_map(cities, *, title: str, map_id: str = "map", current=None, caption: str = "") -> dict:
    """What ``cities/includes/city_map.html`` draws: the cities with their names placed, the
    map's size, its title (for screen readers) and the city to mark as the page's own."""
    return {
        "id": map_id,
        "title": title,
        "caption": caption,
        "current": current,
        "points": map_points(cities),
        "width": WIDTH,
        "height": HEIGHT,
    }
