"""Registry values written as the layout's cells: shared by the exports and the import's preview.

What the preview shows as "old → new" is exactly what an export would write in that column, so an operator
can compare it with the file.
"""

import datetime as dt
from decimal import Decimal

from providers_map.hours import format_hours

from .columns import BY_KEY

CHOICE_FIELDS = ("ownership", "sector", "referral_required", "cost", "status")
YES, NO = "да", "нет"


def yes_no(value):
    return YES if value else NO


def organisation_cell(vocabulary, name, value):
    if name in CHOICE_FIELDS:
        return getattr(vocabulary, name).label(value)
    if name == "phones":
        return "; ".join((value or "").split())
    if name == "documents":
        return "\n".join(line.strip() for line in (value or "").splitlines() if line.strip())
    if name == "in_official_registry":
        return yes_no(value)
    if name in ("description", "how_to_get_help"):
        return (value or "").replace("\r\n", "\n")
    return "" if value is None else value


def location_cells(vocabulary, location):
    """{column key: cell} for a location given as a dict of model fields."""
    has_point = location.get("latitude") is not None and location.get("longitude") is not None
    source = location.get("coordinates_source") or ""
    if has_point:
        source_cell = vocabulary.coordinates_source.label(source) if source else ""
    else:
        source_cell = vocabulary.coordinates_source.label("")
    return {
        "location_name": location.get("name") or "",
        "region": vocabulary.regions.display(location.get("region_id")),
        "locality": location.get("locality") or "",
        "address": location.get("address") or "",
        "postcode": location.get("postcode") or "",
        "latitude": location.get("latitude") if has_point else None,
        "longitude": location.get("longitude") if has_point else None,
        "coordinates_approximate": yes_no(location.get("coordinates_approximate")) if has_point else "",
        "coordinates_source": source_cell,
        "opening_hours": format_hours(location.get("opening_hours")),
        "accessibility": "; ".join(vocabulary.accessibility.label(c) for c in location.get("accessibility") or []),
        "delivery_modes": "; ".join(vocabulary.delivery_modes.label(c) for c in location.get("delivery_modes") or []),
    }


def service_cells(vocabulary, spec):
    return {
        "services": vocabulary.service_types.display(spec.service_type_id),
        "service_description": (spec.description or "").replace("\r\n", "\n"),
        "age_min_months": spec.age_min,
        "age_max_months": spec.age_max,
        "concerns": "; ".join(vocabulary.concerns.display(pk) for pk in spec.concerns),
        "languages": "; ".join(vocabulary.languages.display(pk) for pk in spec.languages),
    }


def service_text(vocabulary, spec):
    """One line about a service for the preview: «ИПРП, 0–36 мес., РАС; ДЦП, жестовый»."""
    cells = service_cells(vocabulary, spec)
    parts = [cells["services"], f"{spec.age_min}–{spec.age_max} мес."]
    if cells["concerns"]:
        parts.append(cells["concerns"])
    if cells["languages"]:
        parts.append(cells["languages"])
    return ", ".join(parts)


def location_text(location):
    parts = [location.get("locality") or "", location.get("address") or ""]
    text = ", ".join(p for p in parts if p)
    return f"{text} ({location['name']})" if location.get("name") else text


def shown(value):
    """A cell value as text for the preview."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    text = str(value).replace("\n", "; ")
    return text if len(text) <= 300 else text[:299] + "…"


def header(key):
    return BY_KEY[key].header
