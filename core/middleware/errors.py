"""Bare error answers become the portal's own: a Russian page, or JSON `{"error", "details"}` under /api/.

Django and libraries answer some refusals with an empty body or English text (`require_GET`'s 405, a 400
from a decorator, django-ninja's 405). Any 4xx response that is not already an HTML page or JSON is replaced
by `core.errors.problem()` for its status; headers that matter to clients (Allow, Retry-After) are kept.
Under /api/ every error is JSON; a JSON error anywhere is kept as it is.
"""

from core import errors

KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Content-Range")


def _is_json(response):
    return response.get("Content-Type", "").split(";", 1)[0].strip().lower().endswith("json")


def _is_html(response):
    return response.get("Content-Type", "").split(";", 1)[0].strip().lower() == "text/html"


def needs_replacing(request, response):
    if not 400 <= response.status_code < 500 or response.streaming or _is_json(response):
        return False  # JSON errors are deliberate (the API's, the admin's own endpoints)
    if errors.is_api(request):
        return True
    return not (_is_html(response) and response.content.strip())


class FriendlyErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not needs_replacing(request, response):
            return response
        friendly = errors.problem(request, response.status_code)
        for header in KEPT_HEADERS:
            if response.has_header(header):
                friendly[header] = response[header]
        for morsel in response.cookies.values():
            friendly.cookies[morsel.key] = morsel
        return friendly
