"""Wagtail admin pages of the registry import: upload → background check → preview → background import →
report, for registry operators; and their dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from providers_map.exchange.harvest.takeover import TAKE_OVER_ACTION
from providers_map.exchange.harvest_admin import readonly
from providers_map.exchange.import_admin import views as import_views
from providers_map.exchange.importing.dashboard import ImportsPanel


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return import_views.can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("providers-import/", include("providers_map.exchange.import_admin.urls", namespace="providers_import"))
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Registry import"), reverse("providers_import:start"), icon_name="upload", order=260
    )


@hooks.register("construct_homepage_panels")
def add_imports_panel(request, panels):
    if import_views.can_import(request.user):
        panels.append(ImportsPanel(request.user))


# Harvesting other portals' feeds
class HarvestMenuItem(MenuItem):
    def is_shown(self, request):
        return import_views.can_import(request.user)


@hooks.register("register_admin_urls")
def register_harvest_urls():
    return [path("feeds/", include("providers_map.exchange.harvest_admin.urls", namespace="providers_harvest"))]


@hooks.register("register_admin_menu_item")
def register_harvest_menu_item():
    return HarvestMenuItem(gettext_lazy("Feeds of other registries"), reverse("providers_harvest:dashboard"),
                           icon_name="download", order=261)  # fmt: skip


@hooks.register("before_edit_snippet")
def harvested_entries_are_read_only(request, instance):
    entry = readonly.active_entry(instance)
    return readonly.harvested_screen(request, entry) if entry else None


@hooks.register("before_delete_snippet")
def harvested_entries_are_not_deleted_here(request, instances):
    for instance in instances:
        entry = readonly.active_entry(instance)
        if entry:
            return readonly.harvested_screen(request, entry, refused=readonly.DELETE)
    return None


# Wagtail runs it for pages and snippets alike; only a harvested Organisation is guarded.
@hooks.register("before_unpublish")
def harvested_entries_are_not_unpublished_here(request, instance):
    entry = readonly.active_entry(instance)
    return readonly.harvested_screen(request, entry, refused=readonly.UNPUBLISH) if entry else None


@hooks.register("register_log_actions")
def register_take_over_action(actions):
    actions.register_action(
        TAKE_OVER_ACTION,
        gettext_lazy("Made an entry of our registry"),
        gettext_lazy("Taken over from the feed: an entry of our registry now"),
    )
