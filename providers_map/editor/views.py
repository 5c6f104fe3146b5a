"""Small JSON endpoints for the editor (mounted under /admin/ by wagtail_hooks, so admin login is required)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.models import Region
from providers_map import gazetteer

MAX_QUERY_LENGTH = 100


def _error(message, details=(), status=400):
    return JsonResponse({"error": message, "details": list(details)}, status=status)


def _can_edit_registry(user):
    return user.has_perm("providers_map.add_organisation") or user.has_perm("providers_map.change_organisation")


@require_GET
def gazetteer_lookup(request):
    """`?q=<locality>[&region=<code>|&region_id=<id>]` → {"results": [{name, region_code, region, lat, lon}]}.

    The editor's region select posts ids, hence `region_id`; `region` takes the familiar code ("54").
    """
    if not _can_edit_registry(request.user):
        return _error(_("You do not have permission to edit the registry."), status=403)
    query = request.GET.get("q", "").strip()
    if not query:
        return _error(_("Type the name of a locality."), ["q"])
    if len(query) > MAX_QUERY_LENGTH:
        return _error(_("The locality name is too long."), ["q"])
    region_code = _region_code(request.GET.get("region", "").strip(), request.GET.get("region_id", "").strip())
    if region_code is False:
        return _error(_("There is no such federal subject."), ["region"])
    results = gazetteer.lookup(query, region_code=region_code) or []
    if region_code and not results:
        # The editor may have picked the region after typing: offer matches from anywhere, marked as such.
        results = gazetteer.lookup(query) or []
    return JsonResponse(
        {
            "results": [
                {
                    "name": item["name"],
                    "region_code": item.get("region_code") or "",
                    "region": _region_name(item.get("region_code")),
                    "lat": round(float(item["lat"]), 6),
                    "lon": round(float(item["lon"]), 6),
                }
                for item in results[:8]
            ]
        }
    )


def _region_code(code, region_id):
    """The region code to search in: None when not given, False when unknown."""
    if code:
        found = code.isdecimal() and len(code) <= 2 and Region.objects.filter(code=code.zfill(2)).first()
    elif region_id:
        found = region_id.isdecimal() and len(region_id) <= 9 and Region.objects.filter(pk=int(region_id)).first()
    else:
        return None
    return found.code if found else False


_REGION_NAMES = {}


def _region_name(code):
    if not code:
        return ""
    if not _REGION_NAMES:
        _REGION_NAMES.update(Region.objects.values_list("code", "name"))
    return _REGION_NAMES.get(code, "")
