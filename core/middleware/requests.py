"""Malformed requests end here with a kind answer (a Russian page, or JSON under /api/), never a 500.

Runs before anything reads the request: the URL's length, the Content-Length header and, for form posts, the
body itself (parsed once here, inside a guard, so that the CSRF middleware and the views later read the
parsed form instead of failing on an undecodable or oversized body with Django's bare 400).
"""

import logging
import re
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError

from core import errors

logger = logging.getLogger("core.requests")

DIGITS = re.compile(r"\d{1,18}")
# Python refuses int() of more than 4 300 digits (a ValueError deep in a view or Wagtail's document view):
# no accepted URL may be that long, whatever PORTAL_MAX_URL_LENGTH says.
INT_DIGITS_LIMIT = 4300
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# The site's pages and forms use these; the JSON API (/api/) and the admin answer other methods themselves.
SITE_METHODS = ("GET", "HEAD", "POST")
OWN_METHOD_PREFIXES = ("/api/", "/admin/")


def longest_parameter(request):
    """{"parameter", "message"} naming the longest part of an overlong API address."""
    query = request.META.get("QUERY_STRING", "")
    pairs = query.split("&") if query else []
    longest = max(pairs, key=len, default="")
    if len(longest) < len(request.META.get("PATH_INFO", "")):
        name = "path"
    else:
        name = unquote_plus(longest.split("=", 1)[0])[:100]
    return {"parameter": name, "message": str(errors.PROBLEMS[414][1])}


class RequestSanityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.check(request)
        if problem is not None:
            return problem
        return self.get_response(request)

    def check(self, request):
        url_length = len(request.META.get("PATH_INFO", "")) + len(request.META.get("QUERY_STRING", ""))
        if url_length > min(settings.PORTAL_MAX_URL_LENGTH, INT_DIGITS_LIMIT):
            if errors.is_api(request):
                # The API's contract: every unreadable parameter, an overlong one included, is a 400 in JSON.
                return errors.api_problem(400, errors.PROBLEMS[414][0], [longest_parameter(request)])
            return errors.problem(request, 414)
        if "\x00" in request.path_info or any(
            "\x00" in value for key, value in request.META.items() if key.startswith("HTTP_") and isinstance(value, str)
        ):
            return errors.problem(
                request, 400
            )  # NUL is no character of a URL or a header (RFC 9110), nor of a database text
        if request.method not in SITE_METHODS and not request.path_info.startswith(OWN_METHOD_PREFIXES):
            response = errors.problem(request, 405)
            response["Allow"] = ", ".join(SITE_METHODS)
            return response
        content_length = request.META.get("CONTENT_LENGTH", "")
        if content_length and not DIGITS.fullmatch(content_length.strip()):
            return errors.problem(request, 400)
        if request.method in BODY_METHODS and request.content_type in FORM_TYPES:
            return self.parse_form(request)
        return None

    def parse_form(self, request):
        try:
            request.POST  # noqa: B018 (parses the body once, here)
            request.FILES  # noqa: B018
        except RequestDataTooBig:
            logger.info("Request body too large: %s %s", request.method, request.path[:200])
            return errors.problem(request, 413)
        except (
            BadRequest,
            SuspiciousOperation,
            MultiPartParserError,
            UnreadablePostError,
            UnicodeDecodeError,
            LookupError,
            ValueError,
        ) as exc:
            logger.info("Unreadable form body (%s): %s %s", exc.__class__.__name__, request.method, request.path[:200])
            return errors.problem(request, 400)
        return None
