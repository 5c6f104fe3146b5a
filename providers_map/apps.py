from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersMapConfig(AppConfig):
    name = "providers_map"
    verbose_name = _("Provider registry and map")
