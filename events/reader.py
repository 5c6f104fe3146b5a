"""The reader's region: picked in the region filter and remembered in a cookie (the home page puts its events
first; times of online events are shown in its zone). Only a federal subject's code is kept, nothing else."""

from core.cookies import set_cookie
from core.regions import FEDERAL_SUBJECTS, region_timezone

COOKIE = "reader_region"
CODES = {code for code, _name, _district in FEDERAL_SUBJECTS}
MAX_AGE = 365 * 24 * 3600


def reader_region(request, picked=""):
    """The region the reader picked now, or the one remembered; "" when unknown."""
    if picked in CODES:
        return picked
    remembered = request.COOKIES.get(COOKIE, "") if request is not None else ""
    return remembered if remembered in CODES else ""


def reader_zone(code):
    return str(region_timezone(code)) if code else ""


def remember_region(request, response):
    picked = request.GET.get("region", "")
    if picked in CODES and request.COOKIES.get(COOKIE) != picked and response.status_code == 200:
        set_cookie(response, COOKIE, picked, max_age=MAX_AGE)
    return response
