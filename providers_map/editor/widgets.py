"""The location picker: a small Leaflet map under the longitude field.

The widget renders the ordinary number input plus a map container. Its script finds the sibling inputs of
the same location form (longitude, coordinates source, locality, region) by id, so it works in Wagtail's
inline panels, including forms added after the page loaded. Leaflet is loaded only through this widget's
Media, so it reaches no page without a location form.
"""

from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = "© OpenStreetMap contributors"


def tile_url():
    return getattr(settings, "PORTAL_MAP_TILE_URL", "") or DEFAULT_TILE_URL


class LocationPickerWidget(forms.NumberInput):
    # The input renders with the form renderer; the map wrapper is a project template.
    wrapper_template_name = "providers_map/admin/location_picker_widget.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        context["input_html"] = super().render(name, value, attrs, renderer)
        return mark_safe(render_to_string(self.wrapper_template_name, context))  # noqa: S308 (template output)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        center = getattr(settings, "LEAFLET_CONFIG", {}).get("DEFAULT_CENTER", (55.0, 82.9))
        context["picker"] = {
            "tile_url": tile_url(),
            "attribution": getattr(settings, "PORTAL_MAP_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION),
            "lookup_url": reverse("providers_map_admin:gazetteer_lookup"),
            "center_lat": center[0],
            "center_lon": center[1],
            "label": _("Map: click to place the point or drag the marker"),
            "hint": _(
                "Use the map with a mouse or a touch screen; with the keyboard, type the coordinates "
                "into the fields or choose a suggestion for the locality."
            ),
        }
        return context

    class Media:
        css = {"all": ("leaflet/leaflet.css", "providers_map/admin/location_picker.css")}
        js = ("leaflet/leaflet.js", "providers_map/admin/location_picker.js")
