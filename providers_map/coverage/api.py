"""/api/v1/coverage…: the coverage figures (GUIDE §2 shapes), a region's localities, and the map's layer.

Answers are built from the stored figures once per computation and kept as bytes in the cache. Unknown, repeated
or unreadable parameters answer 400 `{"error", "details": [{"parameter", "message"}]}`.
"""

import re

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

import orjson
from ninja import Field, Query, Router, Schema

from core.api import ApiError
from core.api_openapi import answer
from core.models import Region, ServiceType

from .api_schemas import COVERAGE, LOCALITIES, MAP, MAP_FIELDS
from .exports import locality_json
from .measures import METHOD_VERSION, band_of
from .models import CoverageSnapshot, LocalityCoverage

router = Router(tags=["coverage"])
REGION_CODE = re.compile(r"^[0-9]{2}$")
SERVICE_CODE = re.compile(r"^[a-z0-9-]{1,100}$")
CACHE_SECONDS = 3600


class LocalitiesParams(Schema):
    region: str = Field(..., description="Federal subject code, e.g. `54`.")


class MapParams(Schema):
    region: str | None = Field(None, description="Federal subject code; without it, every locality.")
    service: str | None = Field(None, description="Service type code: bands by that service's distance.")


def _latest():
    """The latest snapshot without its figures (they are read only when an answer is built)."""
    return CoverageSnapshot.objects.order_by("-day").defer("figures").first()


def _detail(parameter, message):
    return {"parameter": str(parameter)[:60], "message": message}


def _read(request, allowed):
    values, errors = {}, []
    for name in request.GET:
        given = request.GET.getlist(name)
        if name not in allowed:
            errors.append(_detail(name, _("Unknown parameter.")))
        elif len(given) > 1:
            errors.append(_detail(name, _("Give this parameter once.")))
        else:
            values[name] = given[0]
    return values, errors


def _region(values, errors, required):
    code = values.get("region")
    if code is None:
        if required:
            errors.append(_detail("region", _("The federal subject's code is required, e.g. 54.")))
        return None
    if not REGION_CODE.match(code):
        errors.append(_detail("region", _("A federal subject's code is two digits, e.g. 54.")))
        return None
    region = Region.objects.filter(code=code).values("code", "name").first()
    if region is None:
        errors.append(_detail("region", _("There is no federal subject with this code.")))
    return region


def _raise(errors):
    if errors:
        raise ApiError(_("Invalid request parameters."), errors)


def _stamp(snapshot):
    return {
        "computed_at": snapshot.computed_at.isoformat() if snapshot else None,
        "method_version": snapshot.method_version if snapshot else METHOD_VERSION,
    }


def _cached(key, snapshot, build):
    """The answer's bytes: built once per computation (the key carries its time)."""
    key = f"coverage:api:{key}:{snapshot.pk if snapshot else 0}:{snapshot.computed_at.timestamp() if snapshot else 0}"
    body = cache.get(key)
    if body is None:
        body = orjson.dumps(build())
        cache.set(key, body, CACHE_SECONDS)
    return HttpResponse(body, content_type="application/json")


@router.get(
    "",
    summary="Coverage by federal subject",
    url_name="coverage",
    operation_id="providers_map_coverage_api_coverage",
    openapi_extra=answer(COVERAGE, "People by straight-line distance to the nearest early-care service, per region."),
)
def coverage(request):
    """Every region's population and children in distance bands (`0-10`, `10-30`, `30-60`, `60+` km to the nearest
    published location offering early care for children up to three), per service type too, with services per
    10 000 children, the ownership split, entries not verified for 12 months and searches without results.
    `regions` is empty until the first computation."""
    _values, errors = _read(request, set())
    _raise(errors)
    snapshot = _latest()

    def build():
        if snapshot is None:
            return {**_stamp(None), "bands_km": [], "national": None, "regions": []}
        figures = snapshot.figures
        return {
            **_stamp(snapshot),
            "bands_km": figures["bands_km"],
            "children_estimate": figures["children_estimate"],
            "service_types": figures["service_types"],
            "national": figures["national"],
            "regions": figures["regions"],
        }

    return _cached("regions", snapshot, build)


@router.get(
    "/localities",
    summary="A region's localities",
    url_name="coverage_localities",
    operation_id="providers_map_coverage_api_coverage_localities",
    openapi_extra=answer(LOCALITIES, "The region's gazetteer localities, biggest first."),
)
def localities(request, params: Query[LocalitiesParams]):
    """Every gazetteer locality of the region with its population, the straight-line distance to the nearest
    service (`nearest`; `nearest_services` lists up to three organisations beyond 30 km) and per service type."""
    values, errors = _read(request, {"region"})
    region = _region(values, errors, required=True)
    _raise(errors)
    snapshot = _latest()

    def build():
        rows = LocalityCoverage.objects.filter(region_code=region["code"]).order_by("-population", "name")
        return {**_stamp(snapshot), "region": region, "results": [locality_json(row) for row in rows]}

    return _cached(f"localities:{region['code']}", snapshot, build)


@router.get(
    "/map",
    summary="Localities for the coverage map",
    url_name="coverage_map",
    operation_id="providers_map_coverage_api_coverage_map",
    openapi_extra=answer(MAP, "A compact table of localities: one array per locality."),
)
def coverage_map(request, params: Query[MapParams]):
    """Each locality's point, population, band and distance (for one service type with `service`), as compact
    rows for the map of «Доступность ранней помощи»."""
    values, errors = _read(request, {"region", "service"})
    region = _region(values, errors, required=False)
    service = values.get("service", "")
    if service and not SERVICE_CODE.match(service):
        errors.append(_detail("service", _("A service type code is Latin letters, digits and hyphens.")))
    elif service and not ServiceType.objects.filter(slug=service).exists():
        errors.append(_detail("service", _("There is no such service type.")))
    _raise(errors)
    snapshot = _latest()
    code = region["code"] if region else ""

    def build():
        rows = LocalityCoverage.objects.order_by("-population", "name")
        if code:
            rows = rows.filter(region_code=code)
        fields = ("latitude", "longitude", "population", "band", "distance_km", "name", "by_service")
        table = []
        for lat, lon, population, band, distance, name, by_service in rows.values_list(*fields).iterator(2000):
            if service:
                distance = by_service.get(service)
                band = band_of(distance)
            table.append([lat, lon, population, band, distance, name])
        return {**_stamp(snapshot), "service": service, "fields": MAP_FIELDS, "rows": table}

    return _cached(f"map:{code}:{service}", snapshot, build)
