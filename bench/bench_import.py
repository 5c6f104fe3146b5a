"""Import benchmark: a generated 10 000-row file with about 5 % bad rows, on PostgreSQL and on SQLite.

    .venv/bin/python bench/bench_import.py [--rows 10000] [--keep-file PATH] [--only-this-database] [--no-hostile]

Per database (the one behind DATABASE_URL, then the embedded SQLite unless --only-this-database), in a fresh
benchmark database created, migrated and dropped again (the registry behind DATABASE_URL is never touched):
1. first import of the operator's file (template layout, Windows-1251): target ≥ 500 rows/s;
2. the same file again, unchanged: target ≥ 5 000 rows/s, 0 organisations changed;
3. the registry's own export (the lossless layout: address and service rows) re-imported: 0 changes, rows/s.
Also: revisions per created organisation (1), the queries the first run made, and the wall and CPU time of
each run. Then the hostile files (zip bombs): CPU time and peak memory until they are refused.
"""

import argparse
import os
import subprocess
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

from django.db import connection  # noqa: E402

from providers_map.exchange.importing.pipeline import run_import  # noqa: E402
from tests.providers_map.exchange.importing.registry_file import generate  # noqa: E402

TARGET_FIRST, TARGET_UNCHANGED = 500, 5000


def timed(data, name, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = run_import(data, name, search="later", **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def timed_search(result):
    """The site's search update that follows an import (a background task after an admin import)."""
    from providers_map.exchange.importing.upsert import update_search

    wall, cpu = time.perf_counter(), time.process_time()
    count = update_search(result.written)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"   then the site's search for {count} entries: {wall:.1f} s (CPU {cpu:.1f} s), in the background")


def line(label, result, wall, cpu, rows=None, target=None):
    rows = rows or result.rows_total
    rate = rows / wall
    verdict = "" if target is None else ("  ok" if rate >= target else f"  BELOW the {target} rows/s target")
    print(
        f"{label:<34} {rows:>6} rows in {wall:6.1f} s = {rate:7.0f} rows/s (CPU {cpu:5.1f} s), "
        f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}{verdict}"
    )
    return rate >= target if target else True


def bench_database(rows, keep_file):
    from wagtail.models import Revision

    from providers_map.exchange.exporting import export_csv
    from providers_map.models import Location, Organisation, Service

    data = generate(rows)
    if keep_file:
        Path(keep_file).write_bytes(data)
    connection.force_debug_cursor = True
    first, wall, cpu = timed(data, "bench.csv")
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    print(f"rows in file: {first.rows_total} (Windows-1251, ';'), accepted {first.rows_accepted}, rejected "
          f"{first.rows_rejected}, warnings {len(first.warnings)}")  # fmt: skip
    ok = line("1. first import", first, wall, cpu, target=TARGET_FIRST)
    timed_search(first)
    organisations = Organisation.objects.count()
    revisions = Revision.objects.count()
    print(f"   registry: {organisations} organisations, {Location.objects.count()} locations, "
          f"{Service.objects.count()} services; {revisions / max(organisations, 1):.2f} revisions per organisation; "
          f"{queries} queries")  # fmt: skip
    second, wall, cpu = timed(data, "bench.csv")
    ok &= line("2. the same file, unchanged", second, wall, cpu, target=TARGET_UNCHANGED)
    ok &= second.changes == 0 and Revision.objects.count() == revisions
    export = export_csv()
    third, wall, cpu = timed(export, "registry.csv")
    ok &= line("3. its own export (lossless layout)", third, wall, cpu, target=TARGET_UNCHANGED)
    ok &= third.changes == 0 and third.exit_code == 0
    return ok


def bench_hostile():
    from tests.providers_map.exchange.importing import hostile_files

    for label, build in (
        ("xlsx, 5 000 000 rows", lambda: hostile_files.row_bomb(5_000_000)),
        ("xlsx, 300 MB of text", lambda: hostile_files.text_bomb(300)),
    ):
        data = build()
        tracemalloc.start()
        wall, cpu = time.perf_counter(), time.process_time()
        result = run_import(data, "bomb.xlsx", dry_run=True)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"hostile {label:<22} {len(data) / 1024:7.0f} KB: refused (exit {result.exit_code}) after "
            f"{wall:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MB — {result.unusable}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep-file", help="Also save the generated file here.")
    parser.add_argument("--only-this-database", action="store_true", help="Skip the SQLite run.")
    parser.add_argument("--no-hostile", action="store_true")
    args = parser.parse_args()

    settings_db = connection.settings_dict
    settings_db.setdefault("TEST", {})["NAME"] = f"bench_{Path(str(settings_db['NAME'])).stem}"[:60]
    print(f"== database: {connection.vendor}, fresh benchmark database {settings_db['TEST']['NAME']}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        ok = bench_database(args.rows, args.keep_file)
        if not args.no_hostile:
            bench_hostile()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    if connection.vendor != "sqlite" and not args.only_this_database:
        sqlite = ROOT / "var" / "bench-import.sqlite3"
        sqlite.parent.mkdir(exist_ok=True)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{sqlite}"}
        command = [sys.executable, __file__, "--rows", str(args.rows), "--only-this-database", "--no-hostile"]
        ok &= subprocess.run(command, env=env, check=False).returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
