"""Search benchmark: the demo plus N synthetic providers on PostgreSQL; three search backends side by side.

    DATABASE_URL=postgres://… ELASTICSEARCH_URL=http://… .venv/bin/python bench/bench_search.py \
        [--providers 100000] [--rounds 3] [--skip-wagtail-index] [--skip-rebuild | --rebuild-only]

It works in its own database, `<DATABASE_URL's name>_bench` (created and migrated when missing, kept for the
next run: loading 100 000 providers takes a while), and its own indices (`<SEARCH_INDEX_PREFIX>-bench-…`), so
it never touches the content behind DATABASE_URL. It prints:

- the rebuild rate: documents per second for Elasticsearch (`search_index --rebuild --only elasticsearch`) and
  for the database fallback's records (`--only fallback`);
- for Elasticsearch, the database fallback and Wagtail's own database search backend (pages and organisations,
  as `WAGTAILSEARCH_BACKENDS` configures it, indexed with `update_index`), over the golden set
  (tests/search/golden_set.py): top-3 share, and p50/p95 latency of a whole search (query, hydration, snippets).
"""

import argparse
import io
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def bench_database_url(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "portal"
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}_bench", parts.query, "")), f"{name}_bench"


def prepare_environment():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark runs on PostgreSQL).")
    if not os.environ.get("ELASTICSEARCH_URL"):
        raise SystemExit("Set ELASTICSEARCH_URL (the benchmark compares Elasticsearch with the databases).")
    bench_url, name = bench_database_url(url)
    import psycopg2

    admin = psycopg2.connect(url)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")
    admin.close()
    os.environ["DATABASE_URL"] = bench_url
    os.environ["SEARCH_INDEX_PREFIX"] = f"{os.environ.get('SEARCH_INDEX_PREFIX', 'portal')}-bench"
    return name


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, queries, rounds):
    """(golden urls of the first pass, [seconds per search]) after one warm-up pass."""
    for query, _expected in queries:
        function(query)
    first, times = {}, []
    for round_number in range(rounds):
        for query, _expected in queries:
            started = time.perf_counter()
            urls = function(query)
            times.append(time.perf_counter() - started)
            if round_number == 0:
                first[query] = urls
    return first, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--providers", type=int, default=100_000, help="synthetic providers to add to the demo")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the golden set per backend")
    parser.add_argument("--skip-wagtail-index", action="store_true", help="reuse Wagtail's index from a last run")
    rebuild = parser.add_mutually_exclusive_group()
    rebuild.add_argument("--skip-rebuild", action="store_true", help="reuse the indices and records of a last run")
    rebuild.add_argument("--rebuild-only", action="store_true", help="measure the rebuild rate, no searches")
    args = parser.parse_args()
    database = prepare_environment()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from providers_map.models import Organisation
    from search import registry
    from search.client import search_status
    from search.results import SearchRequest
    from search.service import run
    from tests.search.golden_set import GOLDEN, top3_hit

    quiet = open(os.devnull, "w")
    call_command("migrate", "--noinput", stdout=quiet)
    synthetic = Organisation.objects.filter(is_synthetic=True).count()
    if synthetic < args.providers or not Organisation.objects.filter(is_synthetic=False).exists():
        print(f"loading the demo with {args.providers} synthetic providers into {database} (once) …", flush=True)
        started = time.perf_counter()
        call_command("load_demo", "--providers", str(args.providers), stdout=quiet)
        print(f"  loaded in {time.perf_counter() - started:.0f} s")
    status = search_status()
    print(f"PostgreSQL {connection.pg_version // 10000}, database {database}; Elasticsearch {status.get('version')}")
    print(f"content: {Organisation.objects.public().count()} published providers "
          f"({Organisation.objects.filter(is_synthetic=True).count()} synthetic), "
          f"{sum(registry.get(k).objects().count() for k in ('guidance', 'library'))} pages")  # fmt: skip

    print("\nrebuild" + (" skipped (--skip-rebuild: the indices of a last run)" if args.skip_rebuild else ""))
    for only in () if args.skip_rebuild else ("elasticsearch", "fallback"):
        out = io.StringIO()
        started = time.perf_counter()
        call_command("search_index", "--rebuild", "--no-progress", "--only", only, stdout=out)
        seconds = time.perf_counter() - started
        documents = int(re.search(r"Rebuilt (\d+) documents", out.getvalue()).group(1))
        print(f"  {only:<14} {documents:>7} documents in {seconds:6.1f} s = {documents / seconds:7.0f} documents/s")
        for kind, kind_documents, kind_seconds in re.findall(
            r"  ([\w-]+): (\d+) documents.* in ([\d.]+) s", out.getvalue()
        ):
            kind_documents, kind_seconds = int(kind_documents), float(kind_seconds)
            rate = kind_documents / kind_seconds if kind_seconds else 0
            print(f"    {kind:<18} {kind_documents:>7} documents in {kind_seconds:6.1f} s = {rate:7.0f} documents/s")
    if args.rebuild_only:
        return 0

    if not args.skip_wagtail_index:
        print("\nindexing Wagtail's database backend (update_index) …", flush=True)
        started = time.perf_counter()
        call_command("update_index", stdout=quiet, stderr=quiet)
        print(f"  done in {time.perf_counter() - started:.0f} s")

    def ours(force_database):
        def search(query):
            found = run(SearchRequest(q=query), force_database=force_database)
            return [r.url for r in found.promoted + found.results]

        return search

    def wagtail(query):
        from wagtail.models import Page
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()  # Organisation's queryset is a plain QuerySet (no .search())

        pages = Page.objects.live().public().search(query).annotate_score("_score")[:10]
        organisations = backend.search(query, Organisation.objects.public()).annotate_score("_score")[:10]
        scored = [(page._score, page.url) for page in pages]
        scored += [(org._score, org.get_absolute_url()) for org in organisations]
        return [url for _score, url in sorted(scored, key=lambda item: -(item[0] or 0))]

    rows = []
    for name, function in (
        ("Elasticsearch", ours(False)),
        ("fallback (PostgreSQL)", ours(True)),
        ("Wagtail database backend", wagtail),
    ):
        urls, times = timed(function, GOLDEN, args.rounds)
        share = sum(top3_hit(urls[q], expected) for q, expected in GOLDEN) / len(GOLDEN)
        rows.append(
            (name, share, percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000, statistics.mean(times))
        )

    print(f"\n{len(GOLDEN)} golden queries × {args.rounds} rounds (whole search: query, hydration, snippets)")
    print(f"  {'backend':<26} {'top-3':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for name, share, p50, p95, _mean in rows:
        print(f"  {name:<26} {share:>6.1%} {p50:>8.1f} {p95:>8.1f}")
    es_p95, wagtail_p95 = rows[0][3], rows[2][3]
    print(f"\nElasticsearch p95 / Wagtail database backend p95 = {es_p95 / wagtail_p95:.2f} (aim: at most 0.20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
