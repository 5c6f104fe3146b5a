"""The map's GeoJSON: clusters while there are many locations in view, single locations when few.

Clusters come from tiles about 64 screen pixels wide (two zoom levels finer than the map), merged into
parent tiles until at most MAX_CLUSTERS remain; their counts add up to every matching location in the box.
Clusters whose icons would overlap on screen merge (counts still add up).
From zoom 10 on, single locations are sent when there are few enough to draw and name each one; those whose pins
would overlap on screen join into a small cluster, so every target stays at least 24 px clear (WCAG 2.5.8) —
except at the deepest zoom, where nothing could pull them apart. Either way the answer stays small (at most
~50 KB) however large the registry is.
"""

import json
import math

from providers_map.mapconfig import MAX_ZOOM

from .backends import run
from .geotiles import Cell, coarsen, merge_close, precision_for_zoom, tile_of

MAX_CLUSTERS = 250
MAX_CELLS = 4096  # cells asked from the backend before merging
SINGLES_LIMIT = 150  # single locations from SINGLES_MIN_ZOOM on, when no more than this many are in view
SINGLES_MIN_ZOOM = 10
NAME_LIMIT = 90
MIN_CLUSTER_DISTANCE_PX = 56  # cluster icons are up to 56 px wide: closer centres merge so none overlaps
PIN_SPACING_PX = 36  # pins are 24 px, small clusters 34 px: closer centres would overlap


def cells_spanned(bbox, precision):
    width = (bbox.max_lon - bbox.min_lon) % 360 or 360
    across = math.ceil(width / 360 * 2**precision) + 1
    _x, top = tile_of(bbox.max_lat, 0, precision)
    _x, bottom = tile_of(bbox.min_lat, 0, precision)
    return across * (bottom - top + 1)


def choose_precision(bbox, zoom):
    precision = precision_for_zoom(zoom)
    while precision > 0 and cells_spanned(bbox, precision) > MAX_CELLS:
        precision -= 1
    return precision


def _map(backend, query, zoom):
    cells = backend.map_cells(query, choose_precision(query.bbox, zoom))
    total = sum(cell.count for cell in cells)
    if zoom >= SINGLES_MIN_ZOOM and total <= SINGLES_LIMIT:
        return total, None, backend.map_points(query, SINGLES_LIMIT)
    return total, merge_close(coarsen(cells, MAX_CLUSTERS), zoom, MIN_CLUSTER_DISTANCE_PX), None


def _cluster_feature(cell):
    lat, lon = cell.centroid
    return {
        "type": "Feature",
        "id": f"c{cell.key}",
        "bbox": [round(cell.min_lon, 4), round(cell.min_lat, 4), round(cell.max_lon, 4), round(cell.max_lat, 4)],
        "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
        "properties": {"cluster": True, "count": cell.count},
    }


def _location_feature(point):
    name = point["name"] if len(point["name"]) <= NAME_LIMIT else point["name"][: NAME_LIMIT - 1] + "…"
    properties = {"name": name, "url": f"/providers/{point['slug']}/"}
    if point["branch"]:
        properties["branch"] = point["branch"][:NAME_LIMIT]
    return {
        "type": "Feature",
        "id": point["id"],
        "geometry": {"type": "Point", "coordinates": [round(point["lon"], 5), round(point["lat"], 5)]},
        "properties": properties,
    }


def _separate(points, zoom):
    """(single locations, clusters of the locations whose pins would overlap at `zoom`)."""
    if zoom >= MAX_ZOOM:
        return points, []
    cells = [
        Cell(zoom, index, 0, 1, p["lat"], p["lon"], p["lat"], p["lon"], p["lat"], p["lon"])
        for index, p in enumerate(points)
    ]
    merged = merge_close(cells, zoom, PIN_SPACING_PX)
    return [points[cell.x] for cell in merged if cell.count == 1], [cell for cell in merged if cell.count > 1]


def map_collection(query, zoom):
    """(GeoJSON FeatureCollection as a dict, backend name) for the box in `query.bbox` at `zoom`."""
    (total, cells, points), backend = run(_map, query, zoom)
    if cells is not None:
        features = [_cluster_feature(cell) for cell in sorted(cells, key=lambda c: (-c.count, c.key))]
    else:
        singles, groups = _separate(points, zoom)
        features = [_cluster_feature(cell) for cell in groups] + [_location_feature(point) for point in singles]
    collection = {
        "type": "FeatureCollection",
        "total": total,
        "clustered": cells is not None,
        "backend": backend,
        "features": features,
    }
    return collection, backend


def dumps(collection):
    """Compact UTF-8 JSON (Cyrillic names as letters, not \\u escapes: half the size)."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
