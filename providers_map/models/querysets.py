import datetime as dt

from django.db import models
from django.utils import timezone

STALE_AFTER_DAYS = 365


def stale_cutoff(today=None):
    return (today or timezone.localdate()) - dt.timedelta(days=STALE_AFTER_DAYS)


def published(prefix=""):
    """The one public-visibility rule: an entry is public while it is published (live); closed entries stay
    visible with their status. `prefix` applies it across a relation, e.g. `published("organisation__")`."""
    return models.Q(**{f"{prefix}live": True})


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: published (live) entries."""
        return self.filter(published())

    def with_entries(self):
        """With locations and services as pages, exports and HSDS show them, in a fixed number of queries:
        locations with their region, services with their type, concerns and languages, each in the editor's
        order."""
        location = self.model._meta.get_field("locations").related_model
        service = self.model._meta.get_field("services").related_model
        return self.prefetch_related(
            models.Prefetch(
                "locations", queryset=location.objects.select_related("region").order_by("sort_order", "pk")
            ),
            models.Prefetch(
                "services",
                queryset=service.objects.select_related("service_type")
                .prefetch_related("concerns", "languages")
                .order_by("sort_order", "pk"),
            ),
        )

    def stale(self, today=None):
        """Entries nobody has confirmed for more than 12 months (or ever)."""
        return self.filter(models.Q(verified_at__isnull=True) | models.Q(verified_at__lt=stale_cutoff(today)))

    def fresh(self, today=None):
        return self.filter(verified_at__gte=stale_cutoff(today))

    def real(self):
        return self.filter(is_synthetic=False)


class PartQuerySet(models.QuerySet):
    """Locations and services: public while their organisation is."""

    def public(self):
        return self.filter(published("organisation__"))
