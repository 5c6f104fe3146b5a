"""/api/hsds/ as a django-ninja API of its own (beside /api/v1/), with its generated OpenAPI document.

The shared API layer (`core.api_openapi`) completes the document with the error body, conditional requests and
rate-limit headers; `openapi.py` adds the HSDS answers. Only GET and HEAD are served (Django's `require_safe`
in front of every path, answering in the API's JSON error shape); HEAD runs the GET operation and the server
sends no body. Errors answer `{"error", "details"}`: 400 for parameters (never ninja's 422), 404, 405.
"""

import functools

from django.http import HttpResponseNotAllowed
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ninja import NinjaAPI, Query
from ninja.errors import ValidationError

from core.api import ApiError, error_response
from core.api_openapi import complete as complete_openapi
from core.canonical import canonical_base_url

from . import openapi
from . import params as P
from .errors import validation_details
from .listing import json_response
from .views import HSDS_VERSION, router


def read_only(view):
    """Django's `require_safe` before a ninja path view (which routes GET only): HEAD is answered as GET."""

    @require_safe
    def safe(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"  # the same answer as GET; the server drops the body of a HEAD
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = safe(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            response = error_response(_("Only GET and HEAD are allowed."), [request.method[:20]], 405)
            response["Allow"] = "GET, HEAD"
        return response

    return wrapper


class HsdsApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None, server_url=None):
        """Paths relative to the server (/api/hsds), as in the official document; completed like /api/v1/'s."""
        document = super().get_openapi_schema(path_prefix="", path_params=path_params)
        return complete_openapi(openapi.complete(document, server_url or reverse("hsds:index").rstrip("/")))

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            pattern.callback = read_only(pattern.callback)
        return patterns


hsds_api = HsdsApi(
    title="Early care portal: provider registry (Open Referral HSDS 3.0)",
    version=HSDS_VERSION,
    description=openapi.DESCRIPTION,
    urls_namespace="hsds",
    openapi_url=None,  # served below, with this site's canonical address as its server
    docs_url=None,  # the readable documentation is /api/v1/docs
)
hsds_api.add_router("", router)


@hsds_api.exception_handler(ValidationError)
def _on_validation_error(request, exc):
    return error_response(_("Invalid request parameters."), validation_details(exc.errors))


@hsds_api.exception_handler(ApiError)
def _on_api_error(request, exc):
    return error_response(exc.message, exc.details, exc.status)


@hsds_api.get("/openapi.json", include_in_schema=False, url_name="openapi")
def openapi_json(request, params: Query[P.NoParams]):
    """The OpenAPI 3.1 document of /api/hsds/, generated from the operations and their parameter schemas."""
    server = canonical_base_url(request) + reverse("hsds:index").rstrip("/")
    return json_response(hsds_api.get_openapi_schema(server_url=server))
