import datetime as dt

from django.db import models
from django.utils import timezone

STALE_AFTER_DAYS = 365


def stale_cutoff(today=None):
    return (today or timezone.localdate()) - dt.timedelta(days=STALE_AFTER_DAYS)


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: published (live) entries. Closed ones stay visible with their status."""
        return self.filter(live=True)

    def stale(self, today=None):
        """Entries nobody has confirmed for more than 12 months (or ever)."""
        return self.filter(models.Q(verified_at__isnull=True) | models.Q(verified_at__lt=stale_cutoff(today)))

    def fresh(self, today=None):
        return self.filter(verified_at__gte=stale_cutoff(today))

    def real(self):
        return self.filter(is_synthetic=False)
