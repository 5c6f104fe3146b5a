"""The published registry as a GeoJSON FeatureCollection (RFC 7946): one Point feature per location."""

import json

from django.conf import settings

from providers_map.exchange.importing.vocabulary import Vocabulary
from providers_map.hours import format_hours
from providers_map.models import Organisation

from .rows import CHUNK


def location_feature(organisation, location, vocabulary, services):
    geometry = None
    if location.has_coordinates:
        # RFC 7946: longitude first, WGS 84, at most 6 decimals.
        geometry = {"type": "Point", "coordinates": [float(location.longitude), float(location.latitude)]}
    return {
        "type": "Feature",
        "id": f"{organisation.slug}-{location.pk}",
        "geometry": geometry,
        "properties": {
            "organisation": organisation.name,
            "short_name": organisation.short_name,
            "url": organisation.get_absolute_url(),
            "inn": organisation.inn,
            "ogrn": organisation.ogrn,
            "ownership": vocabulary.ownership.label(organisation.ownership),
            "sector": vocabulary.sector.label(organisation.sector),
            "status": vocabulary.status.label(organisation.status),
            "cost": vocabulary.cost.label(organisation.cost),
            "services": services,
            "phones": organisation.phones.split(),
            "email": organisation.email,
            "website": organisation.website,
            "verified_at": organisation.verified_at.isoformat() if organisation.verified_at else None,
            "branch": location.name,
            "region": location.region.name,
            "region_code": location.region.code,
            "locality": location.locality,
            "address": location.address,
            "postcode": location.postcode,
            "opening_hours": format_hours(location.opening_hours),
            "accessibility": [vocabulary.accessibility.label(c) for c in location.accessibility or []],
            "delivery_modes": [vocabulary.delivery_modes.label(c) for c in location.delivery_modes or []],
            "coordinates_approximate": location.coordinates_approximate,
        },
    }


def export_geojson(organisations=None):
    vocabulary = Vocabulary.from_db()
    queryset = (
        Organisation.objects.public().with_entries().order_by("name", "pk") if organisations is None else organisations
    )
    features = []
    for organisation in queryset.iterator(chunk_size=CHUNK):
        services = [service.service_type.name for service in organisation.services.all()]
        for location in organisation.locations.all():
            features.append(location_feature(organisation, location, vocabulary, services))
    collection = {"type": "FeatureCollection", "features": features}
    indent = 1 if settings.DEBUG else None
    return json.dumps(collection, ensure_ascii=False, indent=indent).encode("utf-8")
