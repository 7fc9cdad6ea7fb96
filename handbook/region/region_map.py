"""A map of the region drawn from the municipalities' coordinates: no tiles, no third-party request.

The base map (one dot per municipality) is one shared SVG file; each page draws
only its own markers on top, so a page carries a few hundred bytes of map.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from handbook.region.region_data import Municipality

WIDTH = 400  # SVG user units; the height follows the region's shape


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection of the region's bounding box, scaled to WIDTH."""

    west: float
    north: float
    scale: float  # SVG units per degree of latitude
    x_factor: float  # cos(mid latitude): degrees of longitude are shorter
    height: float

    @classmethod
    def fit(cls, municipalities: Iterable[Municipality], margin: float = 0.04) -> Projection:
        places = list(municipalities)
        west, east = min(m.lon for m in places) - margin, max(m.lon for m in places) + margin
        south, north = min(m.lat for m in places) - margin, max(m.lat for m in places) + margin
        x_factor = math.cos(math.radians((north + south) / 2))
        scale = WIDTH / ((east - west) * x_factor)
        return cls(west, north, scale, x_factor, round((north - south) * scale, 1))

    def point(self, m: Municipality) -> tuple[float, float]:
        return round((m.lon - self.west) * self.x_factor * self.scale, 1), round((self.north - m.lat) * self.scale, 1)


def base_map_svg(municipalities: Sequence[Municipality], projection: Projection) -> str:
    """The shared background: every municipality as a small grey dot."""
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="2.2"/>' for x, y in map(projection.point, municipalities))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {projection.height}">'
        f'<rect width="100%" height="100%" fill="#f5f6fa"/><g fill="#9aa0b4">{dots}</g></svg>\n'
    )


def marker_svg(marked: Sequence[Municipality], projection: Projection, base_href: str, title: str) -> str:
    """Inline SVG: the shared base map with the given municipalities marked."""
    markers = "".join(
        f'<circle cx="{x}" cy="{y}" r="{6 if len(marked) == 1 else 3.5}"/>' for x, y in map(projection.point, marked)
    )
    return (
        f'<svg class="handbook-map" viewBox="0 0 {WIDTH} {projection.height}" role="img" aria-label="{title}">'
        f'<image href="{base_href}" width="{WIDTH}" height="{projection.height}"/>'
        f'<g fill="#c62828" stroke="#fff" stroke-width="1.5">{markers}</g></svg>'
    )
