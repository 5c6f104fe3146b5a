"""The public JSON API under /api/v1/: one django-ninja instance shared by the apps.

Every error answers with the same body, `{"error": "...", "details": [...]}`: 400 for bad parameters (never
ninja's default 422), 404 for unknown objects and paths. Apps add their routers in `portal/urls.py`.
"""

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from core.api_openapi import complete as complete_openapi

API_TITLE = "Early care portal API"
API_VERSION = "1"


class ApiError(Exception):
    """Raise from an endpoint to answer `{"error": message, "details": details}` with `status`."""

    def __init__(self, message, details=None, status=400):
        super().__init__(message)
        self.message, self.details, self.status = str(message), list(details or []), status


def error_response(message, details=(), status=400):
    return JsonResponse({"error": str(message), "details": list(details)}, status=status)


def _validation_details(errors):
    details = []
    for error in errors:
        loc = tuple(error.get("loc", ()))
        if loc[:1] == ("query",) and len(loc) > 1:
            # A query string is flat: the parameter is the last name (not the operation's argument that holds
            # a Query schema, which ninja puts before names it does not know, e.g. an unknown parameter).
            location = [str(next(part for part in reversed(loc) if isinstance(part, str)))]
        else:
            location = [str(part) for part in loc if part not in ("query", "path", "body")]
        details.append({"parameter": ".".join(location), "message": error.get("msg", "")})
    return details


class PortalApi(NinjaAPI):
    """The shared instance; its OpenAPI document also describes what every endpoint shares (api_openapi)."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return complete_openapi(document)


class ApiIndex(Schema):
    name: str
    version: str
    openapi: str = Field(description="This API's OpenAPI document.")
    documentation: str = Field(description="The readable documentation page.")
    hsds: str = Field(description="The registry as Open Referral HSDS 3.0 (its own API).")


api = PortalApi(
    title=API_TITLE,
    version=API_VERSION,
    description="Public, read-only data of the early-care portal: search, providers, open data.",
    urls_namespace="api-v1",
    docs_url=None,  # the readable documentation page is core.api_docs at /api/v1/docs
)


@api.exception_handler(ValidationError)
def _on_validation_error(request, exc):
    return error_response(_("Invalid request parameters."), _validation_details(exc.errors))


@api.exception_handler(ApiError)
def _on_api_error(request, exc):
    return error_response(exc.message, exc.details, exc.status)


@api.exception_handler(HttpError)
def _on_http_error(request, exc):
    return error_response(exc.message if hasattr(exc, "message") else str(exc), [], exc.status_code)


@api.exception_handler(AuthenticationError)
def _on_auth_error(request, exc):
    return error_response(_("Authentication required."), [], 401)


@api.get("/", response=ApiIndex, summary="API index", tags=["meta"], operation_id="portal_api_api_index")
def api_index(request):
    """Where the API's description and documentation live."""
    return {
        "name": API_TITLE,
        "version": API_VERSION,
        "openapi": request.build_absolute_uri("openapi.json"),
        "documentation": request.build_absolute_uri(reverse("api_docs")),
        "hsds": request.build_absolute_uri(reverse("hsds:index")),
    }


def not_found(request, rest=""):
    """Any unknown path under /api/: a JSON 404 instead of the site's HTML page."""
    return error_response(_("No such API endpoint."), [request.path[:200]], 404)
