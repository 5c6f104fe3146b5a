"""Load figures of the production process: simulated visitors (locust, headless) against `make serve` on loopback.

    make services && source .services/env && .venv/bin/python manage.py load_demo --providers 100000
    .venv/bin/python bench/bench_load.py [--users 1,8,32,64] [--seconds 20] [--max-requests 20000]
                                         [--modes elasticsearch,database] [--port 8765]

For each mode the bench starts `make serve` itself (deploy/Procfile: gunicorn's workers and the import worker,
production settings), with the per-client API limit raised (every simulated visitor comes from 127.0.0.1) and,
in "database" mode, search and the finder on the database fallback (ELASTICSEARCH_URL empty,
PORTAL_FINDER_BACKEND=database). Each level of concurrent users runs for --seconds (after a short ramp that is
not counted) or until --max-requests, whichever comes first; every user sends its next request as soon as the
last one is answered. The mix: home, guidance, library, the finder's list, the map API at zooms 6, 9 and 12,
provider pages and search. It prints requests per second, p50/p95/p99 per route and errors at each level, then
the throughput at 32 users against 1 (target ≥ 1.8×) and the errors at 64 (target 0).
"""

# locust patches the standard library for gevent: before anything else is imported.
from locust import FastHttpUser, constant, events, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import gevent

ROOT = Path(__file__).resolve().parent.parent
CITIES = [  # (name, lat, lon): where the map is looked at and the nearest list asked for
    ("Москва", 55.7558, 37.6173),
    ("Новосибирск", 55.0302, 82.9204),
    ("Екатеринбург", 56.8389, 60.6057),
    ("Казань", 55.7961, 49.1064),
    ("Красноярск", 56.0106, 92.8526),
    ("Ростов-на-Дону", 47.2357, 39.7015),
]
SEARCHES = ["речь", "ранняя помощь", "слух", "аутизм", "логопед", "не говорит в 2 года", "ДЦП", "ИПРП"]
RAMP_SECONDS = 2


def screen_bbox(lat, lon, zoom, width=1280, height=800):
    """The box a width×height px map shows at `zoom` around a point (Web Mercator, 256 px tiles)."""
    lon_span = width * 360 / (256 * 2**zoom)
    lat_span = height * 360 / (256 * 2**zoom) * math.cos(math.radians(lat))
    return f"{lon - lon_span / 2:.4f},{lat - lat_span / 2:.4f},{lon + lon_span / 2:.4f},{lat + lat_span / 2:.4f}"


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.loads(response.read())


def site_paths(base):
    """Pages to visit, read from the running site: guidance and library pages, provider pages near the cities."""
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=60) as response:
        sitemap = response.read().decode()
    paths = [urllib.parse.urlsplit(url).path for url in sitemap.split("<loc>")[1:] for url in [url.split("<")[0]]]
    if any(path.endswith(".xml") for path in paths):  # a sitemap index: its first section has the pages
        with urllib.request.urlopen(base + paths[0], timeout=60) as response:
            section = response.read().decode()
        paths = [urllib.parse.urlsplit(url.split("<")[0]).path for url in section.split("<loc>")[1:]]
    providers = []
    for _name, lat, lon in CITIES:
        found = get_json(base, f"/api/v1/providers?near={lat},{lon}&page_size=50")["results"]
        providers += [urllib.parse.urlsplit(item["url"]).path for item in found]
    return {
        "guidance": [path for path in paths if path.startswith("/parents/") and path != "/parents/"],
        "library": [path for path in paths if path.startswith("/library/")],
        "providers": providers,
    }


class Visitor(FastHttpUser):
    """One visitor of the mix; the weights are how often each kind of request comes."""

    wait_time = constant(0)
    paths = {}

    def _get(self, path, name):
        self.client.get(path, name=name)

    @task(3)
    def home(self):
        self._get("/", "home")

    @task(3)
    def guidance(self):
        self._get(random.choice(self.paths["guidance"]), "guidance page")

    @task(2)
    def library(self):
        self._get(random.choice(self.paths["library"]), "library")

    @task(3)
    def finder_list(self):
        name, _lat, _lon = random.choice(CITIES)
        query = {"where": name, **random.choice([{}, {"age_years": "2"}, {"free": "1"}])}
        self._get("/providers/?" + urllib.parse.urlencode(query), "finder list")

    @task(6)
    def map_api(self):
        _name, lat, lon = random.choice(CITIES)
        zoom = random.choice([6, 9, 12])
        query = urllib.parse.urlencode({"bbox": screen_bbox(lat, lon, zoom), "zoom": zoom})
        self._get(f"/api/v1/providers/map?{query}", f"map API zoom {zoom}")

    @task(4)
    def provider(self):
        self._get(random.choice(self.paths["providers"]), "provider page")

    @task(3)
    def search(self):
        self._get("/search/?" + urllib.parse.urlencode({"q": random.choice(SEARCHES)}), "search")


class Serve:
    """`make serve` in its own process group on 127.0.0.1:port, with `extra` in its environment."""

    def __init__(self, port, extra, log):
        self.port, self.extra, self.log = port, extra, log

    def __enter__(self):
        env = {**os.environ, **self.extra, "PORT": str(self.port)}
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 600  # collectstatic may run first
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"make serve exited; see {self.log}")
            try:
                get_json(self.base, "/healthz")
                return self
            except (OSError, urllib.error.HTTPError, ValueError):
                if time.monotonic() > deadline:
                    raise SystemExit(f"make serve did not answer; see {self.log}") from None
                time.sleep(0.5)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc_info):
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def run_level(base, users, seconds, max_requests):
    """`users` visitors at once for `seconds` (or `max_requests`); the stats of the measured part."""
    environment = Environment(user_classes=[Visitor], host=base, events=events)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(RAMP_SECONDS)
    environment.stats.reset_all()
    started = time.monotonic()
    while time.monotonic() - started < seconds and environment.stats.total.num_requests < max_requests:
        gevent.sleep(0.2)
    elapsed = time.monotonic() - started
    runner.quit()
    return environment.stats, elapsed


def print_level(mode, users, stats, elapsed):
    # The machine's load average says whether others shared the cores with the server and locust meanwhile.
    load = os.getloadavg()[0]
    print(f"\n{mode}, {users} user{'s' if users > 1 else ''}: {elapsed:.0f} s (load average {load:.1f})")
    print(f"  {'route':<16} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
    rows = sorted(stats.entries.values(), key=lambda entry: entry.name) + [stats.total]
    for entry in rows:
        name = "all" if entry is stats.total else entry.name
        print(
            f"  {name:<16} {entry.num_requests:>8} {entry.num_requests / elapsed:>7.1f} "
            f"{entry.get_response_time_percentile(0.5):>7.0f} {entry.get_response_time_percentile(0.95):>7.0f} "
            f"{entry.get_response_time_percentile(0.99):>7.0f} {entry.num_failures:>6}"
        )
    for error in list(stats.errors.values())[:5]:
        print(f"  error: {error.occurrences} × {error.method} {error.name}: {error.error}")


def bench_mode(mode, args):
    extra = {"API_RATE_LIMIT": "100000000/60"}
    if args.workers:
        extra["WEB_CONCURRENCY"] = str(args.workers)
    if mode == "database":
        extra.update(ELASTICSEARCH_URL="", PORTAL_FINDER_BACKEND="database")
    log = ROOT / "var" / f"bench-load-serve-{mode}.log"
    log.parent.mkdir(exist_ok=True)
    with Serve(args.port, extra, log) as server:
        health = get_json(server.base, "/healthz")
        print(f"\n== {mode}: search {health['search']['mode']}, finder {health['finder']['backend']} (log: {log})")
        Visitor.paths = site_paths(server.base)
        in_view = get_json(server.base, "/api/v1/providers/map?bbox=19,41,180,82&zoom=3")["features"]
        print(f"   locations on the map: {sum(f['properties'].get('count', 1) for f in in_view)}")
        run_level(server.base, 4, 3, args.max_requests)  # warm every worker's caches; not counted
        totals = {}
        for users in args.users:
            stats, elapsed = run_level(server.base, users, args.seconds, args.max_requests)
            print_level(mode, users, stats, elapsed)
            totals[users] = (stats.total.num_requests / elapsed, stats.total.num_failures)
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="1,8,32,64", help="Levels of concurrent users.")
    parser.add_argument("--seconds", type=float, default=20, help="Measured seconds per level.")
    parser.add_argument("--max-requests", type=int, default=20_000, help="Requests per level at most.")
    parser.add_argument("--modes", default="elasticsearch,database")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=0, help="WEB_CONCURRENCY (default: deploy/gunicorn.conf.py's)")
    args = parser.parse_args()
    args.users = [int(users) for users in args.users.split(",")]
    summary = {mode: bench_mode(mode, args) for mode in args.modes.split(",")}
    print("\nsummary")
    for mode, totals in summary.items():
        low, high = min(totals), max(totals)
        ratio_users = 32 if 32 in totals else high
        ratio = totals[ratio_users][0] / totals[low][0] if totals[low][0] else float("nan")
        print(
            f"  {mode}: {totals[low][0]:.1f} req/s at {low} user(s), {totals[ratio_users][0]:.1f} at {ratio_users} "
            f"({ratio:.2f}×, target ≥ 1.8×); errors at {high} users: {totals[high][1]} (target 0)"
        )


if __name__ == "__main__":
    sys.exit(main())
