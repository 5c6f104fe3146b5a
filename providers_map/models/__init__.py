"""Provider registry models (Open Referral HSDS 3.0: organization, location, service, service_at_location)."""

from .error_report import ErrorReport
from .location import Location, coordinates_in_russia
from .organisation import Organisation
from .querysets import STALE_AFTER_DAYS, OrganisationQuerySet, stale_cutoff
from .service import Service

__all__ = [
    "STALE_AFTER_DAYS",
    "ErrorReport",
    "Location",
    "Organisation",
    "OrganisationQuerySet",
    "Service",
    "coordinates_in_russia",
    "stale_cutoff",
]
