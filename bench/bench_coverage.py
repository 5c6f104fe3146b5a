"""Coverage monitoring at scale: the time of a full recompute (read, measure, add up, store) at N providers.

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_coverage.py [--providers 100000] [--runs 3]

Prepares N synthetic providers idempotently (load_demo's generator: `load_demo --providers N` makes the same ones,
PostgreSQL COPY), then runs the background task's recompute `--runs` times in this process, as the worker would,
and prints each step's seconds and the total. The target: a full recompute for 100 000 providers within 30 s.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from providers_map.coverage import compute  # noqa: E402
from providers_map.coverage.models import CoverageSnapshot  # noqa: E402
from providers_map.demo_synthetic import build_synthetic  # noqa: E402
from providers_map.models import Organisation  # noqa: E402

TARGET_SECONDS = 30


class Ctx:
    seed = 2026

    def log(self, text):
        print(f"  {text}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--providers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench_coverage needs PostgreSQL (DATABASE_URL=postgres://…).")
    settings.DEBUG = False  # no query log
    print(f"Synthetic providers: ensuring {args.providers} …", flush=True)
    started = time.perf_counter()
    added = build_synthetic(Ctx(), args.providers)
    print(f"  {added} added in {time.perf_counter() - started:.0f} s", flush=True)
    published = Organisation.objects.public().count()
    print(
        f"\n{published} published providers in the registry, {os.cpu_count()} CPU cores; load {os.getloadavg()[0]:.1f}"
    )
    totals = []
    for run in range(1, args.runs + 1):
        started = time.perf_counter()
        summary = compute.recompute()
        total = time.perf_counter() - started
        totals.append(total)
        steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in summary.seconds.items())
        print(
            f"run {run}: {total:.1f} s ({steps}); {summary.sites} early-care locations, "
            f"{summary.localities} localities",
            flush=True,
        )
    national = CoverageSnapshot.objects.order_by("-day").first().figures["national"]
    print(
        f"\nFull recompute at {published} providers: median {statistics.median(totals):.1f} s, "
        f"best {min(totals):.1f} s (target {TARGET_SECONDS} s)."
    )
    print(
        f"People beyond 30 km: {national['share_beyond_30']:.1%}; providers {national['providers']}, "
        f"locations {national['locations']}."
    )


if __name__ == "__main__":
    main()
