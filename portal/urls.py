from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.api import api
from core.api import not_found as api_not_found
from core.api_docs import api_docs
from core.sitemaps import NamedPagesSitemap, PageSitemap
from core.views.health import healthz
from core.views.icons import favicon, web_manifest
from core.views.site_files import robots_txt, security_txt
from core.views.vision import low_vision
from events import urls as events_urls
from events.api import router as events_router
from providers_map import urls as registry_urls
from providers_map.coverage import urls as coverage_urls
from providers_map.coverage.api import router as coverage_router
from providers_map.coverage.sitemaps import CoverageRegionSitemap
from providers_map.exchange import urls as open_data_urls
from providers_map.exchange.hsds import urls as hsds_urls
from providers_map.finder import urls as finder_urls
from providers_map.finder.api import router as providers_router
from providers_map.sitemaps import ProviderSitemap
from providers_map.verification import urls as verification_urls
from search import urls as search_urls
from search.api import router as search_router
from selfcheck import urls as selfcheck_urls
from selfcheck.sitemaps import ChecklistSitemap

SITEMAPS = {
    "pages": PageSitemap,
    "sections": NamedPagesSitemap,
    "providers": ProviderSitemap,
    "self-check": ChecklistSitemap,
    "coverage": CoverageRegionSitemap,
}

api.add_router("/search", search_router)
api.add_router("/providers", providers_router)
api.add_router("/events", events_router)
api.add_router("/coverage", coverage_router)

# /providers/: the finder, the open-data pages, then the provider pages (whose slugs never take the others' names)
# and their verification pages
PROVIDERS = (
    finder_urls.urlpatterns + open_data_urls.urlpatterns + registry_urls.urlpatterns + verification_urls.urlpatterns,
    "providers",
)

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
    path("providers/", include(PROVIDERS)),
    path("search/", include(search_urls)),
    path("self-check/", include(selfcheck_urls)),
    path("events/", include(events_urls)),  # calendar files beside the /events/ page
    path("coverage/", include(coverage_urls)),
    # The JSON API; apps add their routers to `api` above this list (api.add_router(prefix, router)).
    path("api/v1/docs", api_docs, name="api_docs"),
    path("api/v1/", api.urls),
    path("api/hsds/", include(hsds_urls)),
    re_path(r"^api/", api_not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
