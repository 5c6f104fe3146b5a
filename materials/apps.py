from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Methods library")

    def ready(self):
        from materials import signals
        from materials.search import LibraryKind
        from search.registry import register

        signals.connect()
        register(LibraryKind())
