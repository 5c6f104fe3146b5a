"""Events benchmark: the events pages, API and calendar files over the demo content behind DATABASE_URL.

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_events.py [--rounds 20]

Needs the demo (`manage.py load_demo`). Prints, per address: the median and p95 time of a whole request through
the Django stack (in process, no network), the number of database queries and the size of the answer; and for
the feed, the time of a conditional GET that ends in 304.
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


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from events.models import EventPage

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    series = EventPage.objects.live().filter(repeat__gt="").first()
    if series is None:
        raise SystemExit("No demo events: run `manage.py load_demo` first.")
    client = Client(HTTP_HOST="localhost")
    paths = [
        "/events/",
        "/events/?region=54&audience=parents&format=online",
        "/events/?when=past&recorded=1",
        series.url,
        "/api/v1/events",
        "/events/calendar.ics",
        "/events/calendar/region/54.ics",
        f"/events/calendar/event-{series.pk}.ics",
    ]
    print(f"{'address':<52} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8} {'bytes':>8}")
    for path in paths:
        client.get(path)  # warm caches (templates, VTIMEZONE rules)
        times = []
        for _ in range(rounds):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        print(f"{path:<52} {statistics.median(times):7.1f} {p95:7.1f} {len(queries):8d} {len(response.content):8d}")
    etag = client.get("/events/calendar.ics")["ETag"]
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        status = client.get("/events/calendar.ics", HTTP_IF_NONE_MATCH=etag).status_code
        times.append((time.perf_counter() - started) * 1000)
    print(f"{'/events/calendar.ics with If-None-Match → ' + str(status):<52} {statistics.median(times):7.1f}")


if __name__ == "__main__":
    main()
