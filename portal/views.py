from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.canonical import canonical_base_url
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
    body = {"status": "ok" if healthy else "error", "database": database, "search": search_status()}
    return JsonResponse(body, status=200 if healthy else 503)


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
