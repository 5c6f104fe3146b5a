"""What the coverage pages show, from the stored figures: the national summary and its trend, the regions' table
and its sorting, a region's page. The public pages and the operators' admin pages use the same functions."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .measures import BAND_NAMES, FAR_BANDS
from .models import CoverageSnapshot, LocalityCoverage

TREND_DAYS = 366
FAR_LOCALITIES_SHOWN = 25
BAND_LABELS = {
    "0-10": gettext_lazy("up to 10 km"),
    "10-30": gettext_lazy("10–30 km"),
    "30-60": gettext_lazy("30–60 km"),
    "60+": gettext_lazy("over 60 km"),
}


def percent(fraction, digits=1):
    """«35,2 %» (the locale's decimal mark), or «—» when there is nothing to divide."""
    if fraction is None:
        return "—"
    return f"{number_format(fraction * 100, digits)} %"


def count(value):
    return "—" if value is None else number_format(value, 0, force_grouping=True)


def current():
    """The latest snapshot (its figures are what the pages show), or None before the first computation."""
    return CoverageSnapshot.objects.order_by("-day").first()


def trend_base(snapshot):
    """The snapshot to compare with: the oldest of the past year computed by the same method, or None."""
    if snapshot is None:
        return None
    earliest = snapshot.day - dt.timedelta(days=TREND_DAYS)
    candidates = CoverageSnapshot.objects.filter(
        day__lt=snapshot.day, day__gte=earliest, method_version=snapshot.method_version
    )
    return candidates.order_by("day").only("day", "figures").first()


def band_shares(bands, population):
    return [
        {"band": name, "label": BAND_LABELS[name], "people": bands[name], "share": _share(bands[name], population)}
        for name in BAND_NAMES
    ]


def band_rows(figures):
    """A row per band: people, their share, children aged 0–3."""
    return [
        {**row, "children": figures["children_bands"][row["band"]]}
        for row in band_shares(figures["bands"], figures["population"])
    ]


def _share(part, whole):
    return part / whole if whole else None


@dataclass
class Trend:
    before: float | None
    now: float | None
    day: dt.date | None

    @property
    def known(self):
        return self.before is not None and self.now is not None

    @property
    def before_text(self):
        return percent(self.before)

    @property
    def now_text(self):
        return percent(self.now)

    @property
    def change_points(self):
        return None if not self.known else (self.now - self.before) * 100


def beyond_30(figures, service=""):
    """The share of people beyond 30 km, overall or for one service type."""
    if service:
        return (figures.get("by_service", {}).get(service) or {}).get("share_beyond_30")
    return figures.get("share_beyond_30")


def trend(now_figures, base, code=None, service=""):
    if base is None:
        return Trend(None, beyond_30(now_figures, service), None)
    figures = base.figures["national"] if code is None else _region(base.figures, code)
    before = beyond_30(figures, service) if figures else None
    return Trend(before, beyond_30(now_figures, service), base.day)


def _region(figures, code):
    return next((region for region in figures["regions"] if region["code"] == code), None)


# ---------------------------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = True


COLUMNS = (
    Column("name", gettext_lazy("Federal subject"), numeric=False),
    Column("population", gettext_lazy("Population")),
    Column("children", gettext_lazy("Children aged 0–3")),
    *(Column(f"band_{name}", BAND_LABELS[name]) for name in BAND_NAMES),
    Column("beyond_30", gettext_lazy("Beyond 30 km")),
    Column("services_per_10k", gettext_lazy("Services per 10 000 children")),
    Column("non_state", gettext_lazy("Non-state providers")),
    Column("stale", gettext_lazy("Not verified for 12 months")),
    Column("searches", gettext_lazy("Searches without results")),
)
COLUMN_KEYS = {column.key for column in COLUMNS}
DEFAULT_SORT, DEFAULT_ORDER = "beyond_30", "desc"


@dataclass
class TableParams:
    service: str = ""
    sort: str = DEFAULT_SORT
    order: str = DEFAULT_ORDER
    errors: list = field(default_factory=list)


def read_table_params(query, service_slugs):
    """The table's choices from the query string; a value we do not know is replaced by the default and named in
    `errors` (the page says so kindly)."""
    params = TableParams()
    service = query.get("service", "")
    if service and service not in service_slugs:
        params.errors.append(_("There is no such service type; all services are shown."))
    elif service:
        params.service = service
    sort = query.get("sort", DEFAULT_SORT)
    if sort not in COLUMN_KEYS:
        params.errors.append(
            _("The table cannot be sorted by “%(value)s”; it is sorted by the share beyond 30 km.")
            % {"value": sort[:40]}
        )
    else:
        params.sort = sort
    order = query.get("order", "")
    if order and order not in ("asc", "desc"):
        params.errors.append(_("The order is “asc” or “desc”."))
    elif order:
        params.order = order
    elif params.sort == "name":
        params.order = "asc"
    return params


def row_values(region, service, base_region):
    bands = region["bands"] if not service else region["by_service"][service]["bands"]
    shares = {name: _share(bands[name], region["population"]) for name in BAND_NAMES}
    now = beyond_30(region, service)
    before = beyond_30(base_region, service) if base_region else None
    return {
        "name": region["name"],
        "population": region["population"],
        "children": region["children"],
        **{f"band_{name}": shares[name] for name in BAND_NAMES},
        "beyond_30": now,
        "beyond_30_before": before,
        "services_per_10k": region["services_per_10k_children"],
        "non_state": region["non_state_share"],
        "stale": region["stale_share"],
        "searches": region["zero_result_searches"],
    }


def display(key, value):
    if key == "name":
        return value
    if key in ("population", "children", "searches"):
        return count(value)
    if key == "services_per_10k":
        return "—" if value is None else number_format(value, 1)
    return percent(value)


def table(snapshot, base, params, region_url):
    """Rows of the regions' table, sorted as asked: each with its cells (display text) and the trend."""
    base_regions = {region["code"]: region for region in base.figures["regions"]} if base else {}
    rows = []
    for region in snapshot.figures["regions"]:
        values = row_values(region, params.service, base_regions.get(region["code"]))
        rows.append(
            {
                "code": region["code"],
                "url": region_url(region["code"]),
                "values": values,
                "cells": [(column, display(column.key, values[column.key])) for column in COLUMNS],
                "trend": Trend(values["beyond_30_before"], values["beyond_30"], base.day if base else None),
            }
        )
    present = [row for row in rows if row["values"][params.sort] is not None]
    missing = [row for row in rows if row["values"][params.sort] is None]
    present.sort(key=lambda row: row["values"]["name"])
    present.sort(key=lambda row: row["values"][params.sort], reverse=params.order == "desc")
    return present + missing  # regions without a value stay last whichever way the column is sorted


def headers(params, base_query):
    """Each column's heading with the link that sorts by it (again: the other way) and its aria-sort."""
    result = []
    for column in COLUMNS:
        active = column.key == params.sort
        if active:
            order = "asc" if params.order == "desc" else "desc"
        else:
            order = "asc" if not column.numeric else "desc"
        query = {**base_query, "sort": column.key, "order": order}
        result.append(
            {
                "column": column,
                "url": "?" + urlencode({key: value for key, value in query.items() if value}),
                "aria_sort": ("ascending" if params.order == "asc" else "descending") if active else "",
                "next_order": order,
            }
        )
    return result


# ---------------------------------------------------------------------------------------------- a region


def far_localities(code, limit=FAR_LOCALITIES_SHOWN):
    """The region's biggest localities beyond 30 km, with the nearest services to each; and how many there are."""
    far = LocalityCoverage.objects.filter(region_code=code, band__in=FAR_BANDS)
    return list(far.order_by("-population", "name")[:limit]), far.count()


def region_page(snapshot, base, code):
    figures = _region(snapshot.figures, code)
    if figures is None:
        return None
    names = {region["code"]: region["name"] for region in snapshot.figures["regions"]}
    localities, far_total = far_localities(code)
    for locality in localities:
        for item in locality.nearest:
            item["other_region"] = names.get(item["region_code"], "") if item["region_code"] != code else ""
    service_names = {item["slug"]: item["name"] for item in snapshot.figures.get("service_types", [])}
    return {
        "figures": figures,
        "bands": band_rows(figures),
        "trend": trend(figures, base, code),
        "services": [
            {
                "slug": slug,
                "name": service_names.get(slug, slug),
                "bands": band_shares(values["bands"], figures["population"]),
                "beyond_30": percent(values["share_beyond_30"]),
            }
            for slug, values in figures["by_service"].items()
        ],
        "far_localities": localities,
        "far_total": far_total,
    }
