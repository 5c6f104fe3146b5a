"""OpenAPI descriptions of /api/v1/coverage… answers (built as plain dicts and cached as bytes, so they are
described here; the property test checks real answers against them)."""

from .measures import BAND_NAMES

NUMBER_OR_NULL = {"type": ["number", "null"]}
COUNT = {"type": "integer", "minimum": 0}
BANDS = {
    "type": "object",
    "description": "People (or children) by straight-line distance to the nearest service, km.",
    "required": list(BAND_NAMES),
    "properties": {name: COUNT for name in BAND_NAMES},
}
STAMP = {
    "computed_at": {"type": ["string", "null"], "format": "date-time", "description": "When it was computed."},
    "method_version": {"type": "string", "description": "The method's version (docs/coverage.md)."},
}
REGION = {
    "type": "object",
    "required": ["code", "name", "population", "children", "bands", "children_bands", "share_beyond_30"],
    "properties": {
        "code": {"type": "string"},
        "name": {"type": "string"},
        "population": COUNT,
        "children": {**COUNT, "description": "Children aged 0–3: estimated share or uploaded counts."},
        "bands": BANDS,
        "children_bands": BANDS,
        "share_beyond_30": {**NUMBER_OR_NULL, "description": "Share (0–1) of people beyond 30 km."},
        "children_beyond_30": COUNT,
        "localities": COUNT,
        "localities_beyond_30": COUNT,
        "providers": COUNT,
        "locations": COUNT,
        "services": COUNT,
        "services_per_10k_children": NUMBER_OR_NULL,
        "ownership": {
            "type": "object",
            "required": ["state", "municipal", "non_state"],
            "properties": {"state": COUNT, "municipal": COUNT, "non_state": COUNT},
        },
        "non_state_share": NUMBER_OR_NULL,
        "stale": COUNT,
        "stale_share": NUMBER_OR_NULL,
        "home_visits": COUNT,
        "remote": COUNT,
        "beyond_30_with_home_visits": COUNT,
        "beyond_30_with_remote": COUNT,
        "zero_result_searches": COUNT,
        "by_service": {
            "type": "object",
            "description": "Per service type code: its bands (people) and the share beyond 30 km.",
            "additionalProperties": {
                "type": "object",
                "required": ["bands", "share_beyond_30"],
                "properties": {"bands": BANDS, "share_beyond_30": NUMBER_OR_NULL},
            },
        },
    },
}
COVERAGE = {
    "type": "object",
    "required": ["computed_at", "method_version", "regions"],
    "properties": {
        **STAMP,
        "bands_km": {"type": "array", "items": {"type": "string"}},
        "children_estimate": {"type": ["object", "null"]},
        "service_types": {"type": "array", "items": {"type": "object", "required": ["slug", "name"]}},
        "national": {"anyOf": [{"type": "null"}, REGION]},
        "regions": {"type": "array", "items": REGION},
    },
}
NEAREST = {
    "type": "object",
    "required": ["name", "url", "distance_km"],
    "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "description": "The provider's page on this site."},
        "distance_km": {"type": "number"},
        "region_code": {"type": "string"},
    },
}
LOCALITY = {
    "type": "object",
    "required": ["name", "lat", "lon", "population", "distance_km", "nearest"],
    "properties": {
        "name": {"type": "string"},
        "lat": {"type": "number"},
        "lon": {"type": "number"},
        "population": COUNT,
        "children": COUNT,
        "children_from_table": {"type": "boolean"},
        "distance_km": NUMBER_OR_NULL,
        "band": {"type": "string", "enum": list(BAND_NAMES)},
        "nearest": {"anyOf": [{"type": "null"}, NEAREST]},
        "nearest_services": {"type": "array", "items": NEAREST},
        "by_service": {"type": "object", "additionalProperties": NUMBER_OR_NULL},
        "home_visits": {"type": "boolean"},
        "remote": {"type": "boolean"},
    },
}
LOCALITIES = {
    "type": "object",
    "required": ["computed_at", "method_version", "region", "results"],
    "properties": {
        **STAMP,
        "region": {"type": "object", "required": ["code", "name"]},
        "results": {"type": "array", "items": LOCALITY},
    },
}
MAP_FIELDS = ["lat", "lon", "population", "band", "distance_km", "name"]
MAP = {
    "type": "object",
    "required": ["computed_at", "method_version", "fields", "rows"],
    "properties": {
        **STAMP,
        "service": {"type": "string"},
        "fields": {"type": "array", "items": {"type": "string", "enum": MAP_FIELDS}},
        "rows": {
            "type": "array",
            "description": "One array per locality, values in the order of `fields`.",
            "items": {"type": "array", "minItems": len(MAP_FIELDS), "maxItems": len(MAP_FIELDS)},
        },
    },
}
