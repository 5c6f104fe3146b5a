from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core import health
from core.db_outage import RETRY_AFTER_SECONDS


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: 200 while the database answers; each app's registered check is reported."""
    database = {"vendor": connection.vendor}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database["status"] = "ok"
    except Exception as exc:  # any driver error means the database is not answering
        database.update(status="error", error=exc.__class__.__name__)
    healthy = database["status"] == "ok"
    body = {"status": "ok" if healthy else "error", "database": database, **health.reports()}
    response = JsonResponse(body, status=200 if healthy else 503)
    if not healthy:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
