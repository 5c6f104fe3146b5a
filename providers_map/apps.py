from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersMapConfig(AppConfig):
    """The registry core: organisations, locations and services, their editor and the provider pages. The finder
    (`providers_map.finder`) and the data exchange (`providers_map.exchange`) are apps of their own above it."""

    name = "providers_map"
    verbose_name = _("Provider registry and map")

    def ready(self):
        from providers_map.search import ProviderKind
        from search.registry import register

        register(ProviderKind())  # organisations, for the cross-kind search
