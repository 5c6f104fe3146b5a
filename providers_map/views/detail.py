"""The public provider page /providers/<slug>/: everything a family needs, readable without JavaScript."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from portal.models import PortalSettings
from providers_map import hours as hours_lib
from providers_map.finder import mylist
from providers_map.finder.directions import directions_url
from providers_map.finder.mapconfig import my_list_strings, tiles
from providers_map.finder.opening import opening_status
from providers_map.forms import ErrorReportForm
from providers_map.models import Location, Organisation, Service
from providers_map.templatetags.providers_tags import lines

from .jsonld import organisation_jsonld


def public_organisations():
    """Live organisations with everything the page shows, in a fixed number of queries."""
    return Organisation.objects.public().prefetch_related(
        Prefetch("locations", queryset=Location.objects.select_related("region").order_by("sort_order", "pk")),
        Prefetch(
            "services",
            queryset=Service.objects.select_related("service_type")
            .prefetch_related("concerns", "languages")
            .order_by("sort_order", "pk"),
        ),
    )


def location_view(location, now=None):
    """What the template needs about one branch, with "open now" computed in the branch's own time."""
    now = now or timezone.now()
    zone = location.timezone()
    local_now = now.astimezone(zone)
    hours = location.opening_hours or {}
    has_hours = hours_lib.has_hours(hours)
    return {
        "location": location,
        "has_hours": has_hours,
        "rows": hours_lib.weekly_rows(hours, today=local_now) if has_hours else [],
        "is_open": hours_lib.is_open_at(hours, now, zone) if has_hours else None,
        "opening": opening_status(hours, zone, now),
        "local_now": local_now,
        "local_time": local_now.strftime("%H:%M"),
        "accessibility": location.accessibility_labels(),
        "delivery_modes": location.delivery_mode_labels(),
    }


def map_points(locations):
    return [
        {
            "name": location.name or "",
            "address": ", ".join(part for part in (location.locality, location.address) if part),
            "lat": float(location.latitude),
            "lon": float(location.longitude),
            "approximate": bool(location.coordinates_approximate),
        }
        for location in locations
        if location.has_coordinates
    ]


def map_config():
    """Tiles and attribution from settings (PORTAL_MAP_TILE_URL, PORTAL_MAP_TILE_ATTRIBUTION), as every map."""
    return tiles()


def privacy_page_url(request):
    """The personal-data policy page the editors chose in the portal settings, if it is published."""
    page = PortalSettings.for_request(request).privacy_page
    return page.get_url(request) if page is not None and page.live else None


def organisation_context(request, organisation, locations, services, now=None, preview=False):
    """Shared by the public page and the editors' preview (which has no map and no JSON-LD)."""
    now = now or timezone.now()
    location_views = [location_view(location, now) for location in locations]
    points = [] if preview else map_points(locations)
    return {
        "organisation": organisation,
        "page_title": organisation.display_name,
        "locations": location_views,
        "services": services,
        "phones": lines(organisation.phones),
        "documents": lines(organisation.documents),
        "map_points": points,
        "map_config": map_config() if points else None,
        "any_approximate": any(point["approximate"] for point in points),
        "route_url": next((directions_url(loc) for loc in locations if loc.has_coordinates), ""),
        "is_preview": preview,
        "is_stale": organisation.is_stale,
        "jsonld": None if preview else organisation_jsonld(request, organisation, locations),
    }


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(public_organisations(), slug=slug)
    locations = list(organisation.locations.all())
    services = list(organisation.services.all())
    context = organisation_context(request, organisation, locations, services)
    saved = mylist.saved_ids(request)
    context.update(
        report_form=ErrorReportForm(),
        privacy_url=privacy_page_url(request),
        saved=organisation.pk in saved,
        saved_count=len(saved),
        my_list_strings=my_list_strings(),
    )
    return render(request, "providers_map/organisation_detail.html", context)
