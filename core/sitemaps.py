"""sitemap.xml: every public page under one canonical host (core.canonical), whatever host was asked.

Wagtail pages (live, public) come with the URLs Wagtail builds for them, moved onto the canonical host;
the portal's own pages that are not Wagtail pages (the finder, the open-data page, the API documentation)
are listed by URL name. Apps add their own sitemaps (e.g. provider pages) with `CanonicalSitemap`.
"""

from urllib.parse import urlsplit, urlunsplit

from django.contrib.sitemaps import Sitemap
from django.urls import Resolver404, resolve, reverse

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.views import serve as wagtail_serve

from core.canonical import canonical_base_url


class CanonicalSitemap(Sitemap):
    """A Django sitemap whose URLs use the canonical scheme and host instead of the request's."""

    def get_protocol(self, protocol=None):
        return urlsplit(canonical_base_url()).scheme or super().get_protocol(protocol)

    def get_domain(self, site=None):
        return urlsplit(canonical_base_url()).netloc or super().get_domain(site)


def served_by_wagtail(path):
    """Whether `path` reaches Wagtail's page view (a portal route may shadow a page at the same address)."""
    try:
        return resolve(path).func is wagtail_serve
    except Resolver404:
        return False


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of live public pages, on the canonical host; pages another route shadows are left out
    (the address would not show them)."""

    def _urls(self, page, protocol, domain):
        base = urlsplit(canonical_base_url())
        urls = []
        for url_info in super()._urls(page, protocol, domain):
            location = urlsplit(url_info["location"])
            if served_by_wagtail(location.path):
                url_info["location"] = urlunsplit((base.scheme, base.netloc, location.path, location.query, ""))
                urls.append(url_info)
        return urls


class NamedPagesSitemap(CanonicalSitemap):
    """Public pages that are views, not Wagtail pages."""

    changefreq = "weekly"
    url_names = ("providers:list", "providers:open_data", "coverage:index", "api_docs")

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
