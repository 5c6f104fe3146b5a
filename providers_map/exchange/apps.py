from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """The registry's data exchange: spreadsheet import (with its admin), exports, the HSDS 3.0 API and package,
    and the open-data page. It builds on the registry core and imports nothing from the finder."""

    name = "providers_map.exchange"
    label = "providers_exchange"
    verbose_name = _("Registry data exchange")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Harvested entries are corrected at their source: verification leaves them to it, and the editor's ИНН/ОГРН
        # clash with one names the way out (taking it over).
        from providers_map import kept_elsewhere
        from providers_map.exchange.harvest_admin.readonly import clash_message, feed_name, kept_by_a_feed

        kept_elsewhere.register(kept_elsewhere.Keeper(kept_by_a_feed, feed_name, clash_message))
