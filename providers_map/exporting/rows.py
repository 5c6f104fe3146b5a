"""Published organisations as rows of the import layout (one row per location)."""

from providers_map.hours import format_hours
from providers_map.importing.vocabulary import Vocabulary
from providers_map.models import Organisation

CHUNK = 500


def public_organisations():
    return (
        Organisation.objects.public()
        .order_by("name", "pk")
        .prefetch_related("locations__region", "services__service_type", "services__concerns", "services__languages")
    )


def yes_no(value):
    return "да" if value else "нет"


def organisation_cells(organisation, vocabulary):
    services = list(organisation.services.all())
    concerns, languages = {}, {}
    for service in services:
        concerns.update({c.pk: c.name for c in service.concerns.all()})
        languages.update({lang.pk: lang.name for lang in service.languages.all()})
    return {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "inn": organisation.inn,
        "ogrn": organisation.ogrn,
        "ownership": vocabulary.ownership.label(organisation.ownership),
        "sector": vocabulary.sector.label(organisation.sector),
        "website": organisation.website,
        "email": organisation.email,
        "phones": "; ".join(organisation.phones.split()),
        "description": organisation.description,
        "how_to_get_help": organisation.how_to_get_help,
        "referral_required": vocabulary.referral_required.label(organisation.referral_required),
        "documents": "; ".join(line.strip() for line in organisation.documents.splitlines() if line.strip()),
        "cost": vocabulary.cost.label(organisation.cost),
        "cost_note": organisation.cost_note,
        "in_official_registry": yes_no(organisation.in_official_registry),
        "verified_at": organisation.verified_at,
        "status": vocabulary.status.label(organisation.status),
        "services": "; ".join(service.service_type.name for service in services),
        "age_min_months": min((s.age_min_months for s in services), default=None),
        "age_max_months": max((s.age_max_months for s in services), default=None),
        "concerns": "; ".join(concerns[pk] for pk in sorted(concerns)),
        "languages": "; ".join(languages[pk] for pk in sorted(languages)),
    }


def location_cells(location, vocabulary):
    return {
        "location_name": location.name,
        "region": location.region.name,
        "locality": location.locality,
        "address": location.address,
        "postcode": location.postcode,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "coordinates_approximate": yes_no(location.coordinates_approximate) if location.has_coordinates else "",
        "opening_hours": format_hours(location.opening_hours),
        "accessibility": "; ".join(vocabulary.accessibility.label(c) for c in location.accessibility or []),
        "delivery_modes": "; ".join(vocabulary.delivery_modes.label(c) for c in location.delivery_modes or []),
    }


def export_rows(organisations=None):
    """Yield {column key: value} per location (an organisation without locations gets one row)."""
    vocabulary = Vocabulary.from_db()
    queryset = public_organisations() if organisations is None else organisations
    for organisation in queryset.iterator(chunk_size=CHUNK):
        cells = organisation_cells(organisation, vocabulary)
        locations = sorted(organisation.locations.all(), key=lambda loc: (loc.sort_order or 0, loc.pk))
        if not locations:
            yield dict(cells)
        for location in locations:
            yield {**cells, **location_cells(location, vocabulary)}
