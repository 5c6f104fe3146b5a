"""Admin wiring: the operators' pages and menu item, the log actions in each entry's history, and a
«Журнал проверки» button on every row of the organisation listing."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from providers_map.models import Organisation

from . import answers
from .views.admin import can_view


class VerificationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("verification/", include("providers_map.verification.admin_urls", namespace="providers_verification"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return VerificationMenuItem(
        _("Entry verification"), reverse("providers_verification:overview"), icon_name="tick-inverse", order=255
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        answers.CONFIRM_ACTION, _("Confirmed by the organisation"), _("The organisation confirmed its entry")
    )
    actions.register_action(
        answers.PROPOSE_ACTION, _("Changes proposed by the organisation"), _("The organisation proposed changes")
    )


@hooks.register("register_snippet_listing_buttons")
def verification_log_button(snippet, user, next_url=None):
    if isinstance(snippet, Organisation) and can_view(user):
        url = reverse("providers_verification:entry_log", args=[snippet.pk])
        yield ListingButton(_("Verification log"), url, icon_name="list-ul", priority=60)
