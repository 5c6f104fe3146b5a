from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal: shared taxonomies and settings")

    def ready(self):
        from portal import menus, security, sites  # noqa: F401 (security connects the login lockout audit receiver)

        menus.connect()
        sites.connect()
