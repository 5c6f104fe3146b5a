"""The OpenAPI 3.1 description of /api/hsds/, generated from the endpoints and their parameter models.

Paths, operation ids and response schemas follow the official HSDS 3.0 OpenAPI document (responses refer to
the official compiled schemas by their published URLs); parameters come from `params.py`, so the document
always says what the code accepts, extensions included. One deliberate correction: the official document
gives `/service_at_locations/{id}` the service schema; we answer (and describe) a service_at_location.
"""

from typing import NamedTuple

from django.urls import reverse
from django.utils.translation import gettext_noop

from core.api_openapi import complete as complete_openapi

from . import params as P

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


class Endpoint(NamedTuple):
    path: str
    operation_id: str
    summary: str
    params: type
    schema: str  # the official schema file of one result
    is_list: bool


ENDPOINTS = [
    Endpoint(
        "/services",
        "getPaginatedListOfServices",
        gettext_noop("Paginated list of services"),
        P.Services,
        "compiled/service_list.json",
        True,
    ),
    Endpoint(
        "/services/{id}",
        "getFullyNestedServiceById",
        gettext_noop("A fully nested service"),
        P.NoParams,
        "compiled/service.json",
        False,
    ),
    Endpoint(
        "/service_at_locations",
        "getPaginatedListOfServiceAtLocation",
        gettext_noop("Paginated list of services at locations"),
        P.ServiceAtLocations,
        "compiled/service_at_location_list.json",
        True,
    ),
    Endpoint(
        "/service_at_locations/{id}",
        "getServiceAtLocationWithNestedDataById",
        gettext_noop("A fully nested service at a location"),
        P.NoParams,
        "compiled/service_at_location.json",
        False,
    ),
    Endpoint(
        "/organizations",
        "getPaginatedListOfOrganizations",
        gettext_noop("Paginated list of organizations"),
        P.Organizations,
        "compiled/organization_list.json",
        True,
    ),
    Endpoint(
        "/organizations/{id}",
        "getOrganizationById",
        gettext_noop("A fully nested organization"),
        P.Organization,
        "compiled/organization.json",
        False,
    ),
    Endpoint(
        "/taxonomies",
        "getPaginatedListOfTaxonomies",
        gettext_noop("Paginated list of taxonomies"),
        P.Taxonomies,
        "taxonomy.json",
        True,
    ),
    Endpoint(
        "/taxonomies/{id}",
        "getTaxonomyById",
        gettext_noop("A taxonomy"),
        P.NoParams,
        "taxonomy.json",
        False,
    ),
    Endpoint(
        "/taxonomy_terms",
        "getPaginatedListOfTaxonomyTerms",
        gettext_noop("Paginated list of taxonomy terms"),
        P.TaxonomyTerms,
        "taxonomy_term.json",
        True,
    ),
    Endpoint(
        "/taxonomy_terms/{id}",
        "getTaxonomyTermById",
        gettext_noop("A taxonomy term"),
        P.NoParams,
        "taxonomy_term.json",
        False,
    ),
]


def _parameter_schema(schema):
    schema = {key: value for key, value in schema.items() if key not in ("title", "description", "default")}
    options = [option for option in schema.pop("anyOf", []) if option.get("type") != "null"]
    if options:
        schema.update(options[0])
    return schema


def parameters(model):
    """OpenAPI query parameters of a params model."""
    properties = model.model_json_schema().get("properties", {})
    result = []
    for name, field in model.model_fields.items():
        schema = _parameter_schema(properties.get(name, {}))
        if field.default is not None and not isinstance(field.default, list):
            schema["default"] = field.default
        parameter = {"name": name, "in": "query", "required": False, "description": field.description or ""}
        parameter["schema"] = schema
        if schema.get("type") == "array":
            parameter.update(style="form", explode=True)
        result.append(parameter)
    return result


def _operation(path, operation_id, summary, model, schema_file, is_list):
    item = {"$ref": SCHEMA_BASE + schema_file}
    if is_list:
        schema = {
            "allOf": [{"$ref": "#/components/schemas/Page"}],
            "properties": {"contents": {"type": "array", "items": item}},
        }
        content = {"application/json": {"schema": schema}, "application/x-ndjson": {"schema": item}}
    else:
        content = {"application/json": {"schema": item}}
    operation = {
        "operationId": operation_id,
        "summary": summary,
        "parameters": parameters(model),
        "responses": {
            "200": {"description": summary, "content": content},
            "304": {"description": gettext_noop("Not modified since the ETag or date sent.")},
        },
    }
    if "{id}" in path:
        operation["parameters"].insert(
            0,
            {
                "name": "id",
                "in": "path",
                "required": True,
                "description": "The object's id.",
                "schema": {"type": "string"},
            },
        )
    return operation


def document(base_url=""):
    paths = {
        "/": {
            "get": {
                "operationId": "getAPIMetaInformation",
                "summary": gettext_noop("Information about this API and its relationship with HSDS."),
                "responses": {
                    "200": {
                        "description": gettext_noop("API metadata."),
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["version", "profile", "openapi_url"],
                                    "properties": {
                                        "version": {"type": "string", "description": "HSDS version of this API."},
                                        "profile": {"type": "string", "format": "uri"},
                                        "openapi_url": {"type": "string", "format": "uri"},
                                    },
                                }
                            }
                        },
                    }
                },
            }
        }
    }
    for path, *rest in ENDPOINTS:
        paths[path] = {"get": _operation(path, *rest)}
    return complete_openapi(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Early care portal: provider registry (Open Referral HSDS 3.0)",
                "version": "3.0",
                "summary": "The published registry of early-care providers in the HSDS 3.0 format.",
                "description": (
                    "Read-only. Lists are paginated (page, per_page) or streamed with format=ndjson. Extension "
                    "parameters (age_months, concern, free, open_now, lat/lon, region, delivery_mode) filter for "
                    "what families need. Data licence: CC BY 4.0. HSDS and its schemas: Open Referral, CC BY-SA 4.0."
                ),
                "license": {"name": "CC BY 4.0 (data)", "url": "https://creativecommons.org/licenses/by/4.0/"},
            },
            "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
            "servers": [{"url": base_url + reverse("hsds:index").rstrip("/")}],
            "paths": paths,
            "components": {
                "schemas": {
                    "Page": {
                        "type": "object",
                        "required": list(PAGE_FIELDS),
                        "properties": {
                            name: {"type": kind, "description": text} for name, (kind, text) in PAGE_FIELDS.items()
                        },
                    },
                    "Error": {
                        "type": "object",
                        "required": ["error", "details"],
                        "properties": {"error": {"type": "string"}, "details": {"type": "array", "items": {}}},
                    },
                }
            },
        }
    )
