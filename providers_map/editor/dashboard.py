"""The registry panel on the admin dashboard: entries per region and ownership, stale entries, new reports."""

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.admin.ui.components import Component

from providers_map.models import ErrorReport, Location, Organisation

TOP_REGIONS = 10


class RegistryPanel(Component):
    name = "providers_registry"
    template_name = "providers_map/admin/dashboard_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    @staticmethod
    def listing_url(**params):
        url = reverse("wagtailsnippets_providers_map_organisation:list")
        return f"{url}?{urlencode(params)}" if params else url

    def regions_table(self):
        """Top regions by number of entries, with a count per ownership; each cell links to the listing."""
        ownerships = list(Organisation.Ownership.choices)
        rows = (
            Location.objects.values("region__code", "region__name", "organisation__ownership")
            .annotate(n=Count("organisation", distinct=True))
            .order_by()
        )
        by_region = {}
        for row in rows:
            region = by_region.setdefault(
                row["region__code"], {"code": row["region__code"], "name": row["region__name"], "counts": {}}
            )
            region["counts"][row["organisation__ownership"]] = row["n"]
        totals = dict(
            Location.objects.values("region__code")
            .annotate(n=Count("organisation", distinct=True))
            .order_by()
            .values_list("region__code", "n")
        )
        regions = sorted(by_region.values(), key=lambda r: (-totals[r["code"]], r["name"]))[:TOP_REGIONS]
        for region in regions:
            region["total"] = totals[region["code"]]
            region["url"] = self.listing_url(region=region["code"])
            region["cells"] = [
                {
                    "count": region["counts"].get(value, 0),
                    "url": self.listing_url(region=region["code"], ownership=value),
                    "label": label,
                }
                for value, label in ownerships
            ]
        return {"ownerships": ownerships, "regions": regions, "region_count": len(by_region)}

    def get_context_data(self, parent_context=None):
        organisations = Organisation.objects.all()
        return {
            "total": organisations.count(),
            "total_url": self.listing_url(),
            "live": organisations.filter(live=True).count(),
            "live_url": self.listing_url(publication="live"),
            "drafts": organisations.filter(live=False).count(),
            "drafts_url": self.listing_url(publication="draft"),
            "stale": organisations.stale().count(),
            "stale_url": self.listing_url(stale="yes"),
            "new_reports": ErrorReport.objects.filter(status=ErrorReport.Status.NEW).count(),
            "reports_url": reverse("wagtailsnippets_providers_map_errorreport:list") + "?status=new",
            **self.regions_table(),
        }
