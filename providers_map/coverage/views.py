"""«Доступность ранней помощи»: /coverage/ (the country by region), /coverage/<code>/ (a region) and the open-data
files. Server-rendered and complete without JavaScript: the table is the content, sorted by links; the map is
drawn over it by static/js/coverage-map.js from the API. Nothing here computes: pages read the stored figures."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from providers_map.mapconfig import tiles

from . import exports, presentation
from .measures import BAND_NAMES, METHOD_VERSION

# Blue (near) to red (far), told apart also with colour-blindness (ColorBrewer RdYlBu); the legend names each.
BAND_COLOURS = dict(zip(BAND_NAMES, ("#2c7bb6", "#abd9e9", "#fdae61", "#d7191c"), strict=True))


def map_config(region_code="", service=""):
    return {
        **tiles(),
        "layer": reverse("api-v1:coverage_map"),
        "region": region_code,
        "service": service,
        "bands": list(BAND_NAMES),
        "colours": BAND_COLOURS,
        "labels": {
            "region": _("Map of localities by distance to early care"),
            "people": _("people"),
            "km": _("km to the nearest service"),
            "noService": _("no service found"),
            "bands": {name: str(label) for name, label in presentation.BAND_LABELS.items()},
            "failed": _("The map could not load the localities. The table below has every figure."),
            "tilesFailed": _("The map background did not load; the circles and the table still work."),
        },
    }


def legend():
    return [
        {"band": name, "label": label, "colour": BAND_COLOURS[name]} for name, label in presentation.BAND_LABELS.items()
    ]


def index_context(query, region_url):
    """The national page's context (public and admin): summary, trend, the table as sorted, the map's settings."""
    snapshot = presentation.current()
    if snapshot is None:
        return {"snapshot": None, "method_version": METHOD_VERSION}, 200
    figures = snapshot.figures
    service_types = figures.get("service_types", [])
    params = presentation.read_table_params(query, {item["slug"] for item in service_types})
    base = presentation.trend_base(snapshot)
    national = figures["national"]
    context = {
        "snapshot": snapshot,
        "figures": figures,
        "national": national,
        "estimate": figures["children_estimate"],
        "bands": presentation.band_rows(national),
        "trend": presentation.trend(national, base, service=params.service),
        "params": params,
        "service_types": service_types,
        "service_name": next((item["name"] for item in service_types if item["slug"] == params.service), ""),
        "headers": presentation.headers(params, {"service": params.service}),
        "rows": presentation.table(snapshot, base, params, region_url),
        "map_config": map_config(service=params.service),
        "legend": legend(),
        "downloads": exports.FILES,
        "method_version": snapshot.method_version,
    }
    return context, 400 if params.errors else 200


def region_context(code):
    snapshot = presentation.current()
    if snapshot is None:
        raise Http404
    page = presentation.region_page(snapshot, presentation.trend_base(snapshot), code)
    if page is None:
        raise Http404
    return {
        "snapshot": snapshot,
        "estimate": snapshot.figures["children_estimate"],
        "region": page["figures"],
        "page": page,
        "map_config": map_config(region_code=code),
        "legend": legend(),
        "method_version": snapshot.method_version,
    }


def public_region_url(code):
    return reverse("coverage:region", args=[code])


@require_safe
def index(request):
    context, status = index_context(request.GET, public_region_url)
    return render(request, "providers_map/coverage/index.html", context, status=status)


@require_safe
def region(request, code):
    return render(request, "providers_map/coverage/region.html", region_context(code))


@require_safe
def download(request, name):
    if name not in exports.FILES:
        raise Http404
    snapshot = presentation.current()
    if snapshot is None:
        raise Http404
    content_type, data = exports.build(name, snapshot)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
