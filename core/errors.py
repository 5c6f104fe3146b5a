"""Error answers that never fail themselves: Russian pages (JSON `{"error", "details"}` under /api/).

The 400/403/413/414/429/503 pages and the 500 page are rendered without context processors and without the
request: they must work when the Host header is forged, the body unreadable or the database down.
"""

import sys

from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext_lazy as _

from core.db_outage import RETRY_AFTER_SECONDS, is_database_unavailable

API_PREFIX = "/api/"

PROBLEMS = {
    400: (
        _("The request could not be read"),
        _("The browser sent something the site does not understand. Go back, reload the page and try again."),
    ),
    403: (
        _("Access denied"),
        _("You cannot open this page. If you followed a link on the site, go back and try again."),
    ),
    404: (
        _("Page not found"),
        _("The address may contain a typo, or the page has moved."),
    ),
    405: (
        _("This action is not available"),
        _("This address cannot be used this way. Open the page by its link and use its buttons and forms."),
    ),
    413: (
        _("The message is too long"),
        _("The form or file you sent is larger than the site accepts. Shorten the text or choose a smaller file."),
    ),
    414: (
        _("The address is too long"),
        _("The page address is far longer than any address on this site. Check the link or start from the home page."),
    ),
    429: (
        _("Too many requests"),
        _("You have sent many requests in a short time. Please wait a few minutes and try again."),
    ),
    503: (
        _("The site is temporarily unavailable"),
        _("We are restoring the connection to our database. Please reload the page in a minute."),
    ),
}
CSRF_PROBLEM = (
    _("The form has expired"),
    _(
        "The form was open too long or was sent from another site. Go back, reload the page and send the form "
        "again. If it happens again, make sure your browser accepts cookies from this site."
    ),
)


def is_api(request):
    return (getattr(request, "path_info", "") or "").startswith(API_PREFIX)


def problem(request, status, title=None, message=None, retry_after=None):
    """The answer for a request the site refuses: status, a title and what the reader can do."""
    default_title, default_message = PROBLEMS.get(status, PROBLEMS[400])
    title, message = title or default_title, message or default_message
    if is_api(request):
        response = JsonResponse({"error": str(title), "details": [str(message)]}, status=status)
    else:
        html = loader.render_to_string("errors/problem.html", {"title": title, "message": message, "status": status})
        response = HttpResponse(html, status=status)
    if retry_after:
        response["Retry-After"] = str(int(retry_after))
    return response


def api_problem(status, title, details):
    """A JSON error of the API with structured details ([{"parameter", "message"}])."""
    return JsonResponse({"error": str(title), "details": details}, status=status)


def bad_request(request, exception=None):
    return problem(request, 400)


def permission_denied(request, exception=None):
    return problem(request, 403)


def csrf_failure(request, reason=""):
    return problem(request, 403, *CSRF_PROBLEM)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """handler500. Django calls it while it handles the exception: a database that stopped answering is a 503
    the client may retry (JSON under /api/), anything else the 500 page."""
    if is_database_unavailable(sys.exc_info()[1]):
        return problem(request, 503, retry_after=RETRY_AFTER_SECONDS)
    # Rendered without context processors: they may query the database that just failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
