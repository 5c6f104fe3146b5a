"""What the generated OpenAPI document of /api/hsds/ says beyond what ninja reads from the code.

ninja describes each operation's parameters from its schema (`params.py`); this adds the answers: each
operation's 200 body refers to the official HSDS 3.0 compiled schema of one result by its published URL (lists:
the HSDS page object with those in `contents`, or one per line with format=ndjson). One deliberate correction
of the official document: `/service_at_locations/{id}` answers (and is described as) a service_at_location.
"""

from django.utils.translation import gettext_noop

SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
PAGE_FIELDS = {
    "total_items": ("integer", "The total number of results."),
    "total_pages": ("integer", "Count of total pages."),
    "page_number": ("integer", "The number of the current page."),
    "size": ("integer", "The number of results in the current page."),
    "first_page": ("boolean", "Whether this is the first page."),
    "last_page": ("boolean", "Whether this is the last page."),
    "empty": ("boolean", "Whether the page has no results."),
}
PAGE_SCHEMA = {
    "type": "object",
    "required": list(PAGE_FIELDS),
    "properties": {name: {"type": kind, "description": text} for name, (kind, text) in PAGE_FIELDS.items()},
}
INDEX_SCHEMA = {
    "type": "object",
    "required": ["version", "profile", "openapi_url"],
    "properties": {
        "version": {"type": "string", "description": "HSDS version of this API."},
        "profile": {"type": "string", "format": "uri"},
        "openapi_url": {"type": "string", "format": "uri"},
    },
}
INFO = {
    "summary": "The published registry of early-care providers in the HSDS 3.0 format.",
    "license": {"name": "CC BY 4.0 (data)", "url": "https://creativecommons.org/licenses/by/4.0/"},
}
DESCRIPTION = (
    "Read-only. Lists are paginated (page, per_page) or streamed with format=ndjson. Extension parameters "
    "(age_months, concern, free, open_now, lat/lon, region, delivery_mode) filter for what families need. Data "
    "licence: CC BY 4.0. HSDS and its schemas: Open Referral, CC BY-SA 4.0."
)


def answer(summary, schema_file=None, is_list=False, schema=None):
    """`openapi_extra` of an operation: its 200 answer (one official schema, or a page of them)."""
    item = schema or {"$ref": SCHEMA_BASE + schema_file}
    if is_list:
        page = {
            "allOf": [{"$ref": "#/components/schemas/Page"}],
            "properties": {"contents": {"type": "array", "items": item}},
        }
        content = {"application/json": {"schema": page}, "application/x-ndjson": {"schema": item}}
    else:
        content = {"application/json": {"schema": item}}
    return {"responses": {200: {"description": summary, "content": content}}}  # ninja's own key for its 200


def complete(document, server_url):
    """The generated document with the HSDS page object, the server and the data licence."""
    document["jsonSchemaDialect"] = "https://json-schema.org/draft/2020-12/schema"
    document["servers"] = [{"url": server_url}]
    document["info"].update(INFO)
    document.setdefault("components", {}).setdefault("schemas", {})["Page"] = PAGE_SCHEMA
    for item in document["paths"].values():
        for operation in item.values():
            operation["responses"] = {str(code): value for code, value in operation["responses"].items()}
    return document


INDEX_SUMMARY = gettext_noop("Information about this API and its relationship with HSDS.")
