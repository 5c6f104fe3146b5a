"""/api/hsds/: the HSDS 3.0 operations over the published registry (a ninja router; `api.py` mounts it).

Each operation takes one parameter schema (`params.py`), validated once by ninja. Answers about registry data
carry `Last-Modified` and answer `If-Modified-Since` with 304 through Django's `condition` decorator.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import condition

from ninja import Path, Query, Router

from core.canonical import canonical_base_url
from providers_map.models import Organisation

from . import ids
from . import params as P
from .filters import RegistryFilter, aware, known_region, pair_for_id
from .listing import Context, Rows, json_response, listing, not_found, registry_last_modified
from .matching import organisation_text_filter
from .openapi import INDEX_SCHEMA, INDEX_SUMMARY, answer
from .queries import public_locations, public_services
from .vocabulary import TAXONOMIES

HSDS_VERSION = "3.0"

router = Router()
ID = Path(description="The object's id.")
# Inside the operation (after ninja has validated the parameters): a bad request is a 400 whatever it sends.
registry_data = condition(last_modified_func=registry_last_modified)


def operation(path, operation_id, summary, url_name, **answer_kwargs):
    """A GET operation with the official HSDS operation id and its documented answer."""
    return router.get(
        path,
        operation_id=operation_id,
        summary=summary,
        url_name=url_name,
        openapi_extra=answer(summary, **answer_kwargs),
    )


@operation("", "getAPIMetaInformation", INDEX_SUMMARY, "index", schema=INDEX_SCHEMA)
def index(request, params: Query[P.NoParams]):
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
@operation(
    "/services",
    "getPaginatedListOfServices",
    gettext_noop("Paginated list of services"),
    "services",
    schema_file="compiled/service_list.json",
    is_list=True,
)
@registry_data
def services(request, params: Query[P.Services]):
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


@operation(
    "/services/{id}",
    "getFullyNestedServiceById",
    gettext_noop("A fully nested service"),
    "service",
    schema_file="compiled/service.json",
)
@registry_data
def service(request, id: str = ID, *, params: Query[P.NoParams]):
    value = ids.as_uuid(id)
    found = public_services().filter(uuid=value).values_list("organisation_id", flat=True).first() if value else None
    if found is None:
        raise not_found(_("No such service."), id)
    ctx = Context(request)
    return json_response(ctx.nester.service(ctx.bundles([found])[found], str(value)))


# Services at locations
@operation(
    "/service_at_locations",
    "getPaginatedListOfServiceAtLocation",
    gettext_noop("Paginated list of services at locations"),
    "service_at_locations",
    schema_file="compiled/service_at_location_list.json",
    is_list=True,
)
@registry_data
def service_at_locations(request, params: Query[P.ServiceAtLocations]):
    ctx = Context(request)
    rows = RegistryFilter(params, ctx.vocabulary).pairs().values_list("uuid", "service_uuid", "organisation_id")

    def render(chunk):
        bundles = ctx.bundles(org for _loc, _service, org in chunk)
        nest = ctx.nester.service_at_location if params.full else ctx.nester.service_at_location_list_item
        return [nest(bundles[org], ids.service_at_location_id(service, loc)) for loc, service, org in chunk]

    return listing(params, rows, render)


@operation(
    "/service_at_locations/{id}",
    "getServiceAtLocationWithNestedDataById",
    gettext_noop("A fully nested service at a location"),
    "service_at_location",
    schema_file="compiled/service_at_location.json",
)
@registry_data
def service_at_location(request, id: str = ID, *, params: Query[P.NoParams]):
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
@operation(
    "/organizations",
    "getPaginatedListOfOrganizations",
    gettext_noop("Paginated list of organizations"),
    "organizations",
    schema_file="compiled/organization_list.json",
    is_list=True,
)
@registry_data
def organizations(request, params: Query[P.Organizations]):
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


@operation(
    "/organizations/{id}",
    "getOrganizationById",
    gettext_noop("A fully nested organization"),
    "organization",
    schema_file="compiled/organization.json",
)
@registry_data
def organization(request, id: str = ID, *, params: Query[P.Organization]):
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


@operation(
    "/taxonomies",
    "getPaginatedListOfTaxonomies",
    gettext_noop("Paginated list of taxonomies"),
    "taxonomies",
    schema_file="taxonomy.json",
    is_list=True,
)
def taxonomies(request, params: Query[P.Taxonomies]):
    ctx = Context(request)
    rows = Rows(record for record in ctx.vocabulary.taxonomies() if _matches(record, params.search))
    return listing(params, rows, list)


@operation("/taxonomies/{id}", "getTaxonomyById", gettext_noop("A taxonomy"), "taxonomy", schema_file="taxonomy.json")
def taxonomy(request, id: str = ID, *, params: Query[P.NoParams]):
    ctx = Context(request)
    value = ids.as_uuid(id)
    for item in TAXONOMIES:
        if value and item.id == str(value):
            return json_response(ctx.vocabulary.taxonomy(item.key))
    raise not_found(_("No such taxonomy."), id)


@operation(
    "/taxonomy_terms",
    "getPaginatedListOfTaxonomyTerms",
    gettext_noop("Paginated list of taxonomy terms"),
    "taxonomy_terms",
    schema_file="taxonomy_term.json",
    is_list=True,
)
def taxonomy_terms(request, params: Query[P.TaxonomyTerms]):
    ctx = Context(request)
    terms = ctx.vocabulary.terms(detail=True)
    if params.taxonomy_id:
        value = ids.as_uuid(params.taxonomy_id)
        terms = [term for term in terms if value and term["taxonomy_id"] == str(value)]
    if params.parent_id:
        terms = []  # our taxonomies are flat: no term has a parent
    rows = Rows(term for term in terms if _matches(term, params.search))
    return listing(params, rows, list)


@operation(
    "/taxonomy_terms/{id}",
    "getTaxonomyTermById",
    gettext_noop("A taxonomy term"),
    "taxonomy_term",
    schema_file="taxonomy_term.json",
)
def taxonomy_term(request, id: str = ID, *, params: Query[P.NoParams]):
    ctx = Context(request)
    found = ctx.vocabulary.lookup(id)
    if found is None:
        raise not_found(_("No such taxonomy term."), id)
    return json_response(ctx.vocabulary.term(*found, detail=True))
