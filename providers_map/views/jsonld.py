"""schema.org JSON-LD for a provider page (rendered with `{% json_ld %}` from portal, which escapes it safely)."""

from providers_map import hours as hours_lib
from providers_map.templatetags.providers_tags import lines

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
