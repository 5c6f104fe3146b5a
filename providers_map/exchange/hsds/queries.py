"""What HSDS publishes: the registry's public entries (closed organisations stay, with their status: HSDS `defunct`
/ `temporarily closed`), with everything the mapping reads, in a fixed number of queries per batch."""

from providers_map.models import Location, Organisation, Service

CHUNK = 200


def public_organisations():
    """With the harvest provenance of harvested entries (their HSDS metadata), in the same query."""
    return Organisation.objects.public().with_entries().select_related("harvested__source")


def public_services():
    return Service.objects.public()


def public_locations():
    return Location.objects.public()
