"""Search at national scale: the demo plus N synthetic providers, Elasticsearch beside the database fallback.

    DATABASE_URL=postgres://… ELASTICSEARCH_URL=http://… .venv/bin/python bench/bench_search.py \
        [--providers 20000 100000] [--rounds 3] [--skip-rebuild | --rebuild-only] [--wagtail]

Each size runs in its own process, database (`<DATABASE_URL's name>_bench_<N>`, created, migrated and loaded with
`load_demo --providers N` when missing, and kept for the next run: loading 100 000 providers takes a while) and
indices (`<SEARCH_INDEX_PREFIX>-bench-<N>-…`), so it never touches the content behind DATABASE_URL. Per size it
prints the rebuild rate (documents per second, Elasticsearch and the fallback's records), then for Elasticsearch
and the database fallback over the golden set (tests/search/golden_set.py): the top-3 share, the misses, and
p50/p95 of a whole search (query, hydration, snippets). It ends with one table over the sizes: Elasticsearch
top-3, fallback top-3, both p95 and their ratio (aims: top-3 at least 95 % on Elasticsearch, the fallback's p95
at most 5 × Elasticsearch's). `--wagtail` adds Wagtail's own database search backend (indexed with update_index).
"""

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

SIZES = (20_000, 100_000)
AIM_TOP3 = 0.95
AIM_RATIO = 5.0


def bench_database_url(url, providers):
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'portal'}_bench_{providers}"
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, "")), name


def check_environment():
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark runs on PostgreSQL).")
    if not os.environ.get("ELASTICSEARCH_URL"):
        raise SystemExit("Set ELASTICSEARCH_URL (the benchmark compares Elasticsearch with the fallback).")


def use_bench_database(providers):
    """Point this process at the size's own database (created when missing) and indices."""
    import psycopg2

    url = os.environ["DATABASE_URL"]
    bench_url, name = bench_database_url(url, providers)
    admin = psycopg2.connect(url)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}", flush=True)
    admin.close()
    os.environ["DATABASE_URL"] = bench_url
    os.environ["SEARCH_INDEX_PREFIX"] = f"{os.environ.get('SEARCH_INDEX_PREFIX', 'portal')}-bench-{providers}"
    return name


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, queries, rounds):
    """(result urls of the first pass, [seconds per search]) after one warm-up pass."""
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


def rebuild(call_command):
    for only in ("elasticsearch", "fallback"):
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


def one_size(args):
    """Everything for one size, in this process; the last line printed is the figures as JSON."""
    database = use_bench_database(args.size)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from providers_map.demo_synthetic import build_synthetic
    from providers_map.models import Organisation
    from search import registry
    from search.client import search_status
    from search.results import SearchRequest
    from search.service import run
    from tests.search.golden_set import GOLDEN, top3_hit

    quiet = open(os.devnull, "w")
    call_command("migrate", "--noinput", stdout=quiet)
    loaded = False
    if Organisation.objects.filter(is_synthetic=False).exists():  # a set loaded by an older generator catches up
        build_synthetic(Progress(), args.size)
    if (
        Organisation.objects.filter(is_synthetic=True).count() < args.size
        or not Organisation.objects.filter(is_synthetic=False).exists()
    ):
        print(f"loading the demo with {args.size} synthetic providers into {database} (once) …", flush=True)
        started = time.perf_counter()
        call_command("load_demo", "--providers", str(args.size), stdout=quiet)
        print(f"  loaded in {time.perf_counter() - started:.0f} s (load_demo ends with a rebuild)", flush=True)
        loaded = True
    status = search_status()
    pages = sum(kind.objects().count() for kind in registry.cross_kinds() if not kind.located)
    print(f"PostgreSQL {connection.pg_version // 10000}, database {database}; Elasticsearch {status.get('version')}")
    print(
        f"content: {Organisation.objects.public().count()} published providers "
        f"({Organisation.objects.filter(is_synthetic=True).count()} synthetic), {pages} pages"
    )
    if args.skip_rebuild or (loaded and not args.rebuild_only):
        print("rebuild skipped (" + ("--skip-rebuild" if args.skip_rebuild else "load_demo has just rebuilt") + ")")
    else:
        print("rebuild")
        rebuild(call_command)
    if args.rebuild_only:
        print(json.dumps({"providers": args.size}))
        return 0

    def ours(force_database):
        def search(query):
            found = run(SearchRequest(q=query), force_database=force_database)
            return [r.url for r in found.promoted + found.results]

        return search

    backends = [("elasticsearch", ours(False)), ("fallback", ours(True))]
    if args.wagtail:
        backends.append(("wagtail", wagtail_search(call_command, quiet)))
    figures = {"providers": args.size}
    print(f"{len(GOLDEN)} golden queries × {args.rounds} rounds (whole search: query, hydration, snippets)")
    for name, function in backends:
        urls, times = timed(function, GOLDEN, args.rounds)
        misses = [(query, urls[query][:3]) for query, expected in GOLDEN if not top3_hit(urls[query], expected)]
        figures[name] = {
            "top3": 1 - len(misses) / len(GOLDEN),
            "p50": percentile(times, 0.5) * 1000,
            "p95": percentile(times, 0.95) * 1000,
            "mean": statistics.mean(times) * 1000,
        }
        row = figures[name]
        print(f"  {name:<14} top-3 {row['top3']:6.1%}   p50 {row['p50']:7.1f} ms   p95 {row['p95']:7.1f} ms")
        for query, got in misses:
            print(f"    miss {query!r}: {', '.join(got) or 'nothing'}")
    print(json.dumps(figures))
    return 0


class Progress:
    """What demo builders log to (load_demo's context), printed."""

    seed = 2026  # load_demo's default

    @staticmethod
    def log(line):
        print(f"  {line}", flush=True)


def wagtail_search(call_command, quiet):
    """Wagtail's database backend over pages and organisations, as WAGTAILSEARCH_BACKENDS configures it."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from providers_map.models import Organisation

    print("indexing Wagtail's database backend (update_index) …", flush=True)
    call_command("update_index", stdout=quiet, stderr=quiet)
    backend = get_search_backend()  # Organisation's queryset is a plain QuerySet (no .search())

    def search(query):
        pages = Page.objects.live().public().search(query).annotate_score("_score")[:10]
        organisations = backend.search(query, Organisation.objects.public()).annotate_score("_score")[:10]
        scored = [(page._score, page.url) for page in pages]
        scored += [(org._score, org.get_absolute_url()) for org in organisations]
        return [url for _score, url in sorted(scored, key=lambda item: -(item[0] or 0))]

    return search


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--providers", type=int, nargs="+", default=list(SIZES), help="sizes: synthetic providers")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the golden set per backend")
    parser.add_argument("--wagtail", action="store_true", help="also Wagtail's own database search backend")
    rebuild_group = parser.add_mutually_exclusive_group()
    rebuild_group.add_argument("--skip-rebuild", action="store_true", help="reuse the indices of a last run")
    rebuild_group.add_argument("--rebuild-only", action="store_true", help="measure the rebuild rate, no searches")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one size, in a child process
    args = parser.parse_args()
    check_environment()
    if args.size:
        return one_size(args)

    results = []
    for size in args.providers:
        print(f"\n== {size} synthetic providers", flush=True)
        command = [sys.executable, __file__, "--size", str(size), "--rounds", str(args.rounds)]
        command += [flag for flag, on in (("--skip-rebuild", args.skip_rebuild), ("--rebuild-only", args.rebuild_only),
                                          ("--wagtail", args.wagtail)) if on]  # fmt: skip
        child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        last = ""
        for line in child.stdout:
            if line.startswith("{"):
                last = line
            else:
                print(line, end="", flush=True)
        if child.wait() != 0 or not last:
            raise SystemExit(f"the run with {size} providers failed")
        results.append(json.loads(last))
    if args.rebuild_only:
        return 0

    print("\nproviders   ES top-3   fallback top-3   ES p95 ms   fallback p95 ms   fallback / ES p95")
    missed = False
    for row in results:
        es, db = row["elasticsearch"], row["fallback"]
        ratio = db["p95"] / es["p95"]
        missed |= es["top3"] < AIM_TOP3 or ratio > AIM_RATIO
        print(
            f"{row['providers']:>9}   {es['top3']:>8.1%}   {db['top3']:>14.1%}   {es['p95']:>9.1f}"
            f"   {db['p95']:>15.1f}   {ratio:>17.2f}"
        )
    print(f"aims: Elasticsearch top-3 at least {AIM_TOP3:.0%}; fallback p95 at most {AIM_RATIO:g} × Elasticsearch's")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
