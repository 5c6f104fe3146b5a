"""The records an incoming organisation may duplicate: local entries (not harvested) and what other feeds brought,
as `records.Identity`, with the operators' decisions on pairs."""

from django.db.models import Prefetch

from providers_map.exchange.models import DuplicatePair, HarvestedEntry
from providers_map.models import Location, Organisation

from .dedup import pair_key
from .records import Identity

LOCAL = "local"


def local_key(organisation):
    return f"{LOCAL}:{organisation.uuid}"


def entry_key(entry):
    return f"{entry.source_id}:{entry.feed_id}"


def local_identity(organisation):
    identity = Identity(
        key=local_key(organisation), name=organisation.name, inn=organisation.inn or "", ogrn=organisation.ogrn or ""
    )
    location = next(iter(organisation.locations.all()), None)
    if location is not None:
        identity.address, identity.locality = location.address, location.locality
        identity.region = location.region.name if location.region_id else ""
        if location.latitude is not None and location.longitude is not None:
            identity.lat, identity.lon = float(location.latitude), float(location.longitude)
    identity.extra["organisation"] = organisation.pk
    return identity


def entry_identity(entry):
    data = entry.identity or {}
    identity = Identity(key=entry_key(entry), **{k: data.get(k) or "" for k in ("name", "inn", "ogrn", "address",
                                                                              "locality", "region")})  # fmt: skip
    identity.lat, identity.lon = data.get("lat"), data.get("lon")
    identity.extra["organisation"] = entry.organisation_id
    return identity


def known_identities(source):
    """Local entries and the active entries of the other sources."""
    locations = Location.objects.select_related("region").order_by("sort_order", "pk")
    locals_ = Organisation.objects.filter(harvested__isnull=True).prefetch_related(
        Prefetch("locations", queryset=locations)
    )
    found = [local_identity(organisation) for organisation in locals_.iterator(chunk_size=500)]
    others = HarvestedEntry.objects.filter(state=HarvestedEntry.State.ACTIVE, organisation__isnull=False).exclude(
        source=source
    )
    found += [entry_identity(entry) for entry in others.iterator(chunk_size=500)]
    return found


def decisions():
    return {
        pair_key(left, right): decision
        for left, right, decision in DuplicatePair.objects.values_list("left", "right", "decision")
    }
