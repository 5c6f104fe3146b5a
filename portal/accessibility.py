"""Visually-impaired mode (версия для слабовидящих): a cookie switched by a plain link, no JavaScript."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from portal.cookies import delete_cookie, set_cookie

COOKIE_NAME = "low_vision"
COOKIE_MAX_AGE = 365 * 24 * 3600


def is_low_vision_mode(request):
    return request.COOKIES.get(COOKIE_NAME) == "1"


def toggle_low_vision(request):
    """GET /accessibility/?mode=on|off&next=/path/ — sets the mode and returns to the page."""
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if request.GET.get("mode") == "on":
        set_cookie(response, COOKIE_NAME, "1", max_age=COOKIE_MAX_AGE)
    else:
        delete_cookie(response, COOKIE_NAME)
    return response
