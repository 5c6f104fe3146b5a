"""SQL pieces of the database fallback: distance, map tiles and "open now", on PostgreSQL and SQLite.

Distances come from core.geo (haversine with Django's math functions, which SQLite gets from Django too); map
tiles use the Web-Mercator tile formula of Elasticsearch's `geotile_grid`, so both backends cluster alike.
"Open now" reads the weekly hours stored as JSON, in each federal subject's local time.
"""

import datetime as dt

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Cos, Floor, Ln, Radians, Tan

from core.geo import distance_km_expression
from core.regions import FEDERAL_SUBJECTS
from providers_map import hours as hours_lib

MAX_MERCATOR_LAT = 85.05112878

LAT = Cast(F("latitude"), FloatField())
LON = Cast(F("longitude"), FloatField())


def distance_km(origin):
    """Great-circle distance from `origin` to the location, in km (NULL without coordinates)."""
    return distance_km_expression(origin.lat, origin.lon)


def bbox_q(bbox):
    q = Q(latitude__gte=bbox.min_lat, latitude__lte=bbox.max_lat)
    if bbox.crosses_antimeridian:
        return q & (Q(longitude__gte=bbox.min_lon) | Q(longitude__lte=bbox.max_lon))
    return q & Q(longitude__gte=bbox.min_lon, longitude__lte=bbox.max_lon)


def tile_x(precision):
    scale = float(2**precision)
    return Floor((LON + 180.0) / 360.0 * scale)


def tile_y(precision):
    scale = float(2**precision)
    # Locations are in Russia (41°–82° N), well inside the Mercator limits; clamp anyway.
    lat = Radians(LAT)
    mercator = Ln(Tan(lat) + 1.0 / Cos(lat))
    return Floor((1.0 - mercator / 3.141592653589793) / 2.0 * scale)


def _local_moments(now):
    """{(weekday code, "HH:MM"): [region codes]} for every federal subject's clock at `now`."""
    moments = {}
    for code, _name, _district in FEDERAL_SUBJECTS:
        local = now.astimezone(hours_lib.region_timezone(code))
        moments.setdefault((hours_lib.DAYS[local.weekday()], local.strftime("%H:%M")), []).append(code)
    return moments


def _open_sql(vendor):
    table = '"providers_map_location"."opening_hours"'
    if vendor == "postgresql":
        return (
            f"EXISTS (SELECT 1 FROM jsonb_array_elements(COALESCE({table} -> %s, '[]'::jsonb)) AS interval_ "
            "WHERE (interval_ ->> 0) <= %s AND (interval_ ->> 1) > %s)"
        )
    if vendor == "sqlite":
        return (
            f"EXISTS (SELECT 1 FROM json_each({table}, '$.' || %s) AS interval_ "
            "WHERE json_extract(interval_.value, '$[0]') <= %s AND json_extract(interval_.value, '$[1]') > %s)"
        )
    raise NotImplementedError(f"'open now' is not available on {vendor}")


def open_now_q(now=None):
    """Locations open at `now` in their region's local time (a Q for Location querysets)."""
    now = now or dt.datetime.now(dt.UTC)
    sql = _open_sql(connection.vendor)
    condition = Q(pk__in=[])
    for (day, clock), codes in _local_moments(now).items():
        # True when the location has an interval around `clock` on `day` (a boolean expression fits in a Q).
        is_open = RawSQL(sql, (day, clock, clock), output_field=BooleanField())
        condition |= Q(region__code__in=codes) & is_open
    return condition
