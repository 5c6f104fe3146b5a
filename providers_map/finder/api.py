"""/api/v1/providers…: the finder's data for the map, lists sorted by distance, one provider, place names.

Every endpoint reads its parameters with the finder's one reader (finder/params.py): unknown parameters and
unreadable values answer 400 `{"error", "details": [{"parameter", "message"}]}`. Results come from
Elasticsearch, or from the database when it is absent or failing (the `backend` member and /healthz say which).
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ninja import Field, Query, Router, Schema

from core.api import ApiError
from core.api_openapi import answer
from providers_map.finder import mapdata
from providers_map.finder.api_schemas import DETAIL, LIST, MAP, PLACES
from providers_map.finder.listing import find
from providers_map.finder.params import LIST_PARAMS, MAP_PARAMS, read_params
from providers_map.finder.serialize import card_json, organisation_json, place_json, suggestion_json
from providers_map.gazetteer.phrases import suggest
from providers_map.models import Organisation

router = Router(tags=["providers"])
PLACE_QUERY_MAX = 120


class Filters(Schema):
    """The finder's filters; every one is optional and they combine with AND."""

    q: str | None = Field(None, description="Words to find in names, descriptions, localities and services.")
    service: str | None = Field(None, description="Service type code, e.g. `communication`.")
    concern: str | None = Field(
        None,
        description="Developmental concern code, e.g. `speech`. Services naming it come first, then services "
        "that accept any child (`concern_match`: `named` / `any_child`).",
    )
    language: str | None = Field(None, description="Language code, e.g. `russian-sign`.")
    age: str | None = Field(
        None, description="The child's age: months (`18`), words (`1 год 6 месяцев`) or a band (`12-24m`)."
    )
    ownership: str | None = Field(None, description="`state`, `municipal`, `nonprofit` or `commercial`.")
    region: str | None = Field(None, description="Federal subject code, e.g. `54`.")
    free: str | None = Field(None, description="`1`: free of charge or partly free.")
    home: str | None = Field(None, description="`1`: home visits.")
    remote: str | None = Field(None, description="`1`: remote consultations.")
    open_now: str | None = Field(None, description="`1`: open now, in each branch's local time.")
    step_free: str | None = Field(None, description="`1`: step-free entrance.")
    where: str | None = Field(None, description="A locality or region in any grammatical case, e.g. `в Бердске`.")
    near: str | None = Field(None, description="`lat,lon` to measure distances from (sorts by distance).")
    radius_km: str | None = Field(None, description="Only within this many km of `near`/`where` (1–1000).")
    bbox: str | None = Field(None, description="`minLon,minLat,maxLon,maxLat` (WGS84).")


class ListParams(Filters):
    page: str | None = Field(None, description="Page number, from 1.")
    page_size: str | None = Field(None, description="Results per page, 1–100 (default 20).")


class MapParams(Filters):
    zoom: str = Field(..., description="The map's zoom level, 0–20.")


def _params(request, allowed):
    params = read_params(request.GET, api=True, allowed=allowed, now=timezone.now())
    if params.errors:
        raise ApiError(_("Invalid request parameters."), params.errors)
    return params


@router.get(
    "/map",
    summary="Providers on the map (GeoJSON)",
    url_name="providers_map",
    openapi_extra=answer(MAP, "A GeoJSON FeatureCollection.", "application/geo+json"),
    operation_id="providers_map_api_providers_map",
)
def providers_map(request, filters: Query[MapParams]):
    """A GeoJSON FeatureCollection of the matching locations inside `bbox`: clusters (`properties.cluster`,
    `properties.count`, `bbox` of their points) while many are in view, single locations (`id`, `name`, `url`)
    from zoom 10 on when at most 150 are. `total` = all matching locations in the box."""
    params = _params(request, MAP_PARAMS)
    if params.query.bbox is None:
        raise ApiError(
            _("Invalid request parameters."), [{"parameter": "bbox", "message": _("The map area is required.")}]
        )
    collection, backend = mapdata.map_collection(params.query, params.zoom)
    response = HttpResponse(mapdata.dumps(collection), content_type="application/geo+json; charset=utf-8")
    response["X-Finder-Backend"] = backend
    return response


@router.get(
    "",
    summary="Providers list, nearest first",
    url_name="providers_list",
    openapi_extra=answer(LIST, "A page of matching locations."),
    operation_id="providers_map_api_providers_list",
)
def providers_list(request, filters: Query[ListParams]):
    """Matching locations with their organisation, 20 a page. With `near` or `where` (a locality) the list is
    sorted by distance and every result has `distance_km`; otherwise by name."""
    params = _params(request, LIST_PARAMS)
    result = find(params, with_facets=False)
    return {
        "count": result.total,
        "page": result.page.number,
        "pages": result.page.paginator.num_pages,
        "page_size": result.page.paginator.per_page,
        "place": place_json(params.place),
        "concern": (
            {"named": result.named_total, "any_child": result.total - result.named_total}
            if result.named_total is not None
            else None
        ),
        "backend": result.backend,
        "results": [card_json(card) for card in result.cards],
    }


@router.get(
    "/places",
    summary="Place names for «Где вы?»",
    url_name="providers_places",
    openapi_extra=answer(PLACES, "Places that match, best first."),
    operation_id="providers_map_api_places",
)
def places(request, q: str = Query(..., description="What the visitor typed, e.g. `в Бердске`.")):
    """Localities and federal subjects from the offline gazetteer, best first; inflected forms are understood."""
    unknown = [name for name in request.GET if name != "q"]
    text = " ".join(q.split())
    if unknown:
        raise ApiError(
            _("Invalid request parameters."), [{"parameter": n, "message": _("Unknown parameter.")} for n in unknown]
        )
    if not text or len(text) > PLACE_QUERY_MAX:
        raise ApiError(
            _("Invalid request parameters."), [{"parameter": "q", "message": _("Type 1 to 120 characters.")}]
        )
    return {"results": [suggestion_json(item) for item in suggest(text, limit=8)]}


@router.get(
    "/{int:provider_id}",
    summary="One provider",
    url_name="providers_detail",
    openapi_extra=answer(DETAIL, "The provider."),
    operation_id="providers_map_api_provider_detail",
)
def provider_detail(request, provider_id: int):
    """A published organisation with its locations (hours, open now) and services."""
    if request.GET:
        raise ApiError(
            _("Invalid request parameters."),
            [{"parameter": n, "message": _("Unknown parameter.")} for n in request.GET],
        )
    organisation = Organisation.objects.public().with_entries().filter(pk=provider_id).first()
    if organisation is None:
        raise ApiError(_("No such provider."), [str(provider_id)], status=404)
    return organisation_json(organisation, timezone.now())
