from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    """«Доступность ранней помощи»: distances from every gazetteer locality to the nearest published early-care
    location, per region and service, recomputed in the background after the registry changes, with a year of
    daily snapshots. It reads the registry core and the gazetteer; nothing imports it but the project's URLs."""

    name = "providers_map.coverage"
    label = "providers_coverage"
    verbose_name = _("Early-care coverage")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from providers_map.coverage import signals

        signals.connect()
