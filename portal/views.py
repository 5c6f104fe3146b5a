from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.canonical import canonical_base_url
from portal.db_outage import RETRY_AFTER_SECONDS
from providers_map.finder.backends import status as finder_status
from search.client import search_status


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: 200 while the database answers; search is reported, not fatal."""
    database = {"vendor": connection.vendor}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database["status"] = "ok"
    except Exception as exc:  # any driver error means the database is not answering
        database.update(status="error", error=exc.__class__.__name__)
    healthy = database["status"] == "ok"
    body = {
        "status": "ok" if healthy else "error",
        "database": database,
        "search": search_status(),
        "finder": finder_status(),  # which backend answers /providers/ and /api/v1/providers (and why)
    }
    response = JsonResponse(body, status=200 if healthy else 503)
    if not healthy:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /low-vision/",
        f"Sitemap: {canonical_base_url(request)}/sitemap.xml",
    ]
    if getattr(settings, "ROBOTS_DISALLOW_ALL", False):
        lines.insert(1, "Disallow: /")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


STARTED = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _parse_moment(value):
    try:
        moment = parse_datetime(value)
        if moment is None and parse_date(value):
            moment = datetime.combine(parse_date(value), datetime.min.time())
    except ValueError:
        return None
    return moment


def security_txt_expires():
    """PORTAL_SECURITY_EXPIRES (a date or date-time), else a year after the day the process started."""
    moment = _parse_moment(settings.PORTAL_SECURITY_EXPIRES) if settings.PORTAL_SECURITY_EXPIRES else None
    if moment is None:
        moment = STARTED + timedelta(days=365)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@require_GET
def security_txt(request):
    """/.well-known/security.txt (RFC 9116) from settings; 404 while no contact is configured."""
    if not settings.PORTAL_SECURITY_CONTACT:
        raise Http404("No security contact configured.")
    lines = [f"Contact: {contact}" for contact in settings.PORTAL_SECURITY_CONTACT]
    lines.append(f"Expires: {security_txt_expires()}")
    lines.append("Preferred-Languages: ru, en")
    lines.append(f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}")
    if settings.PORTAL_SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.PORTAL_SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
