"""/api/hsds/: the HSDS 3.0 API over the published registry (plain JSON views, errors as {error, details}).

Lists answer the HSDS page object (`total_items`, `total_pages`, `page_number`, `size`, `first_page`,
`last_page`, `empty`, `contents`); `format=ndjson` streams every result, one object per line, unpaginated.
"""

import functools
import json
import math

from django.db.models import Max
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _

from core.api import ApiError, error_response
from core.canonical import canonical_base_url
from providers_map.models import Organisation

from . import ids
from . import params as P
from .filters import RegistryFilter, aware, known_region, pair_for_id
from .mapping import Mapper
from .matching import organisation_text_filter
from .nesting import Nester
from .queries import public_locations, public_organisations, public_services
from .vocabulary import TAXONOMIES, Vocabulary

HSDS_VERSION = "3.0"
CHUNK = 100


class Context:
    """What one request shares: canonical links, the vocabulary, the mapper and the nester."""

    def __init__(self, request):
        self.base = canonical_base_url(request)
        self.api_base = self.base + reverse("hsds:index").rstrip("/")
        self.vocabulary = Vocabulary(api_base=self.api_base)
        self.mapper = Mapper(self.base, vocabulary=self.vocabulary)
        self.nester = Nester(self.vocabulary)

    def bundles(self, organisation_ids):
        organisations = public_organisations().filter(pk__in=set(organisation_ids))
        return {organisation.pk: self.mapper.organisation(organisation) for organisation in organisations}


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def registry_last_modified():
    return Organisation.objects.public().aggregate(latest=Max("updated_at"))["latest"]


def endpoint(model, registry=True):
    """GET/HEAD only; parses the query with `model`; ApiError → JSON error; Last-Modified for registry data."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                response = error_response(_("Only GET and HEAD are allowed."), [request.method], 405)
                response["Allow"] = "GET, HEAD"
                return response
            try:
                response = view(request, P.parse(model, request.GET), *args, **kwargs)
            except ApiError as exc:
                return error_response(exc.message, exc.details, exc.status)
            if registry and response.status_code == 200:
                latest = registry_last_modified()
                if latest:
                    response["Last-Modified"] = http_date(latest.timestamp())
            return response

        wrapper.params_model = model
        return wrapper

    return decorate


def not_found(message, identifier):
    return ApiError(message, [str(identifier)[:100]], 404)


def page_of(queryset, params):
    """(rows on the requested page, the HSDS page fields)."""
    total = queryset.count()
    start = (params.page - 1) * params.per_page
    rows = list(queryset[start : start + params.per_page]) if start < total else []
    pages = math.ceil(total / params.per_page)
    meta = {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(rows),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": not rows,
    }
    return rows, meta


def listing(params, queryset, render):
    """A page (or with format=ndjson, a stream of everything) of `queryset` rows, rendered in chunks."""
    if params.format == "ndjson":

        def lines():
            chunk = []
            for row in queryset.iterator(chunk_size=CHUNK * 5):
                chunk.append(row)
                if len(chunk) == CHUNK:
                    yield from (json.dumps(item, ensure_ascii=False) + "\n" for item in render(chunk))
                    chunk = []
            yield from (json.dumps(item, ensure_ascii=False) + "\n" for item in render(chunk))

        return StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")
    rows, meta = page_of(queryset, params)
    return json_response({**meta, "contents": render(rows)})


@endpoint(P.NoParams, registry=False)
def index(request, params):
    """API metadata: the HSDS version, where its profile and OpenAPI description are."""
    base = canonical_base_url(request)
    return json_response(
        {
            "version": HSDS_VERSION,
            "profile": base + reverse("api_docs") + "#hsds",
            "openapi_url": base + reverse("hsds:openapi"),
        }
    )


# Services
@endpoint(P.Services)
def services(request, params):
    ctx = Context(request)
    rows = RegistryFilter(params, ctx.vocabulary).services().values_list("uuid", "organisation_id")

    def render(chunk):
        bundles = ctx.bundles(org for _uuid, org in chunk)
        if params.minimal:
            return [ctx.nester.service_minimal(bundles[org], str(uuid)) for uuid, org in chunk]
        if params.full:
            return [ctx.nester.service(bundles[org], str(uuid)) for uuid, org in chunk]
        return [ctx.nester.service_list_item(bundles[org], str(uuid)) for uuid, org in chunk]

    return listing(params, rows, render)


@endpoint(P.NoParams)
def service(request, params, id):
    value = ids.as_uuid(id)
    found = public_services().filter(uuid=value).values_list("organisation_id", flat=True).first() if value else None
    if found is None:
        raise not_found(_("No such service."), id)
    ctx = Context(request)
    return json_response(ctx.nester.service(ctx.bundles([found])[found], str(value)))


# Services at locations
@endpoint(P.ServiceAtLocations)
def service_at_locations(request, params):
    ctx = Context(request)
    rows = RegistryFilter(params, ctx.vocabulary).pairs().values_list("uuid", "service_uuid", "organisation_id")

    def render(chunk):
        bundles = ctx.bundles(org for _loc, _service, org in chunk)
        nest = ctx.nester.service_at_location if params.full else ctx.nester.service_at_location_list_item
        return [nest(bundles[org], ids.service_at_location_id(service, loc)) for loc, service, org in chunk]

    return listing(params, rows, render)


@endpoint(P.NoParams)
def service_at_location(request, params, id):
    pair = pair_for_id(id)
    if pair is None:
        raise not_found(_("No such service at a location."), id)
    location, service_obj = pair
    ctx = Context(request)
    bundle = ctx.bundles([service_obj.organisation_id])[service_obj.organisation_id]
    return json_response(
        ctx.nester.service_at_location(bundle, ids.service_at_location_id(service_obj.uuid, location.uuid))
    )


# Organisations
@endpoint(P.Organizations)
def organizations(request, params):
    ctx = Context(request)
    queryset = Organisation.objects.public()
    if params.search:
        queryset = queryset.filter(organisation_text_filter(params.search))
    if params.modified_after:
        queryset = queryset.filter(updated_at__gte=aware(params.modified_after))
    if params.region:
        in_region = public_locations().filter(region__code=known_region(params.region)).values("organisation")
        queryset = queryset.filter(pk__in=in_region)
    rows = queryset.order_by("name", "pk").values_list("pk", flat=True)

    def render(chunk):
        bundles = ctx.bundles(chunk)
        if params.full:
            return [ctx.nester.organization(bundles[pk], full_service=params.full_service) for pk in chunk]
        return [ctx.nester.organization_summary(bundles[pk]) for pk in chunk]

    return listing(params, rows, render)


@endpoint(P.Organization)
def organization(request, params, id):
    value = ids.as_uuid(id)
    found = Organisation.objects.public().filter(uuid=value).values_list("pk", flat=True).first() if value else None
    if found is None:
        raise not_found(_("No such organisation."), id)
    ctx = Context(request)
    return json_response(ctx.nester.organization(ctx.bundles([found])[found], full_service=params.full_service))


# Taxonomies
def _matches(record, text):
    words = str(text or "").lower().split()
    haystack = " ".join(str(record.get(key, "")) for key in ("name", "description", "code")).lower()
    return all(word in haystack for word in words)


class _Rows(list):
    """A list that quacks like the querysets `listing` pages through."""

    def count(self):
        return len(self)

    def iterator(self, chunk_size=None):
        return iter(self)


@endpoint(P.Taxonomies, registry=False)
def taxonomies(request, params):
    ctx = Context(request)
    rows = _Rows(record for record in ctx.vocabulary.taxonomies() if _matches(record, params.search))
    return listing(params, rows, list)


@endpoint(P.NoParams, registry=False)
def taxonomy(request, params, id):
    ctx = Context(request)
    value = ids.as_uuid(id)
    for item in TAXONOMIES:
        if value and item.id == str(value):
            return json_response(ctx.vocabulary.taxonomy(item.key))
    raise not_found(_("No such taxonomy."), id)


@endpoint(P.TaxonomyTerms, registry=False)
def taxonomy_terms(request, params):
    ctx = Context(request)
    terms = ctx.vocabulary.terms(detail=True)
    if params.taxonomy_id:
        value = ids.as_uuid(params.taxonomy_id)
        terms = [term for term in terms if value and term["taxonomy_id"] == str(value)]
    if params.parent_id:
        terms = []  # our taxonomies are flat: no term has a parent
    rows = _Rows(term for term in terms if _matches(term, params.search))
    return listing(params, rows, list)


@endpoint(P.NoParams, registry=False)
def taxonomy_term(request, params, id):
    ctx = Context(request)
    found = ctx.vocabulary.lookup(id)
    if found is None:
        raise not_found(_("No such taxonomy term."), id)
    return json_response(ctx.vocabulary.term(*found, detail=True))
