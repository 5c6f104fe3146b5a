from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    """The finder: /providers/ (list and map), /api/v1/providers, my list, and its own location-level index."""

    name = "providers_map.finder"
    label = "providers_finder"
    verbose_name = _("Provider finder")

    def ready(self):
        from core import health
        from providers_map.finder import checks  # noqa: F401 (the finder's settings checks register themselves)
        from providers_map.finder.backends import status
        from providers_map.finder.kind import LocationKind
        from search.registry import register

        register(LocationKind())
        health.register("finder", status)  # which backend answers /providers/ and /api/v1/providers (and why)
