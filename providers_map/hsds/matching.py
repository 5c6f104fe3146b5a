"""Text matching for the HSDS `search` parameter.

Every word must occur (case-insensitively) in one of: the service type, the service details, the
organisation's names or summary, or the locality of one of its locations. Plain database matching until the
portal's search layer offers ranked provider matching (see search/).
"""

from django.db.models import Q

from providers_map.models import Location, Service

MAX_WORDS = 8


def service_text_filter(text):
    """A Q on Service for the words of `text`."""
    condition = Q()
    for word in str(text).split()[:MAX_WORDS]:
        localities = Location.objects.filter(locality__icontains=word).values("organisation")
        condition &= (
            Q(service_type__name__icontains=word)
            | Q(description__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(organisation__short_name__icontains=word)
            | Q(organisation__description__icontains=word)
            | Q(organisation__in=localities)
        )
    return condition


def organisation_text_filter(text):
    """A Q on Organisation for the words of `text` (names, summary, services, localities)."""
    condition = Q()
    for word in str(text).split()[:MAX_WORDS]:
        localities = Location.objects.filter(locality__icontains=word).values("organisation")
        services = Service.objects.filter(service_type__name__icontains=word).values("organisation")
        condition &= (
            Q(name__icontains=word)
            | Q(short_name__icontains=word)
            | Q(description__icontains=word)
            | Q(pk__in=localities)
            | Q(pk__in=services)
        )
    return condition
