from django.urls import reverse

from core.sitemaps import CanonicalSitemap

from .presentation import current


class CoverageRegionSitemap(CanonicalSitemap):
    """The coverage page of each federal subject (the national page is listed with the other named pages)."""

    changefreq = "weekly"

    def items(self):
        snapshot = current()
        return [region["code"] for region in snapshot.figures["regions"]] if snapshot else []

    def location(self, code):
        return reverse("coverage:region", args=[code])
