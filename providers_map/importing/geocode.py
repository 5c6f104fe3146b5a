"""Give every location coordinates and their provenance: the file's own, or the gazetteer's locality."""

from decimal import Decimal

from django.utils.translation import gettext as _

from providers_map import gazetteer

from .cleaning import COORDINATE_PLACES
from .problems import WARNING, Problem, shown_value


def gazetteer_point(locality, region_code):
    """(lat, lon) of the locality in that region, or None: only an exact name match in the same region counts."""
    hit = gazetteer.locate(locality, region_code)
    if hit is None:
        return None
    return (
        Decimal(str(hit["lat"])).quantize(COORDINATE_PLACES),
        Decimal(str(hit["lon"])).quantize(COORDINATE_PLACES),
    )


def place(clean_rows, region_codes):
    """Set coordinates_source (and gazetteer coordinates) on each row's location; returns warnings."""
    warnings = []
    for clean in clean_rows:
        location = clean.location
        code = region_codes.get(location["region_id"])
        if location["latitude"] is not None:
            point = gazetteer_point(location["locality"], code) if location["coordinates_approximate"] else None
            same = point == (location["latitude"], location["longitude"])
            # An approximate point that is exactly the gazetteer's came from it (e.g. our own export).
            location["coordinates_source"] = "gazetteer" if same else "import"
            continue
        point = gazetteer_point(location["locality"], code)
        if point:
            location["latitude"], location["longitude"] = point
            location["coordinates_source"] = "gazetteer"
            location["coordinates_approximate"] = True
        else:
            location["coordinates_source"] = ""
            location["coordinates_approximate"] = False
            warnings.append(
                Problem(
                    clean.row,
                    "locality",
                    shown_value(location["locality"]),
                    _(
                        "The gazetteer has no such locality in this region: the row is imported without coordinates; "
                        "set the point on the map in the admin."
                    ),
                    kind=WARNING,
                )
            )
    return warnings
