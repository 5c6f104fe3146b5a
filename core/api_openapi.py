"""Completing the OpenAPI document of /api/v1/ with what every endpoint shares.

django-ninja describes each operation's own parameters and 200 body; this adds what the portal's API layer
does for all of them (core.api, core.api_http): the error body and its status codes (400, 404, 429),
conditional GETs (If-None-Match / If-Modified-Since → 304), caching and rate-limit headers, the licence and
contact. Endpoints added later by any app are covered automatically.
"""

from django.utils.translation import gettext_noop

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error", "details"],
    "properties": {
        "error": {"type": "string", "description": "What went wrong, in Russian."},
        "details": {"type": "array", "description": "The parameters or values concerned.", "items": {}},
    },
}
HEADERS = {
    "ETag": ("A hash of the body; send it back in If-None-Match.", "string"),
    "Last-Modified": ("When the data in the answer last changed (registry data).", "string"),
    "Cache-Control": ("How long shared caches may keep the answer.", "string"),
    "X-RateLimit-Limit": ("Requests allowed per window for this client.", "integer"),
    "X-RateLimit-Remaining": ("Requests left in the current window.", "integer"),
    "X-RateLimit-Reset": ("Seconds until the window resets.", "integer"),
}
CONDITIONAL_PARAMETERS = [
    {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "An ETag from an earlier answer: 304 Not Modified while the answer is the same.",
        "schema": {"type": "string"},
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "description": "An HTTP date: 304 Not Modified if the data did not change since (registry data).",
        "schema": {"type": "string"},
    },
]
ERRORS = {
    "400": gettext_noop("Invalid parameters: unknown, repeated, missing, too long or of the wrong type."),
    "404": gettext_noop("No such object or endpoint."),
    "429": gettext_noop("Too many requests from this client; retry after the Retry-After header's seconds."),
}


def answer(schema, description, media_type="application/json"):
    """`openapi_extra` for an operation whose 200 answer is `schema`."""
    return {"responses": {200: {"description": description, "content": {media_type: {"schema": schema}}}}}


def _error(description, extra_headers=None):
    response = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if extra_headers:
        response["headers"] = extra_headers
    return response


def complete(document):
    """Add the shared responses, headers and metadata to a ninja-generated OpenAPI document (in place)."""
    info = document.setdefault("info", {})
    info.setdefault("license", {"name": "CC BY 4.0 (data)", "url": "https://creativecommons.org/licenses/by/4.0/"})
    components = document.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components["headers"] = {
        name: {"description": text, "schema": {"type": kind}} for name, (text, kind) in HEADERS.items()
    }
    components["headers"]["Retry-After"] = {
        "description": "Seconds to wait before the next request.",
        "schema": {"type": "integer"},
    }
    shared_headers = {name: {"$ref": f"#/components/headers/{name}"} for name in HEADERS}
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in ("get", "head"):
                continue
            parameters = operation.setdefault("parameters", [])
            present = {(p.get("in"), p.get("name", "").lower()) for p in parameters}
            for parameter in CONDITIONAL_PARAMETERS:
                if ("header", parameter["name"].lower()) not in present:
                    parameters.append(dict(parameter))
            responses = operation.setdefault("responses", {})
            ok = responses.get("200")
            if ok is not None:
                ok.setdefault("headers", {}).update(shared_headers)
            responses.setdefault("304", {"description": gettext_noop("Not modified since the ETag or date sent.")})
            responses.setdefault("400", _error(ERRORS["400"]))
            if "{" in path:
                responses.setdefault("404", _error(ERRORS["404"]))
            responses.setdefault(
                "429", _error(ERRORS["429"], {"Retry-After": {"$ref": "#/components/headers/Retry-After"}})
            )
    return document
