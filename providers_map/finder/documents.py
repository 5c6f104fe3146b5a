"""The finder's own Elasticsearch index: one document per location (branch) of a published organisation.

A document carries its organisation's fields, a `geo_point`, the services as nested objects (so service type,
age, concern and language hold for the same service), flags for the location filters, its opening hours as
integer ranges of UTC minutes of the week (one term query answers "open now" in every time zone), and the
organisation's text as search.text terms in the shared weighted fields (title, name, tag, place, body), so the
finder's words filter understands Russian exactly as /search/ does.
"""

import functools
import json

from elasticsearch_dsl import (
    Boolean,
    Document,
    GeoPoint,
    InnerDoc,
    Integer,
    IntegerRange,
    Keyword,
    MetaField,
    Nested,
    Text,
)

from providers_map import hours as hours_lib
from providers_map.opening import utc_week_ranges
from search.documents import FIELDS, TERMS_ANALYZER
from search.text import fold, lemmatise

KIND = "provider-locations"
FREE_COSTS = ("free", "mixed")
MODE_SERVICES = {"home": "home-visits", "remote": "remote"}


class ServiceDoc(InnerDoc):
    type = Keyword()
    age_min = Integer()
    age_max = Integer()
    concerns = Keyword()
    any_concern = Boolean()
    languages = Keyword()
    russian = Boolean()


class LocationDocument(Document):
    location_id = Integer()
    organisation_id = Integer()
    slug = Keyword(index=False)
    name = Keyword(index=False)
    branch = Keyword(index=False)
    sort_name = Keyword()
    ownership = Keyword()
    cost = Keyword()
    free = Boolean()
    status = Keyword()
    region = Keyword()
    point = GeoPoint()
    home = Boolean()
    remote = Boolean()
    step_free = Boolean()
    open_utc = IntegerRange()
    services = Nested(ServiceDoc)
    title_terms = Text(analyzer=TERMS_ANALYZER)
    name_terms = Text(analyzer=TERMS_ANALYZER)
    tag_terms = Text(analyzer=TERMS_ANALYZER)
    place_terms = Text(analyzer=TERMS_ANALYZER)
    body_terms = Text(analyzer=TERMS_ANALYZER)
    version = Keyword(index=False)

    class Meta:
        dynamic = MetaField("strict")


def sort_name(short_name, name):
    return fold(short_name or name)


def service_source(service):
    """A service row of search_batch.load (type, ages, concerns and languages as slugs)."""
    concerns = sorted(slug for slug, _name in service["concerns"])
    languages = sorted(service["language_slugs"])
    return {
        "type": service["service_type__slug"],
        "age_min": service["age_min_months"],
        "age_max": service["age_max_months"],
        "concerns": concerns,
        "any_concern": not concerns,
        "languages": languages,
        "russian": not languages or "russian" in languages,
    }


@functools.lru_cache(maxsize=50_000)
def _terms(text):
    return lemmatise(text)


def organisation_part(organisation, entry, service_rows):
    """What every branch of an organisation shares: its fields, its services, its words (search's Entry terms)."""
    offered = [service_source(service) for service in service_rows]
    return {
        "organisation_id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.display_name,
        "sort_name": sort_name(organisation.short_name, organisation.name),
        "ownership": organisation.ownership,
        "cost": organisation.cost,
        "free": organisation.cost in FREE_COSTS,
        "status": organisation.status,
        "services": offered,
        # The same words as search.documents.field_terms(entry), each text analysed once.
        **{f"{name}_terms": _terms(entry.texts.get(name, "")) for name in FIELDS},
        "version": organisation.updated_at.isoformat(),
    }


@functools.lru_cache(maxsize=4096)
def _week_ranges(region_code, hours_json):
    """utc_week_ranges, once per distinct (region, weekly hours): branches share a few timetables."""
    hours = json.loads(hours_json)
    return [{"gte": low, "lt": high} for low, high in utc_week_ranges(hours, hours_lib.region_timezone(region_code))]


def location_source(location, shared):
    """The `_source` of one location; `shared` is its organisation's part (organisation_part)."""
    types = {service["type"] for service in shared["services"]}
    modes = location.delivery_modes or []
    source = {
        **shared,
        "location_id": location.pk,
        "branch": location.name,
        "region": location.region.code,
        "home": "home" in modes or MODE_SERVICES["home"] in types,
        "remote": "remote" in modes or MODE_SERVICES["remote"] in types,
        "step_free": "step_free" in (location.accessibility or []),
        "open_utc": [
            dict(r)
            for r in _week_ranges(location.region.code, json.dumps(location.opening_hours or {}, sort_keys=True))
        ],
    }
    if location.has_coordinates:
        source["point"] = {"lat": float(location.latitude), "lon": float(location.longitude)}
    return source
