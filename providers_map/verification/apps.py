from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    """Entries that stay true: verification requests by e-mail, the provider's answers, the operators' view.
    It builds on the registry core and the moderation workflow; nothing in the registry imports it."""

    name = "providers_map.verification"
    label = "providers_verification"
    verbose_name = _("Verification of registry entries")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from providers_map.verification import diff, signals

        signals.connect()
        diff.register()
