"""`search_index --rebuild | --sync | --status [--kind NAME ...]`

--rebuild  every kind: new index → bulk load (progress bar) → refresh → alias swap → drop the old index;
           the database fallback's records and vocabulary are rebuilt too (also without Elasticsearch).
--sync     applies pending updates and repairs drift (missing, stale and extra documents) in both.
--status   database vs index counts, drift and pending updates per kind; exit code 1 when Elasticsearch
           is configured but unavailable.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from search import client as es
from search import drift, indexing, registry
from search.fallback import store


class Command(BaseCommand):
    help = "Rebuild, sync or report on the search indices (Elasticsearch and the database fallback)."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--status", action="store_true", help="Show counts, drift and pending updates.")
        group.add_argument("--rebuild", action="store_true", help="Rebuild every index from the database.")
        group.add_argument("--sync", action="store_true", help="Apply pending updates and repair drift.")
        parser.add_argument("--kind", action="append", help="Only this kind (repeatable).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (logs, CI).")
        parser.add_argument(
            "--only",
            choices=["elasticsearch", "fallback"],
            help="With --rebuild: only the Elasticsearch indices, or only the database fallback's records.",
        )

    def kinds(self, names):
        known = {kind.name: kind for kind in registry.all_kinds()}
        if not names:
            return list(known.values())
        unknown = [name for name in names if name not in known]
        if unknown:
            raise CommandError(f"Unknown kind(s): {', '.join(unknown)}. Known: {', '.join(known)}")
        return [known[name] for name in names]

    def handle(self, *args, **options):
        kinds = self.kinds(options["kind"])
        if options["status"]:
            return self.status(kinds)
        if options["rebuild"]:
            return self.rebuild(kinds, progress=not options["no_progress"], only=options["only"])
        return self.sync(kinds)

    # ------------------------------------------------------------------------------------------ rebuild
    def rebuild(self, kinds, progress, only=None):
        use_es, use_fallback = only != "fallback", only != "elasticsearch"
        if use_es and not es.search_enabled():
            use_es = False
            if only == "elasticsearch":
                raise CommandError("ELASTICSEARCH_URL is not set: there is no Elasticsearch index to rebuild.")
        target = " and ".join(
            name for name, used in (("Elasticsearch", use_es), ("the database fallback", use_fallback)) if used
        )
        self.stdout.write(f"Rebuilding {target}.")
        total_docs, started = 0, time.monotonic()
        for kind in kinds:
            total = indexing.count(kind)
            kind_started = time.monotonic()
            bar = tqdm(
                total=total,
                desc=kind.name,
                unit="doc",
                file=self.stderr._out if hasattr(self.stderr, "_out") else sys.stderr,
                disable=not progress or not total,
                leave=False,
            )
            try:
                result = indexing.rebuild(kind, progress=bar.update, use_es=use_es, use_fallback=use_fallback)
            finally:
                bar.close()
            seconds = time.monotonic() - kind_started
            rate = result["documents"] / seconds if seconds else 0
            where = f" into {result['index']}" if result["index"] else ""
            self.stdout.write(
                f"  {kind.name}: {result['documents']} documents{where} in {seconds:.1f} s ({rate:.0f}/s)"
            )
            total_docs += result["documents"]
        if use_fallback:
            store.recount_vocabulary()
            store.tidy_after_rebuild()
        seconds = time.monotonic() - started
        self.stdout.write(f"Rebuilt {total_docs} documents in {seconds:.1f} s.")

    # --------------------------------------------------------------------------------------------- sync
    def sync(self, kinds):
        if es.search_enabled():
            status = es.search_status()
            if status["status"] != "ok":
                raise CommandError(f"Elasticsearch is unavailable ({status.get('error')}); the fallback only.")
        for kind in kinds:
            try:
                summary = drift.sync(kind)
            except (es.SearchUnavailable, *es.FAILURES) as exc:
                raise CommandError(f"{kind.name}: Elasticsearch failed during sync: {exc}") from exc
            parts = [f"{key.replace('_', ' ')} {value}" for key, value in summary.items() if key != "kind"]
            self.stdout.write(f"  {kind.name}: {', '.join(parts)}")
        self.stdout.write("Sync done.")

    # ------------------------------------------------------------------------------------------- status
    def status(self, kinds):
        status = es.search_status()
        unavailable = False
        if status["backend"] == "database":
            self.stdout.write("Search runs on the database: ELASTICSEARCH_URL is not set.")
        elif status["status"] != "ok":
            self.stderr.write(f"Elasticsearch at {status['url']} is unavailable: {status.get('error')}")
            self.stdout.write("Public search runs on the database fallback until it answers again.")
            unavailable = True
        else:
            self.stdout.write(
                f"Elasticsearch {status['version']} at {status['url']}: cluster {status['cluster']}, "
                f"health {status['health']}"
            )
        for kind in kinds:
            report = drift.status(kind, use_es=not unavailable)
            self.stdout.write(self._format(report))
        if unavailable:
            sys.exit(1)

    def _format(self, report):
        line = f"  {report['kind']}: database {report['database']}"
        if "fallback" in report:
            d = report["fallback"]
            line += f" | fallback {report['fallback_count']} (drift {d.total}: {len(d.missing)} missing, "
            line += f"{len(d.stale)} stale, {len(d.extra)} extra)"
        if "es_error" in report:
            line += f" | elasticsearch error: {report['es_error']}"
        elif "es" in report:
            d = report["es"]
            count = "no index" if report["es_count"] is None else report["es_count"]
            line += f" | elasticsearch {count} (drift {d.total}: {len(d.missing)} missing, "
            line += f"{len(d.stale)} stale, {len(d.extra)} extra)"
        line += f" | pending {report['pending']}"
        return line
