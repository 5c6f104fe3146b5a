from django.urls import reverse

from core.sitemaps import CanonicalSitemap
from selfcheck.models import MilestoneChecklist


class ChecklistSitemap(CanonicalSitemap):
    """The self-check's start page and its published checklists (result pages carry answers: never listed)."""

    changefreq = "monthly"

    def items(self):
        return [None, *MilestoneChecklist.objects.filter(live=True).order_by("months")]

    def location(self, checklist):
        return checklist.get_absolute_url() if checklist else reverse("selfcheck:start")

    def lastmod(self, checklist):
        return checklist.last_published_at if checklist else None
