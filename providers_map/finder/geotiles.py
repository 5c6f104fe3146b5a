"""Map clusters on Web-Mercator tiles, as Elasticsearch's `geotile_grid` makes them.

Both backends return `Cell`s (tile, count, sums for the centroid, bounds of the points) at a fine precision;
`coarsen` merges them into parent tiles until there are few enough to send, which is exact: a parent tile's
count is the sum of its children's, so the counts on the map always add up to the matching locations.
"""

import math
from dataclasses import dataclass

MAX_PRECISION = 29  # Elasticsearch's limit for geotile_grid


@dataclass
class Cell:
    precision: int
    x: int
    y: int
    count: int
    lat_sum: float  # centroid = sums / count
    lon_sum: float
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float

    @property
    def key(self):
        return f"{self.precision}/{self.x}/{self.y}"

    @property
    def centroid(self):
        return (self.lat_sum / self.count, self.lon_sum / self.count)


def precision_for_zoom(zoom):
    """Cells of about 64 screen pixels: two levels finer than the map's own 256-pixel tiles."""
    return max(0, min(MAX_PRECISION, int(zoom) + 2))


def tile_of(lat, lon, precision):
    """(x, y) of the tile holding the point, the same formula Elasticsearch uses."""
    scale = 2**precision
    lat = max(-85.05112878, min(85.05112878, lat))
    x = int(math.floor((lon + 180.0) / 360.0 * scale))
    rad = math.radians(lat)
    y = int(math.floor((1.0 - math.log(math.tan(rad) + 1.0 / math.cos(rad)) / math.pi) / 2.0 * scale))
    return min(max(x, 0), scale - 1), min(max(y, 0), scale - 1)


def merge(cells, precision):
    """Cells re-grouped into tiles of a coarser `precision`."""
    merged = {}
    for cell in cells:
        shift = cell.precision - precision
        key = (cell.x >> shift, cell.y >> shift)
        target = merged.get(key)
        if target is None:
            merged[key] = Cell(precision, key[0], key[1], cell.count, cell.lat_sum, cell.lon_sum, cell.min_lat,
                               cell.min_lon, cell.max_lat, cell.max_lon)  # fmt: skip
            continue
        target.count += cell.count
        target.lat_sum += cell.lat_sum
        target.lon_sum += cell.lon_sum
        target.min_lat, target.max_lat = min(target.min_lat, cell.min_lat), max(target.max_lat, cell.max_lat)
        target.min_lon, target.max_lon = min(target.min_lon, cell.min_lon), max(target.max_lon, cell.max_lon)
    return list(merged.values())


def coarsen(cells, limit):
    """Merge into parent tiles until at most `limit` cells remain."""
    cells = list(cells)
    while len(cells) > limit and cells and cells[0].precision > 0:
        cells = merge(cells, cells[0].precision - 1)
    return cells


def _pixels(lat, lon, zoom):
    scale = 256 * 2**zoom
    lat = max(-85.05112878, min(85.05112878, lat))
    rad = math.radians(lat)
    return (lon + 180.0) / 360.0 * scale, (1.0 - math.log(math.tan(rad) + 1.0 / math.cos(rad)) / math.pi) / 2.0 * scale


def _absorb(target, cell):
    target.count += cell.count
    target.lat_sum += cell.lat_sum
    target.lon_sum += cell.lon_sum
    target.min_lat, target.max_lat = min(target.min_lat, cell.min_lat), max(target.max_lat, cell.max_lat)
    target.min_lon, target.max_lon = min(target.min_lon, cell.min_lon), max(target.max_lon, cell.max_lon)


def merge_close(cells, zoom, min_pixels):
    """Clusters whose centres would overlap on screen at `zoom` become one (biggest first); counts add up."""
    kept = []
    for cell in sorted(cells, key=lambda c: (-c.count, c.key)):
        x, y = _pixels(*cell.centroid, zoom)
        for other in kept:
            ox, oy = _pixels(*other.centroid, zoom)
            if (x - ox) ** 2 + (y - oy) ** 2 < min_pixels**2:
                _absorb(other, cell)
                break
        else:
            kept.append(Cell(**vars(cell)))
    return kept
