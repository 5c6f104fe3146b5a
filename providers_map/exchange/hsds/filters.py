"""Filters of /api/hsds/ as database queries over published services and (location, service) pairs.

Every filter is split into a service-level condition (on `Service`, its organisation and terms) and a
location-level condition (on `Location`). /services keeps services whose organisation has at least one
location meeting the location conditions; /service_at_locations joins each matching location with each
matching service of its organisation, so a pair is one row and pagination stays in SQL.
"""

import datetime as dt

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from core.api import ApiError
from core.geo import distance_km_expression
from core.models import DevelopmentalConcern, Region
from providers_map import hours as hours_lib
from providers_map.models import Location, Service

from . import ids
from .matching import service_text_filter
from .queries import public_locations, public_services
from .vocabulary import TAXONOMIES

TAXONOMY_KEYS = {taxonomy.id: taxonomy.key for taxonomy in TAXONOMIES}

NOTHING = Q(pk__in=[])

# Service-level conditions per (taxonomy key, code); None for the code means "has any term of the taxonomy".
_SERVICE_TERMS = {
    "service-types": lambda code: Q(service_type__slug=code) if code else Q(),
    "developmental-concerns": lambda code: Q(
        pk__in=Service.objects.filter(concerns__slug=code).values("pk")
        if code
        else Service.objects.filter(concerns__isnull=False).values("pk")
    ),
    "cost": lambda code: Q(organisation__cost=code) if code else Q(),
    "referral": lambda code: Q(organisation__referral_required=code) if code else Q(),
    "ownership": lambda code: Q(organisation__ownership=code) if code else Q(),
    "sectors": lambda code: Q(organisation__sector=code) if code else Q(),
}


def _json_list_has(field, code):
    # Codes are fixed tokens; matching the quoted token in the JSON text works on every database.
    return Q(**{f"{field}__icontains": f'"{code}"'})


_LOCATION_TERMS = {
    "delivery-modes": lambda code: _json_list_has("delivery_modes", code) if code else ~Q(delivery_modes=[]),
    "accessibility": lambda code: _json_list_has("accessibility", code) if code else ~Q(accessibility=[]),
}


def _registry_mark(code):
    official = Q(organisation__in_official_registry=True)
    approximate = Q(coordinates_approximate=True, latitude__isnull=False)
    if code == "official-registry":
        return official, Q()
    if code == "approximate-coordinates":
        return Q(), approximate
    with_approximate = Location.objects.filter(approximate).values("organisation")
    return official | Q(organisation__in=with_approximate), Q()


def term_conditions(key, code=None):
    """(service Q, location Q) for a term (or a whole taxonomy when `code` is None)."""
    if key in _SERVICE_TERMS:
        return _SERVICE_TERMS[key](code), Q()
    if key in _LOCATION_TERMS:
        return Q(), _LOCATION_TERMS[key](code)
    if key == "registry-marks":
        return _registry_mark(code)
    return NOTHING, Q()


def distance_expression(lat, lon, prefix=""):
    """Great-circle distance in metres from (lat, lon) to a location's point, as a database expression."""
    return 1000 * distance_km_expression(lat, lon, f"{prefix}latitude", f"{prefix}longitude")


def open_location_ids(now=None):
    """Ids of published locations open at `now`, each judged in its own region's time zone."""
    now = now or timezone.now()
    rows = public_locations().exclude(opening_hours={}).values_list("pk", "opening_hours", "region__code")
    return [
        pk for pk, hours, code in rows.iterator() if hours_lib.is_open_at(hours, now, hours_lib.region_timezone(code))
    ]


def aware(moment):
    """A datetime parameter in UTC (params.in_utc has done it; naive ones are taken as UTC)."""
    return moment.replace(tzinfo=dt.UTC) if timezone.is_naive(moment) else moment


def known_region(code):
    if not Region.objects.filter(code=code).exists():
        raise ApiError(_("Invalid request parameters."), [{"parameter": "region", "message": "Unknown region code."}])
    return code


class RegistryFilter:
    """The service-level and location-level conditions and the point of a /services or
    /service_at_locations request."""

    def __init__(self, params, vocabulary, now=None):
        self.params = params
        self.vocabulary = vocabulary
        self.now = now
        self.service_q, self.location_q = Q(), Q()
        self.point = (params.lat, params.lon) if params.lat is not None else None
        self.radius = params.proximity
        self._build()

    def _term(self, key, code=None):
        service_q, location_q = term_conditions(key, code)
        self.service_q &= service_q
        self.location_q &= location_q

    def _build(self):
        p = self.params
        if p.taxonomy_term_id:
            found = self.vocabulary.lookup(p.taxonomy_term_id)
            self._term(*found) if found else self._term("unknown")
        if p.taxonomy_id:
            value = ids.as_uuid(p.taxonomy_id)
            self._term(TAXONOMY_KEYS.get(str(value) if value else "", "unknown"))
        if p.organization_id:
            value = ids.as_uuid(p.organization_id)
            self.service_q &= Q(organisation__uuid=value) if value else NOTHING
        if p.modified_after:
            self.service_q &= Q(organisation__updated_at__gte=aware(p.modified_after))
        if p.search:
            self.service_q &= service_text_filter(p.search)
        if p.age_months is not None:
            self.service_q &= Q(age_min_months__lte=p.age_months, age_max_months__gte=p.age_months)
        if p.concern:
            self.service_q &= self._concerns(p.concern)
        if p.free is not None:
            self.service_q &= Q(organisation__cost__in=["free", "mixed"]) if p.free else Q(organisation__cost="paid")
        if p.region:
            self.location_q &= Q(region__code=known_region(p.region))
        if p.delivery_mode:
            self._term("delivery-modes", p.delivery_mode)
        if p.open_now:
            self.location_q &= Q(pk__in=open_location_ids(self.now))
        postcode = getattr(p, "postcode", None)
        if postcode and self.radius is None:
            self.location_q &= Q(postcode=postcode)
        elif postcode and self.point is None:
            self.point = self._postcode_centre(postcode)

    def _concerns(self, codes):
        known = set(DevelopmentalConcern.objects.filter(slug__in=codes).values_list("slug", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            message = "Unknown codes: %s. See /api/hsds/taxonomy_terms for the developmental-concerns taxonomy."
            raise ApiError(
                _("Invalid request parameters."), [{"parameter": "concern", "message": message % ", ".join(unknown)}]
            )
        with_concern = Service.objects.filter(concerns__slug__in=codes).values("pk")
        with_any = Service.objects.filter(concerns__isnull=False).values("pk")
        return Q(pk__in=with_concern) | ~Q(pk__in=with_any)

    def _postcode_centre(self, postcode):
        points = list(
            public_locations()
            .filter(postcode=postcode, latitude__isnull=False, longitude__isnull=False)
            .values_list("latitude", "longitude")
        )
        if not points:
            detail = {"parameter": "postcode", "message": "No location with this postcode has coordinates."}
            raise ApiError(_("Invalid request parameters."), [detail])
        return (
            sum(float(lat) for lat, _lon in points) / len(points),
            sum(float(lon) for _lat, lon in points) / len(points),
        )

    # Querysets
    def locations(self):
        """Published locations meeting the location conditions (with `distance` when there is a point)."""
        queryset = public_locations().filter(self.location_q)
        if self.point:
            queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False).annotate(
                distance=distance_expression(*self.point)
            )
            if self.radius is not None:
                queryset = queryset.filter(distance__lte=self.radius)
        return queryset

    def services(self):
        """Matching published services, nearest first when there is a point, else by organisation."""
        queryset = public_services().filter(self.service_q)
        if self.location_q != Q() or self.point:
            queryset = queryset.filter(organisation__in=self.locations().values("organisation"))
        if self.point:
            nearest = self.locations().filter(organisation=OuterRef("organisation")).order_by("distance")
            queryset = queryset.annotate(distance=Subquery(nearest.values("distance")[:1]))
            return queryset.order_by("distance", "organisation__name", "organisation_id", "sort_order", "pk")
        return queryset.order_by("organisation__name", "organisation_id", "sort_order", "pk")

    def pairs(self):
        """(location, service) pairs: Location rows annotated with the matching service's pk and uuid."""
        services = public_services().filter(self.service_q).values("pk")
        queryset = (
            self.locations()
            .filter(organisation__services__in=services)
            .annotate(service_pk=F("organisation__services__pk"), service_uuid=F("organisation__services__uuid"))
            .annotate(service_order=F("organisation__services__sort_order"))
        )
        order = ["organisation__name", "organisation_id", "sort_order", "pk", "service_order", "service_pk"]
        return queryset.order_by(*(["distance"] if self.point else []), *order)


def pair_for_id(link_id):
    """The (location, service) of a service-at-location id among published entries, or None."""
    bounds = ids.service_uuid_range(link_id)
    if bounds is None:
        return None
    for service in public_services().filter(uuid__gte=bounds[0], uuid__lte=bounds[1]).select_related("organisation"):
        for location in Location.objects.filter(organisation_id=service.organisation_id):
            if ids.service_at_location_id(service.uuid, location.uuid) == str(ids.as_uuid(link_id)):
                return location, service
    return None
