from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from core import health
        from search import signals
        from search.client import search_status

        signals.connect(self)
        health.register("search", search_status)
