"""sitemap.xml: every public page under one canonical host (portal.canonical), whatever host was asked.

Wagtail pages (live, public) come with the URLs Wagtail builds for them, moved onto the canonical host;
the portal's own pages that are not Wagtail pages (the finder, the open-data page, the API documentation)
are listed by URL name. Apps add their own sitemaps (e.g. provider pages) with `CanonicalSitemap`.
"""

from urllib.parse import urlsplit, urlunsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap

from portal.canonical import canonical_base_url


class CanonicalSitemap(Sitemap):
    """A Django sitemap whose URLs use the canonical scheme and host instead of the request's."""

    def get_protocol(self, protocol=None):
        return urlsplit(canonical_base_url()).scheme or super().get_protocol(protocol)

    def get_domain(self, site=None):
        return urlsplit(canonical_base_url()).netloc or super().get_domain(site)


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of live public pages, on the canonical host."""

    def _urls(self, page, protocol, domain):
        base = urlsplit(canonical_base_url())
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            location = urlsplit(url_info["location"])
            url_info["location"] = urlunsplit((base.scheme, base.netloc, location.path, location.query, ""))
        return urls


class NamedPagesSitemap(CanonicalSitemap):
    """Public pages that are views, not Wagtail pages."""

    changefreq = "weekly"
    url_names = ("providers:list", "providers:open_data", "api_docs")

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
