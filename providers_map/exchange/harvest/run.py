"""One harvest of one feed source: claim it, read the feed, apply it, write the run's report, plan the next.

A failed harvest (unreachable, too slow, too large, not HSDS, endless pages, vanished mid-run) changes nothing in
the registry: the last good copy stays and the source is marked stale until a harvest completes again. Two
harvests of one source never overlap (the claim), and a claim left by a dead worker expires.
"""

import datetime as dt
import logging

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from providers_map.exchange.importing.upsert import update_search
from providers_map.exchange.models import FeedSource, HarvestRun

from .apply import Applier
from .feed import read_feed
from .fetch import Fetcher, FetchError, Limits

logger = logging.getLogger(__name__)
CLAIM_EXPIRES = dt.timedelta(hours=2)


def claim(source, now):
    free = Q(running_since__isnull=True) | Q(running_since__lt=now - CLAIM_EXPIRES)
    return FeedSource.objects.filter(pk=source.pk).filter(free).update(running_since=now) == 1


def harvest_source(source, trigger="", limits=None):
    """Harvest `source` now; the HarvestRun (None when another harvest of it is running)."""
    now = timezone.now()
    if not claim(source, now):
        return None
    run = HarvestRun.objects.create(source=source, trigger=trigger[:20], started_at=now)
    fetcher = None
    try:
        fetcher = Fetcher(source.base_url, source.allow_private, limits or Limits.from_settings())
        data = read_feed(
            fetcher, source, progress=lambda count: HarvestRun.objects.filter(pk=run.pk).update(records=count)
        )
        applier = Applier(source, now)
        outcome = applier.unchanged() if data.unchanged else applier.apply(data)
        run.status = HarvestRun.Status.UNCHANGED if data.unchanged else HarvestRun.Status.COMPLETE
        fill(run, outcome)
        source.validators = data.validators
        source.stale = False
    except FetchError as exc:
        fail(run, source, str(exc))
    except Exception as exc:  # never lose the last good copy, whatever went wrong; the log has the details
        logger.exception("Harvest of %s failed", source.base_url)
        fail(run, source, _("The harvest stopped on an unexpected error: %(error)s") % {"error": str(exc)[:300]})
    finally:
        if fetcher is not None:
            run.requests, run.bytes_read = fetcher.stats.requests, fetcher.stats.bytes_read
            run.response_ms = fetcher.stats.average_ms
        run.finished_at = timezone.now()
        run.save()
        source.running_since = None
        source.schedule_next(run.finished_at)
        FeedSource.objects.filter(pk=source.pk).update(
            running_since=None, stale=source.stale, validators=source.validators, next_harvest_at=source.next_harvest_at
        )
    if run.status == HarvestRun.Status.COMPLETE and run.report.get("written"):
        update_search(run.report.pop("written"))
        HarvestRun.objects.filter(pk=run.pk).update(report=run.report)
    return run


def fail(run, source, message):
    run.status, run.error = HarvestRun.Status.FAILED, message
    source.stale = True


def fill(run, outcome):
    run.records, run.valid, run.services = outcome.records, outcome.valid, outcome.services
    run.added, run.changed, run.unchanged = len(outcome.added), len(outcome.changed), outcome.unchanged
    run.withdrawn, run.rejected = len(outcome.withdrawn), len(outcome.rejected)
    run.duplicates = len(outcome.duplicates)
    values = list(outcome.completeness.values())
    run.completeness = round(sum(values) / len(values), 3) if values else None
    run.report = {**outcome.report(), "written": outcome.written}
