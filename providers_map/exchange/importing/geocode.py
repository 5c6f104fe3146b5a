"""Where a location's point comes from when the file gives none: the offline gazetteer's locality."""

from decimal import Decimal
from functools import lru_cache

from providers_map import gazetteer

COORDINATE_PLACES = Decimal("0.000001")


@lru_cache(maxsize=65536)
def gazetteer_point(locality, region_code):
    """(lat, lon) of the locality in that region, or None: only an exact name match in the same region counts."""
    hit = gazetteer.locate(locality, region_code)
    if hit is None:
        return None
    return (
        Decimal(str(hit["lat"])).quantize(COORDINATE_PLACES),
        Decimal(str(hit["lon"])).quantize(COORDINATE_PLACES),
    )


def resolve_point(given, existing, gazetteer_lookup):
    """The point, its source and precision for a location: ((lat, lon), source, approximate, placed).

    `given` holds what the file says (only the columns it has), `existing` the registry's location or None.
    - Coordinates in the file are used. Their source is the file's «Источник координат» when given; else the
      registry's when the point is unchanged; else "gazetteer" for an approximate point that is exactly the
      gazetteer's (our own older exports), else "import".
    - «Источник координат: не указано» without coordinates: the location has no point.
    - No coordinates and no source: the registry's point stays; a new location gets the gazetteer's locality
      (approximate); `placed` is False when there is none.
    """
    point = (given.get("latitude"), given.get("longitude"))
    explicit = given.get("coordinates_source")  # None: not given
    old_point = (existing["latitude"], existing["longitude"]) if existing else (None, None)
    if point[0] is not None:
        if "coordinates_approximate" in given:
            approximate = given["coordinates_approximate"]
        else:
            approximate = existing["coordinates_approximate"] if existing and old_point == point else False
        if explicit is not None:
            source = explicit
        elif existing and old_point == point and existing["coordinates_source"]:
            source = existing["coordinates_source"]
        elif approximate and gazetteer_lookup() == point:
            source = "gazetteer"
        else:
            source = "import"
        return point, source, approximate, True
    if explicit == "":
        return (None, None), "", False, True
    if existing and old_point[0] is not None:
        return old_point, existing["coordinates_source"], existing["coordinates_approximate"], True
    found = gazetteer_lookup()
    if found:
        return found, "gazetteer", True, True
    return (None, None), "", False, False
