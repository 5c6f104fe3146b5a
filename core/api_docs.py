"""The readable documentation of the public APIs at /api/v1/docs, built from their OpenAPI documents.

Each API is read from its own OpenAPI URL (resolved in-process, not over the network), so the page always
lists every operation and parameter the code has, including endpoints apps add later. Descriptions are
shown in Russian when the catalogue has them (they are marked with gettext_noop where they are written).
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.shortcuts import render
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from core.api_http import api_limit

# (anchor, title, URL name of the OpenAPI document)
APIS = [
    ("v1", gettext_lazy("Portal API (/api/v1/)"), "api-v1:openapi-json"),
    ("hsds", gettext_lazy("Provider registry in Open Referral HSDS 3.0 (/api/hsds/)"), "hsds:openapi"),
]
SHARED_HEADERS = {"if-none-match", "if-modified-since"}
EXTENSION = "Extension: "  # how parameter descriptions mark what the portal adds to a standard


def _document(request, url):
    """The OpenAPI document served at `url`, produced by its view without a network round trip."""
    match = resolve(url)
    sub = HttpRequest()
    sub.method = "GET"
    sub.META = {**request.META, "QUERY_STRING": ""}
    sub.GET = QueryDict()
    sub.path = sub.path_info = url
    response = match.func(sub, *match.args, **match.kwargs)
    return json.loads(response.content)


def _resolve(document, node):
    while isinstance(node, dict) and "$ref" in node and node["$ref"].startswith("#/"):
        for part in node["$ref"][2:].split("/"):
            document = document.get(part, {}) if isinstance(document, dict) else {}
        node = document
    return node


def _type_text(schema):
    options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
    schema = {**schema, **(options[0] if options else {})}
    kind = schema.get("type", "string")
    text = {"integer": _("integer"), "number": _("number"), "boolean": _("true or false"), "array": _("list")}.get(
        kind, _("text")
    )
    if schema.get("format") == "date-time":
        text = _("date and time (ISO 8601)")
    if "enum" in schema:
        text = _("one of: %(values)s") % {"values": ", ".join(str(v) for v in schema["enum"])}
    limits = [str(schema[key]) if key in schema else "" for key in ("minimum", "maximum")]
    if any(limits):
        text += f" ({limits[0] or '…'}–{limits[1] or '…'})"
    if schema.get("default") not in (None, "", []):
        text += "; " + _("default %(value)s") % {"value": json.dumps(schema["default"], ensure_ascii=False)}
    return text


def operations(document):
    """What the template shows for each GET operation of an OpenAPI document."""
    found = []
    base = urlsplit(document["servers"][0].get("url", "")).path.rstrip("/") if document.get("servers") else ""
    for path, item in document.get("paths", {}).items():
        operation = item.get("get")
        if not operation:
            continue
        parameters = []
        for parameter in (
            _resolve(document, p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]
        ):
            if parameter.get("in") == "header" and parameter.get("name", "").lower() in SHARED_HEADERS:
                continue
            original = parameter.get("description", "")
            extension = original.startswith(EXTENSION)
            # The Russian catalogue drops the prefix (the table says "extension"); untranslated text loses it here.
            description = _(original).removeprefix(EXTENSION) if original else ""
            parameters.append(
                {
                    "name": parameter.get("name"),
                    "where": parameter.get("in"),
                    "required": parameter.get("required", False),
                    "type": _type_text(_resolve(document, parameter.get("schema", {}))),
                    "description": description,
                    "extension": extension,
                }
            )
        responses = [
            {"code": code, "description": _(response.get("description", ""))}
            for code, response in sorted(operation.get("responses", {}).items())
        ]
        summary = operation.get("summary", "")
        found.append(
            {
                "path": path if path.startswith(base + "/") else base + path,
                "summary": _(summary) if summary else "",
                "description": _(operation["description"]) if operation.get("description") else "",
                "parameters": parameters,
                "responses": responses,
                "anchor": operation.get("operationId", path),
            }
        )
    return found


@require_safe
def api_docs(request):
    apis = []
    for anchor, title, url_name in APIS:
        url = reverse(url_name)
        apis.append(
            {"anchor": anchor, "title": title, "openapi_url": url, "operations": operations(_document(request, url))}
        )
    limit = api_limit()
    context = {
        "apis": apis,
        "rate_limit": limit.limit,
        "rate_window": limit.window,
        "cache_seconds": settings.API_CACHE_SECONDS,
    }
    return render(request, "core/api_docs.html", context)
