from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and guidance for parents")

    def ready(self):
        from home.search import GuidanceKind
        from search.registry import register

        register(GuidanceKind())
