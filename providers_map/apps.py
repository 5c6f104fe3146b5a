from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersMapConfig(AppConfig):
    name = "providers_map"
    verbose_name = _("Provider registry and map")

    def ready(self):
        # The finder's location index: a search kind, kept up to date on publish/unpublish/delete.
        from providers_map.finder import checks, es_index, signals  # noqa: F401 (checks register themselves)
        from search import registry

        registry.register(es_index.LocationKind())
        signals.connect()
