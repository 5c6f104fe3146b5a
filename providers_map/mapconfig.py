"""Map settings for every public map: tiles and attribution from settings, the finder's initial view."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
MAX_ZOOM = 18


def tiles():
    return {
        "tiles": getattr(settings, "PORTAL_MAP_TILE_URL", "") or DEFAULT_TILES,
        "attribution": str(getattr(settings, "PORTAL_MAP_TILE_ATTRIBUTION", "")),
        "maxZoom": MAX_ZOOM,
    }


PLURAL_SAMPLES = (("one", 1), ("few", 2), ("many", 5), ("other", 2))  # Intl.PluralRules; "other" = fractions


def cluster_label_forms():
    """«%(count)s организация / организации / организаций», chosen in the browser with Intl.PluralRules."""
    return {form: ngettext("%(count)s organisation", "%(count)s organisations", n) for form, n in PLURAL_SAMPLES}


def bounds_of(points, padding=0.01):
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    return [min(lons) - padding, min(lats) - padding, max(lons) + padding, max(lats) + padding]


def finder_map_config(view):
    return {
        **tiles(),
        "mapApi": reverse("api-v1:providers_map"),
        "view": view,
        "labels": {
            "cluster": cluster_label_forms(),
            "clusterHint": _("Zoom in to see them"),
            "region": _("Map of early-care providers"),
            "tilesFailed": _(
                "The map background did not load. The points and the list below still work; addresses are in the list."
            ),
            "loading": _("Loading the map…"),
            "failed": _("The map could not get the points. The list below is complete."),
            "panUp": _("Move the map up"),
            "panDown": _("Move the map down"),
            "panLeft": _("Move the map left"),
            "panRight": _("Move the map right"),
            "yourPlace": _("You are here"),
            "open": _("Open the page"),
        },
    }


def place_strings():
    return {
        "suggestions": _("Suggestions: %(count)s. Use the up and down arrows and Enter."),
        "noSuggestions": _("No such place in the list."),
        "locating": _("Finding out where you are…"),
        "locationDenied": _(
            "The browser did not share your location. Type your town or village instead, or allow access to the "
            "location in the browser's settings."
        ),
        "locationFailed": _("Could not find out where you are. Type your town or village instead."),
    }


def my_list_strings():
    return {
        "save": _("Save"),
        "remove": _("Remove from my list"),
        "saved": _("Saved in my list."),
        "removed": _("Removed from my list."),
        "full": _("My list is full: remove something first."),
        "copied": _("The link is copied: paste it into a message."),
    }
