"""What a finder search asks for, independent of where it runs (Elasticsearch or the database).

The page, the list API and the map API all turn their parameters into one `FinderQuery` (see params.py)
and hand it to a backend (backends.py). Filter semantics, shared by both backends:

- service type, age, concern and language must hold for the SAME service of the organisation;
- a concern matches services that name it, and services that name no concern (they accept any child); the
  first kind ranks first and the second is labelled in the results;
- language «русский» also matches services that list no language (the registry's convention);
- home visits / remote: the branch lists that way of working, or the organisation offers that service type;
- free: services free of charge, or partly free (cost «free» or «mixed»);
- open now: in the branch's own time zone (its federal subject's), from its weekly hours;
- permanently closed organisations are left out; temporarily closed ones stay, labelled.
"""

import math
from dataclasses import dataclass, field, fields, replace

from core.geo import EARTH_RADIUS_KM

# Filters that must hold for the same service of the organisation.
SERVICE_LEVEL = ("service", "age", "concern", "language")


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float

    def as_text(self):
        return f"{self.lat:.5f},{self.lon:.5f}"


@dataclass(frozen=True)
class BBox:
    """minLon, minLat, maxLon, maxLat; minLon > maxLon means the box crosses the antimeridian (Chukotka)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @property
    def crosses_antimeridian(self):
        return self.min_lon > self.max_lon

    def contains(self, lat, lon):
        if not self.min_lat <= lat <= self.max_lat:
            return False
        if self.crosses_antimeridian:
            return lon >= self.min_lon or lon <= self.max_lon
        return self.min_lon <= lon <= self.max_lon

    def as_text(self):
        return ",".join(f"{value:.5f}".rstrip("0").rstrip(".") for value in self.as_tuple())

    def as_tuple(self):
        return (self.min_lon, self.min_lat, self.max_lon, self.max_lat)


@dataclass(frozen=True)
class FinderQuery:
    service: str = ""  # ServiceType slug
    concern: str = ""  # DevelopmentalConcern slug
    language: str = ""  # Language slug
    age: object = None  # age.AgeRange
    ownership: str = ""
    region: str = ""  # Region code
    free: bool = False
    home: bool = False
    remote: bool = False
    open_now: bool = False
    step_free: bool = False
    text: str = ""
    origin: Point | None = None  # distances are measured from here
    radius_km: float | None = None
    bbox: BBox | None = None
    now: object = field(default=None, compare=False)  # aware datetime for "open now"

    def without(self, *names):
        blank = FinderQuery()
        return replace(self, **{name: getattr(blank, name) for name in names})

    def with_(self, **values):
        return replace(self, **values)

    @property
    def service_filtered(self):
        return any(getattr(self, name) not in ("", None) for name in SERVICE_LEVEL)

    def active_filters(self):
        """Names of the filters in use (the place, the box and the clock are not filters)."""
        skip = {"origin", "bbox", "now"}
        blank = FinderQuery()
        return [f.name for f in fields(self) if f.name not in skip and getattr(self, f.name) != getattr(blank, f.name)]


def radius_box(origin, radius_km):
    """A bounding box that holds the circle (a cheap pre-filter before the exact distance)."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(origin.lat)), 0.01)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)))
    min_lat, max_lat = max(-90.0, origin.lat - dlat), min(90.0, origin.lat + dlat)
    if dlon >= 180:
        return BBox(-180.0, min_lat, 180.0, max_lat)
    min_lon, max_lon = origin.lon - dlon, origin.lon + dlon
    if min_lon < -180:
        min_lon += 360
    if max_lon > 180:
        max_lon -= 360
    return BBox(min_lon, min_lat, max_lon, max_lat)
