from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from events.api import router as events_router
from portal.api import api
from portal.api import not_found as api_not_found
from portal.api_docs import api_docs
from portal.sitemaps import NamedPagesSitemap, PageSitemap
from portal.views import healthz, robots_txt, security_txt
from portal.views_icons import favicon, web_manifest
from portal.views_vision import low_vision
from providers_map.api import router as providers_router
from providers_map.sitemaps import ProviderSitemap
from search.api import router as search_router

SITEMAPS = {"pages": PageSitemap, "sections": NamedPagesSitemap, "providers": ProviderSitemap}

api.add_router("/search", search_router)
api.add_router("/providers", providers_router)
api.add_router("/events", events_router)

# App URLconfs are added above the Wagtail catch-all, one line per app.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("site.webmanifest", web_manifest, name="web_manifest"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("low-vision/", low_vision, name="low_vision"),
    path("providers/", include("providers_map.urls")),
    path("search/", include("search.urls")),
    path("events/", include("events.urls")),  # calendar files beside the /events/ page
    # The JSON API; apps add their routers to `api` above this list (api.add_router(prefix, router)).
    path("api/v1/docs", api_docs, name="api_docs"),
    path("api/v1/", api.urls),
    path("api/hsds/", include("providers_map.hsds.urls")),
    re_path(r"^api/", api_not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
