"""The finder's JSON shapes for /api/v1/providers… (cards, one organisation, places)."""

from providers_map import hours as hours_lib
from providers_map.opening import opening_status
from providers_map.wording import lines


def place_json(place):
    if place is None:
        return None
    point = place.point if place.measures_distance else None
    return {
        "kind": place.kind,
        "label": str(place.label),
        "region_code": place.region_code,
        "lat": round(point.lat, 6) if point else None,
        "lon": round(point.lon, 6) if point else None,
    }


def suggestion_json(item):
    return {
        "kind": item["kind"],
        "name": item["name"],
        "label": item["label"],
        "region_code": item["region_code"],
        "region": item["region"],
        "lat": round(item["lat"], 6),
        "lon": round(item["lon"], 6),
    }


def _location_json(location, now):
    status = opening_status(location.opening_hours or {}, location.timezone(), now)
    return {
        "id": location.pk,
        "name": location.name,
        "address": location.address,
        "locality": location.locality,
        "region_code": location.region.code,
        "region": location.region.name,
        "postcode": location.postcode,
        "lat": float(location.latitude) if location.latitude is not None else None,
        "lon": float(location.longitude) if location.longitude is not None else None,
        "coordinates_approximate": location.coordinates_approximate,
        "opening_hours": hours_lib.validate_hours(location.opening_hours or {}),
        "opening_hours_text": hours_lib.format_hours(location.opening_hours or {}),
        "open_now": status.is_open if status.has_hours else None,
        "opening": status.text,
        "accessibility": list(location.accessibility or []),
        "delivery_modes": list(location.delivery_modes or []),
    }


def card_json(card):
    organisation, location = card.organisation, card.location
    return {
        "id": organisation.pk,
        "location_id": location.pk,
        "name": organisation.display_name,
        "full_name": organisation.name,
        "branch": location.name,
        "url": organisation.get_absolute_url(),
        "address": location.address,
        "locality": location.locality,
        "region_code": location.region.code,
        "lat": float(location.latitude) if location.latitude is not None else None,
        "lon": float(location.longitude) if location.longitude is not None else None,
        "distance_km": round(card.distance_km, 3) if card.distance_km is not None else None,
        "phones": lines(organisation.phones),
        "cost": organisation.cost,
        "ownership": organisation.ownership,
        "status": organisation.status,
        "open_now": card.opening.is_open if card.opening.has_hours else None,
        "opening": card.opening.text,
        "concern_match": None if card.named is None else ("named" if card.named else "any_child"),
        "route_url": card.route_url,
        "services": [service.service_type.slug for service in organisation.services.all()],
    }


def organisation_json(organisation, now):
    return {
        "id": organisation.pk,
        "name": organisation.display_name,
        "full_name": organisation.name,
        "url": organisation.get_absolute_url(),
        "ownership": organisation.ownership,
        "sector": organisation.sector,
        "status": organisation.status,
        "cost": organisation.cost,
        "cost_note": organisation.cost_note,
        "referral_required": organisation.referral_required,
        "phones": lines(organisation.phones),
        "email": organisation.email,
        "website": organisation.website,
        "description": organisation.description,
        "how_to_get_help": organisation.how_to_get_help,
        "verified_at": organisation.verified_at.isoformat() if organisation.verified_at else None,
        "locations": [_location_json(location, now) for location in organisation.locations.all()],
        "services": [
            {
                "type": service.service_type.slug,
                "type_name": service.service_type.name,
                "age_min_months": service.age_min_months,
                "age_max_months": service.age_max_months,
                "concerns": [concern.slug for concern in service.concerns.all()],
                "languages": [language.slug for language in service.languages.all()],
                "description": service.description,
            }
            for service in organisation.services.all()
        ],
    }
