"""HTTP behaviour every /api/ endpoint shares (/api/v1/ and /api/hsds/), whatever app answers it.

- Per-client rate limit (`API_RATE_LIMIT`, "requests/seconds", default 300/60) kept in Django's cache, so it
  holds across workers when the cache is shared (CACHE_URL). Over the limit: 429 JSON {"error","details"} with
  `Retry-After`. Every answer says `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`.
- Conditional GET: a successful GET/HEAD gets a strong `ETag` (a hash of the body) unless the view set one;
  `If-None-Match` (or `If-Modified-Since` against the view's `Last-Modified`) answers 304 Not Modified.
  Streams (format=ndjson) carry `Last-Modified` only.
- `Cache-Control: public, max-age=API_CACHE_SECONDS` on successful reads, so shared caches may keep them briefly.
CORS (GET/HEAD from any origin) comes from django-cors-headers, configured in settings for the same paths.
"""

from django.conf import settings
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _

from core.api import error_response
from core.ratelimit import RateLimit, client_ip

API_PREFIX = "/api/"
DEFAULT_LIMIT = "300/60"


def api_limit():
    """The RateLimit from the API_RATE_LIMIT setting ("300/60": 300 requests per 60 seconds)."""
    text = str(getattr(settings, "API_RATE_LIMIT", DEFAULT_LIMIT) or DEFAULT_LIMIT)
    requests, _slash, seconds = text.partition("/")
    return RateLimit("api", limit=int(requests), window=int(seconds or 60))


def _limit_headers(response, limit, remaining, reset):
    response["X-RateLimit-Limit"] = str(limit.limit)
    response["X-RateLimit-Remaining"] = str(max(0, remaining))
    response["X-RateLimit-Reset"] = str(reset)


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX) or request.method == "OPTIONS":
            return self.get_response(request)
        limit = api_limit()
        count = limit.hit(client_ip(request))
        reset = limit.retry_after()
        if count > limit.limit:
            response = error_response(
                _("Too many requests: try again in %(seconds)s seconds.") % {"seconds": reset},
                [{"limit": limit.limit, "window_seconds": limit.window, "retry_after": reset}],
                429,
            )
            response["Retry-After"] = str(reset)
            _limit_headers(response, limit, 0, reset)
            return response
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.headers.setdefault("Cache-Control", f"public, max-age={settings.API_CACHE_SECONDS}")
            if not response.streaming:
                if not response.has_header("ETag"):
                    set_response_etag(response)
                last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
                response = get_conditional_response(
                    request, etag=response["ETag"], last_modified=last_modified, response=response
                )
        _limit_headers(response, limit, limit.limit - count, reset)
        return response
