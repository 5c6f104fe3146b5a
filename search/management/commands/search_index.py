import sys

from django.core.management.base import BaseCommand, CommandError

from search.client import get_client, index_name, search_enabled, search_status


class Command(BaseCommand):
    help = "Report on (and, as search grows, rebuild or sync) the public Elasticsearch indices."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--status", action="store_true", help="Show cluster and index status.")
        group.add_argument("--rebuild", action="store_true", help="Rebuild every index from the database.")
        group.add_argument("--sync", action="store_true", help="Re-index what is pending after failures.")

    def handle(self, *args, **options):
        if options["status"]:
            return self.status()
        from search import registry

        if not search_enabled():
            self.stdout.write("Search runs on the database (ELASTICSEARCH_URL is not set): nothing to index.")
            return
        kinds = registry.all_kinds()
        if not kinds:
            self.stdout.write("No search index is defined yet.")
            return
        for kind in kinds:
            result = kind.rebuild() if options["rebuild"] else kind.sync()
            self.stdout.write(f"{kind.name}: {result}")

    def status(self):
        status = search_status()
        if status["backend"] == "database":
            self.stdout.write("Search runs on the database: ELASTICSEARCH_URL is not set.")
            return
        if status["status"] != "ok":
            self.stderr.write(f"Elasticsearch at {status['url']} is unavailable: {status.get('error')}")
            sys.exit(1)
        self.stdout.write(
            f"Elasticsearch {status['version']} at {status['url']}: cluster {status['cluster']}, "
            f"health {status['health']}"
        )
        pattern = index_name("*")
        try:
            rows = get_client().cat.indices(index=pattern, format="json", h="index,health,docs.count,store.size")
            aliases = get_client().indices.get_alias(index=pattern)
        except Exception as exc:  # report, do not crash, on a half-available cluster
            raise CommandError(f"Could not list indices: {exc}") from exc
        if not rows:
            self.stdout.write(f"No indices matching {pattern}.")
        for row in sorted(rows, key=lambda r: r["index"]):
            names = ", ".join(sorted(aliases.get(row["index"], {}).get("aliases", {}))) or "-"
            self.stdout.write(
                f"  {row['index']}  alias: {names}  docs: {row['docs.count']}  "
                f"size: {row['store.size']}  health: {row['health']}"
            )
