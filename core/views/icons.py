"""The site's icons for browsers and phones: /favicon.ico (browsers ask for it whatever the page says) and
/site.webmanifest (name and icons when a reader adds the site to a phone's home screen)."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from core.models import PortalSettings

THEME_COLOUR = "#0b4f9c"


@require_safe
def favicon(request):
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))


@require_safe
@cache_control(max_age=24 * 3600, public=True)
def web_manifest(request):
    portal = PortalSettings.for_request(request)
    name = portal.operator_name or settings.WAGTAIL_SITE_NAME
    manifest = {
        "name": name,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "lang": "ru",
        "start_url": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
