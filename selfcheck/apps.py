from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfCheckConfig(AppConfig):
    name = "selfcheck"
    verbose_name = _("Child development self-check")

    def ready(self):
        from search.registry import register
        from selfcheck.search import SelfCheckKind

        register(SelfCheckKind())
