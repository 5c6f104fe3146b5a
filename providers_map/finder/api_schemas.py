"""OpenAPI descriptions of the finder API's answers (/api/v1/providers…), which are built as plain dicts.

The schemas name what every answer carries; the property test (tests/portal/test_api_properties.py) checks
real answers against them.
"""

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}

PLACE = {
    "type": "object",
    "required": ["kind", "name", "label", "region_code", "region", "lat", "lon"],
    "properties": {
        "kind": {"type": "string"},
        "name": {"type": "string"},
        "label": {"type": "string"},
        "region_code": {"type": "string"},
        "region": {"type": "string"},
        "lat": {"type": "number"},
        "lon": {"type": "number"},
    },
}

CARD = {
    "type": "object",
    "required": ["id", "location_id", "name", "url", "address", "locality", "distance_km", "phones", "route_url"],
    "properties": {
        "id": {"type": "integer"},
        "location_id": {"type": "integer"},
        "name": {"type": "string"},
        "url": {"type": "string"},
        "address": {"type": "string"},
        "locality": {"type": "string"},
        "lat": NULLABLE_NUMBER,
        "lon": NULLABLE_NUMBER,
        "distance_km": NULLABLE_NUMBER,
        "phones": {"type": "array", "items": {"type": "string"}},
        "open_now": {"type": ["boolean", "null"]},
        "concern_match": {"type": ["string", "null"], "enum": ["named", "any_child", None]},
        "route_url": NULLABLE_STRING,
    },
}

MAP = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {"type": {"const": "Feature"}, "properties": {"type": "object"}},
            },
        },
    },
}

LIST = {
    "type": "object",
    "required": ["count", "page", "pages", "page_size", "place", "concern", "backend", "results"],
    "properties": {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "pages": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1},
        "place": {"anyOf": [{"type": "null"}, {"type": "object"}]},
        "concern": {
            "anyOf": [
                {"type": "null"},
                {"type": "object", "required": ["named", "any_child"]},
            ]
        },
        "backend": {"type": "string"},
        "results": {"type": "array", "items": CARD},
    },
}

PLACES = {
    "type": "object",
    "required": ["results"],
    "properties": {"results": {"type": "array", "maxItems": 8, "items": PLACE}},
}

DETAIL = {
    "type": "object",
    "required": ["id", "name", "full_name", "url", "phones", "locations", "services"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "full_name": {"type": "string"},
        "url": {"type": "string"},
        "phones": {"type": "array", "items": {"type": "string"}},
        "verified_at": NULLABLE_STRING,
        "locations": {"type": "array", "items": {"type": "object"}},
        "services": {"type": "array", "items": {"type": "object"}},
    },
}
