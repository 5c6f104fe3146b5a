"""The finder's own Elasticsearch index: one document per location (branch) of a published organisation.

A document carries its organisation's fields, a `geo_point`, the services as nested objects (so service type,
age, concern and language hold for the same service), flags for the location filters and its opening hours
as integer ranges of UTC minutes of the week (one term query answers "open now" in every time zone).
Documents are built from the database with a handful of queries per thousand organisations.
"""

from collections import defaultdict

from django.db.models import F

from providers_map import hours as hours_lib
from providers_map.models import Location, Organisation, Service

from .opening import utc_week_ranges

KIND = "provider-locations"
FREE_COSTS = ("free", "mixed")
MODE_SERVICES = {"home": "home-visits", "remote": "remote"}

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "location_id": {"type": "integer"},
        "organisation_id": {"type": "integer"},
        "slug": {"type": "keyword", "index": False},
        "name": {"type": "keyword", "index": False},
        "branch": {"type": "keyword", "index": False},
        "sort_name": {"type": "keyword"},
        "ownership": {"type": "keyword"},
        "cost": {"type": "keyword"},
        "free": {"type": "boolean"},
        "status": {"type": "keyword"},
        "region": {"type": "keyword"},
        "point": {"type": "geo_point"},
        "home": {"type": "boolean"},
        "remote": {"type": "boolean"},
        "step_free": {"type": "boolean"},
        "open_utc": {"type": "integer_range"},
        "text": {"type": "text", "analyzer": "ru_lemmas"},
        "services": {
            "type": "nested",
            "properties": {
                "type": {"type": "keyword"},
                "age_min": {"type": "integer"},
                "age_max": {"type": "integer"},
                "concerns": {"type": "keyword"},
                "any_concern": {"type": "boolean"},
                "languages": {"type": "keyword"},
                "russian": {"type": "boolean"},
            },
        },
    },
}


def sort_name(short_name, name):
    return (short_name or name).lower().replace("ё", "е")


def _services_by_organisation(organisation_ids):
    services = Service.objects.filter(organisation_id__in=organisation_ids).values(
        "pk", "organisation_id", "age_min_months", "age_max_months", type=F("service_type__slug")
    )
    concerns, languages = defaultdict(list), defaultdict(list)
    for name, target in (("concerns", concerns), ("languages", languages)):
        field = Service._meta.get_field(name)
        source, term = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = field.remote_field.through.objects.filter(**{f"{source}__organisation_id__in": organisation_ids})
        rows = rows.values_list(f"{source}_id", f"{term}__slug")
        for service_id, slug in rows:
            target[service_id].append(slug)
    grouped = defaultdict(list)
    for row in services:
        pk = row["pk"]
        grouped[row["organisation_id"]].append(
            {
                "type": row["type"],
                "age_min": row["age_min_months"],
                "age_max": row["age_max_months"],
                "concerns": sorted(concerns[pk]),
                "any_concern": not concerns[pk],
                "languages": sorted(languages[pk]),
                "russian": not languages[pk] or "russian" in languages[pk],
            }
        )
    return grouped


def _text(organisation, location, services, type_names):
    from search.analysis import lemmatise

    parts = [organisation["name"], organisation["short_name"], organisation["description"], location["locality"]]
    parts += [type_names.get(service["type"], "") for service in services]
    return lemmatise(" ".join(part for part in parts if part))


def documents_for(organisation_ids):
    """(location id, document) for every location of the given organisations that the finder may show."""
    from portal.models import ServiceType

    type_names = dict(ServiceType.objects.values_list("slug", "name"))
    organisations = {
        row["pk"]: row
        for row in Organisation.objects.filter(pk__in=organisation_ids, live=True)
        .exclude(status=Organisation.Status.CLOSED)
        .values("pk", "name", "short_name", "slug", "ownership", "cost", "status", "description")
    }
    services = _services_by_organisation(list(organisations))
    locations = Location.objects.filter(organisation_id__in=list(organisations)).values(
        "pk", "organisation_id", "name", "locality", "latitude", "longitude", "opening_hours", "accessibility",
        "delivery_modes", region_code=F("region__code"),
    )  # fmt: skip
    for location in locations:
        organisation = organisations[location["organisation_id"]]
        offered = services.get(organisation["pk"], [])
        types = {service["type"] for service in offered}
        modes = location["delivery_modes"] or []
        document = {
            "location_id": location["pk"],
            "organisation_id": organisation["pk"],
            "slug": organisation["slug"],
            "name": organisation["short_name"] or organisation["name"],
            "branch": location["name"],
            "sort_name": sort_name(organisation["short_name"], organisation["name"]),
            "ownership": organisation["ownership"],
            "cost": organisation["cost"],
            "free": organisation["cost"] in FREE_COSTS,
            "status": organisation["status"],
            "region": location["region_code"],
            "home": "home" in modes or MODE_SERVICES["home"] in types,
            "remote": "remote" in modes or MODE_SERVICES["remote"] in types,
            "step_free": "step_free" in (location["accessibility"] or []),
            "open_utc": [
                {"gte": low, "lt": high}
                for low, high in utc_week_ranges(
                    location["opening_hours"] or {}, hours_lib.region_timezone(location["region_code"])
                )
            ],
            "text": _text(organisation, location, offered, type_names),
            "services": offered,
        }
        if location["latitude"] is not None and location["longitude"] is not None:
            document["point"] = {"lat": float(location["latitude"]), "lon": float(location["longitude"])}
        yield location["pk"], document


def organisation_ids_in_chunks(chunk=1000):
    ids = list(Organisation.objects.filter(live=True).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        yield ids[start : start + chunk]
