"""Wagtail admin integration of the provider registry.

Sections: registry snippets (organisations, error reports), editor endpoints, the dashboard panel. The registry
import's admin pages are the data-exchange app's (providers_map/exchange/wagtail_hooks.py).
"""

from django.urls import include, path

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from providers_map.editor import views as editor_views
from providers_map.editor.dashboard import RegistryPanel
from providers_map.editor.permissions import ErrorReportPermissionPolicy
from providers_map.editor.viewsets import RegistryGroup
from providers_map.models import ErrorReport

# --- Registry snippets: organisations (drafts, moderation, locking, preview, history) and error reports ---

register_permission_policy(ErrorReport, ErrorReportPermissionPolicy(ErrorReport))  # before the viewsets use it
register_snippet(RegistryGroup)


# --- Editor endpoints (admin login required: Wagtail wraps these URLs) ---

editor_urls = [path("gazetteer/", editor_views.gazetteer_lookup, name="gazetteer_lookup")]


@hooks.register("register_admin_urls")
def register_editor_urls():
    return [path("providers-map/", include((editor_urls, "providers_map_admin"), namespace="providers_map_admin"))]


# --- Dashboard panel: entries per region and ownership, stale entries, new reports ---


@hooks.register("construct_homepage_panels")
def add_registry_panel(request, panels):
    user = request.user
    if user.has_perm("providers_map.view_organisation") or user.has_perm("providers_map.change_organisation"):
        panels.append(RegistryPanel(user))
