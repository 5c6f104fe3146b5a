"""What coverage reads from the registry core: the published locations that offer early care for children up to
three, their organisations and the service types. Plain rows, a few queries, no model instances (100 000
providers are read in seconds)."""

import functools
from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import FloatField, TextField
from django.db.models.functions import Cast
from django.urls import reverse

from core.models import Region, ServiceType
from providers_map.models import Location, Organisation, Service, stale_cutoff

UNDER_THREE_MONTHS = 36  # a service counts when it takes children younger than this
# Closed and temporarily closed organisations stay on the site with their status, but help nobody today.
NOT_SERVING = (Organisation.Status.CLOSED, Organisation.Status.TEMPORARILY_CLOSED)
# Services that come to the family: the location's delivery modes or the service types that say so.
HOME_VISIT_TYPE, REMOTE_TYPE = "home-visits", "remote"
MODE_HOME, MODE_REMOTE = '"home"', '"remote"'  # the delivery-mode codes as they appear in the JSON list's text


@dataclass(frozen=True, slots=True)
class Site:
    """A published location of an open organisation with at least one service for children under three."""

    location_id: int
    organisation_id: int
    region_code: str
    lat: float | None
    lon: float | None
    types: tuple  # service-type slugs offered there for children under three
    home: bool  # home visits
    remote: bool  # remote services

    @property
    def placed(self):
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Provider:
    id: int
    ownership: str
    stale: bool  # not verified for 12 months (or never)


@dataclass(frozen=True)
class Registry:
    sites: list
    providers: dict  # id -> Provider
    service_types: list  # [(slug, name)] in the taxonomy's order


PLACEHOLDER = "slug-placeholder"


@functools.cache
def _detail_path():
    return reverse("providers:detail", args=[PLACEHOLDER])


def provider_url(slug):
    """The provider page's path: reverse() once, then the slug put in (a slug needs no escaping in a path), since
    reverse() for ten thousand providers took a second."""
    return _detail_path().replace(PLACEHOLDER, slug)


def plain_rows(queryset):
    """The rows of a values_list() queryset of numbers and text, straight from a database cursor: the queryset's
    own SQL (so the registry's visibility rule), without Django's converter call per value (a float() for each
    coordinate of 150 000 locations took a second)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(10_000):
            yield from rows


def read_registry(today=None):
    """The Registry as plain rows: the serving organisations first, then their services and locations (published
    through the registry's one visibility rule, kept where their organisation serves). Coordinates come as floats
    and delivery modes as JSON text from the database: converting 150 000 decimals and lists took seconds."""
    cutoff = stale_cutoff(today)
    providers = {}
    serving = Organisation.objects.public().exclude(status__in=NOT_SERVING)
    for pk, ownership, verified_at in serving.values_list("pk", "ownership", "verified_at").iterator(10_000):
        providers[pk] = Provider(pk, ownership, verified_at is None or verified_at < cutoff)
    service_types = list(ServiceType.objects.order_by("sort_order", "name").values_list("pk", "slug", "name"))
    slugs = {pk: slug for pk, slug, _name in service_types}
    types = defaultdict(set)
    # Services are kept where their organisation is among the public ones read above (the visibility rule), so
    # the 400 000 rows at scale need no join.
    services = Service.objects.filter(age_min_months__lt=UNDER_THREE_MONTHS)
    for organisation_id, type_id in plain_rows(services.values_list("organisation_id", "service_type_id")):
        if organisation_id in providers:
            types[organisation_id].add(slugs[type_id])
    providers = {pk: provider for pk, provider in providers.items() if pk in types}
    offered_by = {pk: tuple(sorted(offered)) for pk, offered in types.items()}
    sites = []
    regions = dict(Region.objects.values_list("pk", "code"))
    locations = Location.objects.public().annotate(
        lat=Cast("latitude", FloatField()),
        lon=Cast("longitude", FloatField()),
        modes=Cast("delivery_modes", TextField()),
    )
    fields = ("pk", "organisation_id", "region_id", "lat", "lon", "modes")
    for pk, organisation_id, region, lat, lon, modes in plain_rows(locations.values_list(*fields)):
        offered = offered_by.get(organisation_id)
        if offered is None:
            continue
        modes = modes or ""
        sites.append(
            Site(
                location_id=pk,
                organisation_id=organisation_id,
                region_code=regions[region],
                lat=lat,
                lon=lon,
                types=offered,
                home=MODE_HOME in modes or HOME_VISIT_TYPE in offered,
                remote=MODE_REMOTE in modes or REMOTE_TYPE in offered,
            )
        )
    return Registry(sites=sites, providers=providers, service_types=[(slug, name) for _pk, slug, name in service_types])


LABEL_CHUNK = 5000


def provider_labels(ids):
    """{organisation id: (the name families know, its page's path)} of these organisations only: names are read
    for the few thousand shown as nearest, not for the whole registry."""
    ids, labels = sorted(set(ids)), {}
    for start in range(0, len(ids), LABEL_CHUNK):
        rows = Organisation.objects.filter(pk__in=ids[start : start + LABEL_CHUNK])
        for pk, name, short_name, slug in rows.values_list("pk", "name", "short_name", "slug"):
            labels[pk] = (short_name or name, provider_url(slug))
    return labels
