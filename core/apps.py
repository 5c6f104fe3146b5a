from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares: taxonomies, regions, site settings, the visually-impaired mode, middleware, errors,
    the JSON API frame and the health registry. It imports no other app of the project."""

    name = "core"
    verbose_name = _("Shared taxonomies and settings")

    def ready(self):
        from core import menus, security, sites  # noqa: F401 (security connects the login lockout audit receiver)

        menus.connect()
        sites.connect()
