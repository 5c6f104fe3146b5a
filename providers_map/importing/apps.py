from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    """The registry import's own app: its ImportJob model and background tasks (migrations of their own)."""

    name = "providers_map.importing"
    label = "providers_import"
    verbose_name = _("Registry import")
    default_auto_field = "django.db.models.BigAutoField"
