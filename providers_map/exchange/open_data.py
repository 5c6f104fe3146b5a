"""Public open-data downloads of the published registry: /providers/open-data/ and registry.<format>."""

from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.canonical import canonical_base_url
from providers_map.exchange import exporting
from providers_map.exchange.exporting.hsds_package import export_hsds_zip
from providers_map.exchange.hsds import guide as hsds_guide
from providers_map.exchange.hsds.vocabulary import Vocabulary
from providers_map.exchange.importing.columns import COLUMNS
from providers_map.models import Location, Organisation

DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", exporting.export_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exporting.export_xlsx),
    "geojson": ("application/geo+json", exporting.export_geojson),
    # Open Referral HSDS 3.0 tabular data package: a CSV per table and datapackage.json (importable back).
    "zip": ("application/zip", lambda: export_hsds_zip(canonical_base_url())),
}
CACHE_SECONDS = 3600


def registry_state():
    """(number of published organisations, their latest update): changes whenever the export would."""
    public = Organisation.objects.public()
    return public.count(), public.aggregate(latest=Max("updated_at"))["latest"]


@require_GET
def open_data(request):
    count, latest = registry_state()
    context = {
        "organisation_count": count,
        "location_count": Location.objects.public().count(),
        "last_update": latest,
        "columns": COLUMNS,
        "formats": list(DOWNLOADS),
        "hsds_fields": hsds_guide.FIELD_MAP,
        "hsds_taxonomies": Vocabulary().taxonomies(),
    }
    return render(request, "providers_map/exchange/open_data.html", context)


@require_GET
def download(request, fmt):
    if fmt not in DOWNLOADS:
        raise Http404
    content_type, build = DOWNLOADS[fmt]
    count, latest = registry_state()
    key = f"providers:open-data:{fmt}:{count}:{latest.isoformat() if latest else '-'}"
    data = cache.get(key)
    if data is None:
        data = build()
        cache.set(key, data, CACHE_SECONDS)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="early-care-registry.{fmt}"'
    response["Cache-Control"] = "public, max-age=600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
