"""Result cards: a backend returns location ids (with distance); the cards are read live from the database.

A card is one place a family can go to: the name people know, the branch, the address, the distance,
open now / opens at, free or paid, the first phone, a route link and whether the family saved it.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import formats
from django.utils.translation import gettext as _

from providers_map.directions import directions_url
from providers_map.models import Location, Organisation, Service
from providers_map.opening import opening_status
from providers_map.wording import lines

CARD_SERVICES = 3


@dataclass
class Hit:
    location_id: int
    distance_km: float | None = None
    named: bool | None = None  # with a concern filter: True = a service names it, False = accepts any child


@dataclass
class ResultPage:
    total: int
    hits: list = field(default_factory=list)
    named_total: int | None = None


def distance_text(km):
    """«850 м», «2,4 км», «37 км»."""
    if km is None:
        return ""
    if km < 1:
        return _("%(metres)s m") % {"metres": max(10, int(round(km * 1000, -1)))}
    if km < 10:
        return _("%(km)s km") % {"km": formats.number_format(round(km, 1), decimal_pos=1)}
    return _("%(km)s km") % {"km": formats.number_format(round(km), decimal_pos=0, force_grouping=True)}


def cost_text(cost):
    return {
        Organisation.Cost.FREE: _("Free of charge"),
        Organisation.Cost.PAID: _("Paid"),
        Organisation.Cost.MIXED: _("Free and paid"),
    }.get(cost, "")


@dataclass
class Card:
    location: Location
    organisation: Organisation
    distance_km: float | None
    distance: str
    named: bool | None
    opening: object
    phone: str
    route_url: str
    services: list
    more_services: int
    saved: bool = False

    @property
    def cost(self):
        return cost_text(self.organisation.cost)

    @property
    def address(self):
        return ", ".join(part for part in (self.location.locality, self.location.address) if part)


def load_locations(ids):
    """Locations by id with their organisation, region and the organisation's services, in 3 queries."""
    services = Service.objects.select_related("service_type").order_by("sort_order", "pk")
    queryset = (
        Location.objects.filter(pk__in=ids)
        .select_related("organisation", "region")
        .prefetch_related(Prefetch("organisation__services", queryset=services))
    )
    return {location.pk: location for location in queryset}


def build_cards(hits, now, origin=None, saved_ids=(), service_slug=""):
    locations = load_locations([hit.location_id for hit in hits])
    cards = []
    for hit in hits:
        location = locations.get(hit.location_id)
        if location is None:  # removed between the search and now
            continue
        organisation = location.organisation
        services = list(organisation.services.all())
        if service_slug:  # the service asked for first
            services.sort(key=lambda service: service.service_type.slug != service_slug)
        phones = lines(organisation.phones)
        cards.append(
            Card(
                location=location,
                organisation=organisation,
                distance_km=hit.distance_km,
                distance=distance_text(hit.distance_km),
                named=hit.named,
                opening=opening_status(location.opening_hours or {}, location.timezone(), now),
                phone=phones[0] if phones else "",
                route_url=directions_url(location, origin) if location.has_coordinates else "",
                services=services[:CARD_SERVICES],
                more_services=max(0, len(services) - CARD_SERVICES),
                saved=organisation.pk in saved_ids,
            )
        )
    return cards
