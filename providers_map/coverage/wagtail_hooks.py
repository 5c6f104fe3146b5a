"""The coverage view in Wagtail's admin: its pages, a menu item for those who may see the registry."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views, presentation


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view(request.user)


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [path("coverage/", include("providers_map.coverage.admin_urls", namespace="coverage_admin"))]


@hooks.register("register_admin_menu_item")
def register_coverage_menu_item():
    return CoverageMenuItem(
        gettext_lazy("Access to early care"), reverse("coverage_admin:index"), icon_name="site", order=270
    )


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if admin_views.can_view(request.user):
        panels.append(CoveragePanel())


class CoveragePanel(Component):
    """On the dashboard: the share of people beyond 30 km from early care, its trend, and the way to the details."""

    name = "coverage"
    template_name = "providers_map/coverage/admin/dashboard_panel.html"
    order = 160

    def get_context_data(self, parent_context=None):
        snapshot = presentation.current()
        if snapshot is None:
            return {"snapshot": None}
        national = snapshot.figures["national"]
        return {
            "snapshot": snapshot,
            "national": national,
            "trend": presentation.trend(national, presentation.trend_base(snapshot)),
        }
