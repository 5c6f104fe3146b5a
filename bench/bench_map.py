"""The finder's map and nearest list at scale: latency and size, Elasticsearch and the database side by side.

    DATABASE_URL=postgres://… ELASTICSEARCH_URL=http://… SEARCH_INDEX_PREFIX=bench \
        .venv/bin/python bench/bench_map.py [--providers 100000] [--requests 30] [--rebuild]

Prepares what it needs, idempotently: N synthetic providers (load_demo's generator, PostgreSQL COPY) and the
finder's location index (rebuilt through search's registry when its document count differs from the
database, or with --rebuild). Then, in-process through the whole middleware stack (django.test.Client):

- GET /api/v1/providers/map for screen-sized boxes (1280×800 px) around populated places at zooms 3, 6, 9, 12;
- GET /api/v1/providers?near=… (the first page, nearest first, with distance_km);

each on Elasticsearch and on the database fallback (PORTAL_FINDER_BACKEND), printing p50/p95 latency and the
response size (bytes as sent, and gzip-compressed), plus a plain all-points GeoJSON dump of every location —
what a map without server-side clustering would download — for comparison.
"""

import argparse
import gzip
import json
import os
import random
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
from django.test import Client  # noqa: E402

from providers_map import gazetteer  # noqa: E402
from providers_map.demo_synthetic import build_synthetic  # noqa: E402
from providers_map.finder import backends  # noqa: E402
from providers_map.finder.kind import LocationKind  # noqa: E402
from providers_map.models import Location  # noqa: E402
from search import client as es  # noqa: E402
from search import indexing  # noqa: E402

ZOOMS = (3, 6, 9, 12)
SCREEN = (1280, 800)
LIMIT_BYTES = 50 * 1024


class Ctx:
    seed = 2026

    def log(self, text):
        print(f"  {text}", flush=True)


def screen_box(lat, lon, zoom):
    """(minLon, minLat, maxLon, maxLat) of a 1280×800 px map centred on (lat, lon) at `zoom` (Web Mercator)."""
    import math

    scale = 256 * 2**zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * scale

    def lat_of(py):
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * py / scale))))

    west = max(-180.0, (x - SCREEN[0] / 2) / scale * 360 - 180)
    east = min(180.0, (x + SCREEN[0] / 2) / scale * 360 - 180)
    north, south = min(85.0, lat_of(y - SCREEN[1] / 2)), max(-85.0, lat_of(y + SCREEN[1] / 2))
    return f"{west:.5f},{south:.5f},{east:.5f},{north:.5f}"


def centres(count, seed=7):
    """Populated places (weighted by population) to centre the views on: where people open the map."""
    rng = random.Random(seed)
    places = [p for p in gazetteer.all_localities() if p["population"] >= 20_000]
    weights = [p["population"] ** 0.5 for p in places]
    return [(p["lat"], p["lon"]) for p in rng.choices(places, weights=weights, k=count)]


def prepare(providers, rebuild):
    if connection.vendor != "postgresql":
        raise SystemExit("bench_map needs PostgreSQL (DATABASE_URL=postgres://…).")
    if not es.search_enabled():
        raise SystemExit("bench_map needs Elasticsearch (ELASTICSEARCH_URL=…).")
    print(f"Synthetic providers: ensuring {providers} …", flush=True)
    started = time.perf_counter()
    added = build_synthetic(Ctx(), providers)
    print(f"  {added} added in {time.perf_counter() - started:.0f} s", flush=True)
    kind = LocationKind()
    expected = kind.objects().count()
    client = es.get_client(timeout=60)
    alias = es.index_name(kind.name)
    indexed = client.count(index=alias)["count"] if client.indices.exists_alias(name=alias) else -1
    if rebuild or indexed != expected:
        print(f"Finder index {alias}: {indexed} documents, {expected} expected: rebuilding …", flush=True)
        started = time.perf_counter()
        indexing.rebuild(kind)
        print(f"  rebuilt in {time.perf_counter() - started:.0f} s", flush=True)
    return expected


def measure(client, url, params):
    started = time.perf_counter()
    response = client.get(url, params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} {params} answered {response.status_code}: {response.content[:300]!r}")
    body = response.content
    return elapsed, len(body), len(gzip.compress(body, 6)), response


def summary(samples):
    times = sorted(s[0] for s in samples)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {
        "p50": statistics.median(times),
        "p95": p95,
        "size_p50": statistics.median(s[1] for s in samples),
        "size_max": max(s[1] for s in samples),
        "gzip_max": max(s[2] for s in samples),
    }


def run_backend(name, views, requests):
    settings.PORTAL_FINDER_BACKEND = name
    backends.reset()
    client = Client()
    results = {}
    for zoom in ZOOMS:
        params = [{"bbox": screen_box(lat, lon, zoom), "zoom": str(zoom)} for lat, lon in views[:requests]]
        for warm in params[:2]:
            measure(client, "/api/v1/providers/map", warm)
        samples = [measure(client, "/api/v1/providers/map", p) for p in params]
        features = [json.loads(s[3].content) for s in samples]
        if any(f["backend"] != name for f in features):
            raise SystemExit(f"map answered from another backend than {name}")
        results[f"map z{zoom}"] = summary(samples) | {
            "features_max": max(len(f["features"]) for f in features),
            "clustered": sum(f["clustered"] for f in features),
            "in_view_p50": statistics.median(f["total"] for f in features),
        }
    params = [{"near": f"{lat:.5f},{lon:.5f}"} for lat, lon in views[:requests]]
    for warm in params[:2]:
        measure(client, "/api/v1/providers", warm)
    samples = [measure(client, "/api/v1/providers", p) for p in params]
    results["near list"] = summary(samples)
    return results


def plain_dump():
    """Every location as one GeoJSON FeatureCollection: what a map without clustering would download."""
    started = time.perf_counter()
    rows = Location.objects.filter(organisation__live=True).values_list(
        "pk", "latitude", "longitude", "organisation__short_name", "organisation__name", "organisation__slug"
    )
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {"name": short or name, "url": f"/providers/{slug}/"},
        }
        for pk, lat, lon, short, name, slug in rows.iterator(chunk_size=5000)
        if lat is not None
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()
    elapsed = (time.perf_counter() - started) * 1000
    return {"features": len(features), "ms": elapsed, "bytes": len(body), "gzip": len(gzip.compress(body, 6))}


def kb(value):
    return f"{value / 1024:,.1f} KB".replace(",", " ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--providers", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30, help="views (and near points) per measurement")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the finder index even if it looks complete")
    args = parser.parse_args()
    settings.DEBUG = False  # no query log
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    locations = prepare(args.providers, args.rebuild)
    views = centres(args.requests)
    print(f"\n{args.providers} synthetic providers (+ any others), {locations} locations on the map.")
    print(f"{args.requests} views per line, screen {SCREEN[0]}×{SCREEN[1]} px, in-process requests.\n")
    header = f"{'':14}{'backend':>15}{'p50 ms':>9}{'p95 ms':>9}{'size p50':>11}{'size max':>11}{'gzip max':>11}"
    print(header + f"{'features':>10}{'in view p50':>13}")
    table = {name: run_backend(name, views, args.requests) for name in ("elasticsearch", "database")}
    failures = []
    for line in [f"map z{z}" for z in ZOOMS] + ["near list"]:
        for name, results in table.items():
            row = results[line]
            extra = ""
            if "features_max" in row:
                extra = f"{row['features_max']:>10}{row['in_view_p50']:>13}"
            print(
                f"{line:14}{name:>15}{row['p50']:>9.0f}{row['p95']:>9.0f}{kb(row['size_p50']):>11}"
                f"{kb(row['size_max']):>11}{kb(row['gzip_max']):>11}{extra}"
            )
            if line.startswith("map") and row["size_max"] > LIMIT_BYTES:
                failures.append(f"{line} on {name}: {row['size_max']} bytes > {LIMIT_BYTES}")
    dump = plain_dump()
    print(
        f"\nplain all-points GeoJSON dump: {dump['features']} features, {kb(dump['bytes'])} "
        f"({kb(dump['gzip'])} gzip), built in {dump['ms']:.0f} ms"
    )
    if failures:
        print("\nOVER THE 50 KB LIMIT: " + "; ".join(failures))
        return 1
    print("\nEvery map answer is within 50 KB.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
