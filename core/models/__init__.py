from .site_settings import PortalSettings
from .taxonomy import (
    AgeGroup,
    DevelopmentalConcern,
    Language,
    Region,
    ServiceType,
    TaxonomyMixin,
    TaxonomyTerm,
    Topic,
)

__all__ = [
    "AgeGroup",
    "DevelopmentalConcern",
    "Language",
    "PortalSettings",
    "Region",
    "ServiceType",
    "TaxonomyMixin",
    "TaxonomyTerm",
    "Topic",
]
