"""Great-circle distance, the one formula everything uses: in Python and as a database expression (PostgreSQL and
SQLite alike), with one Earth radius and the same guard in both.

The radius is the mean Earth radius (IUGG), the one Elasticsearch's `arc` distance uses, so the database fallback,
the finder, HSDS's proximity filter and coverage monitoring agree with Elasticsearch's geo queries.
"""

import math

from django.db.models import ExpressionWrapper, F, FloatField, Value
from django.db.models.functions import ASin, Cast, Cos, Least, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1, lon1, lat2, lon2):
    """Haversine distance between two points, in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    # min(h, 1) guards asin against rounding just above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def distance_km_expression(lat, lon, latitude_field="latitude", longitude_field="longitude"):
    """The same distance from (lat, lon) to each row's point, in km, as a database expression (NULL where the row
    has no coordinates). The fields may be decimals: they are cast to floats."""
    lat0, lon0 = Value(float(lat), FloatField()), Value(float(lon), FloatField())
    row_lat = Radians(Cast(F(latitude_field), FloatField()))
    row_lon = Radians(Cast(F(longitude_field), FloatField()))
    half_dlat = Sin((row_lat - Radians(lat0)) / 2)
    half_dlon = Sin((row_lon - Radians(lon0)) / 2)
    h = Power(half_dlat, 2) + Cos(Radians(lat0)) * Cos(row_lat) * Power(half_dlon, 2)
    return ExpressionWrapper(2 * EARTH_RADIUS_KM * ASin(Sqrt(Least(h, Value(1.0, FloatField())))), FloatField())
