"""`manage.py harvest_feeds --add-source URL --name NAME [--allow-private]` and `harvest_feeds [--source ID|URL]`.

The first registers an HSDS 3.0 feed by its API base address (idempotent: the same address finds the same
source). The second harvests now: every active source, or the one named. Exit 0 when every source harvested,
1 when some failed (they keep their last good copy, marked stale; the report says why), 2 for unusable arguments.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from providers_map.exchange.harvest.run import harvest_source
from providers_map.exchange.harvest.sources import find, register
from providers_map.exchange.harvest.tasks import ensure_schedule
from providers_map.exchange.models import FeedSource, HarvestRun


class Command(BaseCommand):
    help = "Register an HSDS 3.0 feed (--add-source) or harvest the registered feeds now."

    def add_arguments(self, parser):
        parser.add_argument("--add-source", metavar="URL", help="Register a feed by its HSDS API base address.")
        parser.add_argument("--name", help="The feed's name (with --add-source).")
        parser.add_argument("--allow-private", action="store_true", help="The feed may be on a private address.")
        parser.add_argument("--source", metavar="ID|URL", help="Harvest only this source.")

    def handle(self, *args, add_source, name, allow_private, source, **options):
        try:
            if add_source:
                return self.add(add_source, name, allow_private, source)
            return self.harvest(source)
        except CommandError as exc:
            self.stderr.write(f"harvest_feeds: {exc}")
            sys.exit(2)

    def add(self, url, name, allow_private, source):
        if source or not name:
            raise CommandError("--add-source needs --name NAME (and no --source).")
        try:
            found, created = register(url, name, allow_private)
        except (ValueError, Exception) as exc:
            raise CommandError(str(exc)) from exc
        ensure_schedule()
        verb = "registered" if created else "already registered"
        self.stdout.write(f"{verb}: #{found.pk} {found.name} <{found.base_url}>")

    def harvest(self, reference):
        if reference:
            source = find(reference)
            if source is None:
                raise CommandError(f"no source {reference!r}")
            sources = [source]
        else:
            sources = list(FeedSource.objects.filter(active=True))
        failed = 0
        for source in sources:
            run = harvest_source(source, trigger="command")
            if run is None:
                self.stdout.write(f"#{source.pk} {source.name}: already being harvested")
                failed += 1
                continue
            self.stdout.write(summary(run))
            failed += run.status == HarvestRun.Status.FAILED
        if failed:
            sys.exit(1)


def summary(run):
    text = (
        f"#{run.source_id} {run.source.name}: {run.get_status_display()}; records {run.records}, "
        f"added {run.added}, changed {run.changed}, unchanged {run.unchanged}, withdrawn {run.withdrawn}, "
        f"rejected {run.rejected}, duplicates {run.duplicates}"
    )
    if run.error:
        text += f"\n  {run.error}"
    for item in run.report.get("rejected", [])[:20]:
        text += f"\n  rejected {item.get('name') or item.get('id')}: {'; '.join(item.get('reasons', [])[:3])}"
    return text
