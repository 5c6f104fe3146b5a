from core.sitemaps import CanonicalSitemap
from providers_map.models import Organisation


class ProviderSitemap(CanonicalSitemap):
    """Public provider pages; synthetic (demo/benchmark) entries are not advertised to search engines."""

    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Organisation.objects.public().filter(is_synthetic=False).order_by("pk").only("slug", "updated_at")

    def lastmod(self, organisation):
        return organisation.updated_at
