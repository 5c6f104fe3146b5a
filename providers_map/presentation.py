"""What a provider page shows besides its fields: branches with opening hours, the map, schema.org JSON-LD.

Shared by the public page (views.detail) and the editors' preview (the `organisation_preview_body` tag); the
JSON-LD is rendered with `{% json_ld %}` from portal, which escapes it safely.
"""

from django.templatetags.static import static
from django.utils import timezone

from providers_map import hours as hours_lib
from providers_map.directions import directions_url
from providers_map.mapconfig import tiles
from providers_map.opening import opening_status
from providers_map.wording import lines

MARKER_IMAGES = {"iconUrl": "marker-icon.png", "iconRetinaUrl": "marker-icon-2x.png", "shadowUrl": "marker-shadow.png"}


def location_view(location, now=None):
    """What the template needs about one branch, with "open now" computed in the branch's own time."""
    now = now or timezone.now()
    zone = location.timezone()
    local_now = now.astimezone(zone)
    hours = location.opening_hours or {}
    has_hours = hours_lib.has_hours(hours)
    return {
        "location": location,
        "has_hours": has_hours,
        "rows": hours_lib.weekly_rows(hours, today=local_now) if has_hours else [],
        "is_open": hours_lib.is_open_at(hours, now, zone) if has_hours else None,
        "opening": opening_status(hours, zone, now),
        "local_now": local_now,
        "local_time": local_now.strftime("%H:%M"),
        "accessibility": location.accessibility_labels(),
        "delivery_modes": location.delivery_mode_labels(),
    }


def map_points(locations):
    return [
        {
            "name": location.name or "",
            "address": ", ".join(part for part in (location.locality, location.address) if part),
            "lat": float(location.latitude),
            "lon": float(location.longitude),
            "approximate": bool(location.coordinates_approximate),
        }
        for location in locations
        if location.has_coordinates
    ]


def map_config():
    """Tiles and attribution from settings (PORTAL_MAP_TILE_URL, PORTAL_MAP_TILE_ATTRIBUTION), as every map, and
    the marker's images by their static URLs: Leaflet guesses its image folder from its stylesheet's address,
    which hashed static file names (production) defeat."""
    icons = {name: static(f"leaflet/images/{file}") for name, file in MARKER_IMAGES.items()}
    return {**tiles(), "marker": icons}


def organisation_context(request, organisation, locations, services, now=None, preview=False):
    """Shared by the public page and the editors' preview (which has no map and no JSON-LD)."""
    now = now or timezone.now()
    location_views = [location_view(location, now) for location in locations]
    points = [] if preview else map_points(locations)
    return {
        "organisation": organisation,
        "page_title": organisation.display_name,
        "locations": location_views,
        "services": services,
        "phones": lines(organisation.phones),
        "documents": lines(organisation.documents),
        "map_points": points,
        "map_config": map_config() if points else None,
        "any_approximate": any(point["approximate"] for point in points),
        "route_url": next((directions_url(loc) for loc in locations if loc.has_coordinates), ""),
        "is_preview": preview,
        "is_stale": organisation.is_stale,
        "jsonld": None if preview else organisation_jsonld(request, organisation, locations),
    }


SCHEMA_DAYS = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def schema_type(organisation):
    if organisation.sector == "health":
        return "MedicalOrganization"
    if organisation.ownership in ("state", "municipal"):
        return "GovernmentOrganization"
    if organisation.ownership == "nonprofit":
        return "NGO"
    return "Organization"


def postal_address(location):
    address = {
        "@type": "PostalAddress",
        "streetAddress": location.address,
        "addressLocality": location.locality,
        "addressRegion": location.region.name if location.region_id else "",
        "postalCode": location.postcode,
        "addressCountry": "RU",
    }
    return {key: value for key, value in address.items() if value}


def opening_hours_specification(hours):
    specs = []
    for day in hours_lib.DAYS:
        for opens, closes in (hours or {}).get(day) or []:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[day]}",
                    "opens": opens,
                    "closes": "23:59" if closes == "24:00" else closes,
                }
            )
    return specs


def place(location):
    data = {"@type": "Place", "address": postal_address(location)}
    if location.name:
        data["name"] = location.name
    if location.latitude is not None and location.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    specs = opening_hours_specification(location.opening_hours)
    if specs:
        data["openingHoursSpecification"] = specs
    return data


def organisation_jsonld(request, organisation, locations):
    page_url = request.build_absolute_uri(organisation.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(organisation),
        "@id": f"{page_url}#organization",
        "name": organisation.name,
        "url": organisation.website or page_url,
        "mainEntityOfPage": page_url,
        "description": organisation.description,
    }
    if organisation.short_name:
        data["alternateName"] = organisation.short_name
    phones = lines(organisation.phones)
    if phones:
        data["telephone"] = phones[0] if len(phones) == 1 else phones
    if organisation.email:
        data["email"] = organisation.email
    if organisation.inn:
        data["taxID"] = organisation.inn
    if locations:
        data["address"] = postal_address(locations[0])
        data["location"] = [place(location) for location in locations]
    return data
