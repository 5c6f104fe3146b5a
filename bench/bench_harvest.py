"""Harvest benchmark: the rate (services per second) of harvesting a local HSDS feed of 20 000 services.

    .venv/bin/python bench/bench_harvest.py [--services 20000]

In a fresh benchmark database (created, migrated and dropped again; the registry behind DATABASE_URL is never
touched): synthetic providers are made until they offer the services asked for, published as the HSDS API
publishes them (fully nested organisations), and removed again; a local server on loopback serves them as an
ndjson stream; the harvester reads, validates, de-duplicates and writes them (1), then harvests the unchanged
feed again (2). Printed: services/s of each run (wall and CPU time), what was added, and the peak memory.
"""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["ELASTICSEARCH_URL"] = ""  # the site's search on its database records: the shared cluster stays out

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # as in production: no query log
settings.HARVEST_REQUEST_INTERVAL = 0

from django.db import connection  # noqa: E402

from core import demo_core  # noqa: E402
from providers_map.demo_synthetic import build_synthetic  # noqa: E402
from providers_map.exchange.harvest.run import harvest_source  # noqa: E402
from providers_map.exchange.harvest.sources import register  # noqa: E402
from providers_map.exchange.hsds import Mapper, Nester, Vocabulary, public_organisations  # noqa: E402
from providers_map.models import Organisation, Service  # noqa: E402
from tests.providers_map.exchange.harvest.hostile import HostileFeed  # noqa: E402


class Quiet:
    def log(self, message):
        pass

    seed = 2026


def published_feed(services):
    """Nested HSDS organisations offering at least `services` services (made, published, then removed)."""
    count = services // 4
    while True:
        build_synthetic(Quiet(), count)
        if Service.objects.count() >= services:
            break
        count += max(1, (services - Service.objects.count()) // 4)
    vocabulary = Vocabulary(api_base="http://bench.example/api/hsds")
    mapper, nester = Mapper("http://bench.example", vocabulary=vocabulary), Nester(vocabulary)
    organizations = [
        nester.organization(mapper.organisation(organisation), full_service=True)
        for organisation in public_organisations().iterator(chunk_size=200)
    ]
    total = Service.objects.count()
    Organisation.objects.all().delete()
    return organizations, total


def timed_harvest(source):
    wall, cpu = time.perf_counter(), time.process_time()
    run = harvest_source(source, trigger="bench")
    return run, time.perf_counter() - wall, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    args = parser.parse_args()
    settings_db = connection.settings_dict
    settings_db.setdefault("TEST", {})["NAME"] = f"bench_harvest_{Path(str(settings_db['NAME'])).stem}"[:60]
    print(f"== database: {connection.vendor}, fresh benchmark database {settings_db['TEST']['NAME']}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        demo_core.ensure_taxonomies()
        organizations, services = published_feed(args.services)
        feed = HostileFeed(organizations)
        try:
            source, _ = register(feed.url("ndjson"), "bench", allow_private=True)
            size = len(feed.server.ndjson())  # made before the clock starts, as a real server would have it ready
            print(f"feed: {len(organizations)} organisations, {services} services, {size / 1e6:.0f} MB of ndjson "
                  f"on {feed.base}")  # fmt: skip
            tracemalloc.start()
            for label in ("1. first harvest", "2. the same feed again"):
                run, wall, cpu = timed_harvest(source)
                print(
                    f"{label:<24} {run.services:>6} services in {wall:6.1f} s = {run.services / wall:6.0f} services/s "
                    f"(CPU {cpu:5.1f} s); {run.get_status_display()}: added {run.added}, changed {run.changed}, "
                    f"unchanged {run.unchanged}, rejected {run.rejected}; {run.bytes_read / 1e6:.0f} MB read"
                )
            print(f"peak Python memory: {tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB")
            tracemalloc.stop()
        finally:
            feed.close()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
