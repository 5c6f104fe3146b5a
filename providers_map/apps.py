from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersMapConfig(AppConfig):
    name = "providers_map"
    verbose_name = _("Provider registry and map")

    def ready(self):
        from providers_map.search import ProviderKind
        from search.registry import register

        register(ProviderKind())
