"""One full recomputation: read the registry and the gazetteer, measure every locality, add up the regions, and
store the result (the localities' table and the day's snapshot) in one transaction. Runs in the background task
(tasks.py), in `load_demo` and in the benchmark — never inside a web request.
"""

import datetime as dt
import logging
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.db_copy import insert_rows
from core.models import Region

from . import children, searches, sources
from .figures import all_figures
from .measures import METHOD_VERSION, measure_localities
from .models import ChildCount, ChildEstimate, CoverageSnapshot, LocalityCoverage

log = logging.getLogger(__name__)

SNAPSHOT_DAYS = 366  # a year of daily snapshots, so that «a year ago» is always among them
DISTANCE_DECIMALS = 2


@dataclass
class Summary:
    computed_at: dt.datetime
    localities: int
    sites: int
    seconds: dict  # step -> seconds

    def as_dict(self):
        return {
            "computed_at": self.computed_at.isoformat(),
            "localities": self.localities,
            "sites": self.sites,
            "seconds": self.seconds,
        }


def rounded(distance):
    return None if distance is None else round(distance, DISTANCE_DECIMALS)


def estimate_settings():
    estimate = ChildEstimate.load()
    return estimate, {
        "share_percent": float(estimate.share_percent),
        "source": estimate.source,
        "year": estimate.year,
        "population_source": str(children.POPULATION_SOURCE),
        "population_years": str(children.POPULATION_YEARS),
        "uploaded_localities": ChildCount.objects.count(),
    }


ROW_FIELDS = (
    "region_code", "name", "latitude", "longitude", "population", "children", "children_from_table", "distance_km",
    "band", "nearest", "by_service", "home_visits", "remote",
)  # fmt: skip


def locality_row(result, outreach):
    """The LocalityCoverage values of a result, in ROW_FIELDS order."""
    locality = result.locality
    home_visits, remote = outreach.get(locality.region_code, (False, False))
    return (
        locality.region_code,
        locality.name,
        locality.lat,
        locality.lon,
        locality.population,
        locality.children,
        locality.children_from_table,
        rounded(result.distance_km),
        result.band,
        [{**item, "distance_km": rounded(item["distance_km"])} for item in result.nearest],
        {slug: rounded(distance) for slug, distance in result.by_service.items()},
        home_visits,
        remote,
    )


def store(results, figures, computed_at):
    """Replace the localities' table, write the day's snapshot (the last one of a day wins), forget the oldest."""
    today = timezone.localdate(computed_at)
    outreach = {region["code"]: (region["home_visits"] > 0, region["remote"] > 0) for region in figures["regions"]}
    rows = [locality_row(result, outreach) for result in results]
    with transaction.atomic():
        LocalityCoverage.objects.all().delete()
        insert_rows(LocalityCoverage, ROW_FIELDS, rows)
        CoverageSnapshot.objects.update_or_create(
            day=today,
            defaults={"computed_at": computed_at, "method_version": METHOD_VERSION, "figures": figures},
        )
        CoverageSnapshot.objects.filter(day__lt=today - dt.timedelta(days=SNAPSHOT_DAYS)).delete()


def name_nearest(results):
    """The nearest organisations of every locality get their names and links (read for them only)."""
    labels = sources.provider_labels(item["organisation_id"] for result in results for item in result.nearest)
    for result in results:
        result.nearest = [
            {
                "name": labels[item["organisation_id"]][0],
                "url": labels[item["organisation_id"]][1],
                "distance_km": item["distance_km"],
                "region_code": item["region_code"],
            }
            for item in result.nearest
        ]


def recompute(now=None):
    """Compute and store everything; returns a Summary with the time each step took."""
    computed_at = now or timezone.now()
    today = timezone.localdate(computed_at)
    seconds, started = {}, time.perf_counter()

    def lap(step):
        nonlocal started
        seconds[step] = round(time.perf_counter() - started, 3)
        started = time.perf_counter()

    estimate, estimate_figures = estimate_settings()
    counts = {(c.region_code, c.locality): c.children for c in ChildCount.objects.all()}
    localities = children.localities(estimate.share_percent, counts)
    registry = sources.read_registry(today)
    regions = list(Region.objects.order_by("code").values_list("code", "name"))
    zero_results = searches.by_region(today)
    lap("read")
    results = measure_localities(localities, registry)
    lap("measure")
    name_nearest(results)
    figures = all_figures(results, registry, regions, zero_results)
    figures["children_estimate"] = estimate_figures
    figures["service_types"] = [{"slug": slug, "name": name} for slug, name in registry.service_types]
    lap("figures")
    store(results, figures, computed_at)
    lap("store")
    log.info("Coverage recomputed: %s localities, %s sites, %s", len(results), len(registry.sites), seconds)
    return Summary(computed_at, len(results), len(registry.sites), seconds)
