"""What HSDS publishes: live (published) organisations with everything the mapping reads, in a fixed number of
queries per batch. Closed organisations stay, with their status (HSDS `defunct` / `temporarily closed`)."""

from django.db.models import Prefetch

from providers_map.models import Location, Organisation, Service

CHUNK = 200


def public_organisations():
    return Organisation.objects.public().prefetch_related(
        Prefetch("locations", queryset=Location.objects.select_related("region").order_by("sort_order", "pk")),
        Prefetch(
            "services",
            queryset=Service.objects.select_related("service_type")
            .prefetch_related("concerns", "languages")
            .order_by("sort_order", "pk"),
        ),
    )


def public_services():
    return Service.objects.filter(organisation__live=True)


def public_locations():
    return Location.objects.filter(organisation__live=True)
