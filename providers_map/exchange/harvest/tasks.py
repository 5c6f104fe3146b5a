"""Harvests in the background (django-tasks, the database backend the import's worker runs).

`harvest_feed` harvests one source; `harvest_due` harvests every source whose scheduled time has come and
enqueues itself again for the next check, so one worker keeps the schedule without a separate scheduler.
Registering a source (admin or `harvest_feeds --add-source`) starts that loop if it is not already waiting in
the queue (`ensure_schedule`). The admin's «Собрать сейчас» enqueues `harvest_feed`; `manage.py harvest_feeds`
runs the same function in the foreground.
"""

import datetime as dt

from django.utils import timezone

from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from providers_map.exchange.models import FeedSource

from .run import harvest_source
from .sources import due

CHECK_EVERY = dt.timedelta(minutes=10)


@task(backend="imports")
def harvest_feed(source_id, trigger="admin"):
    source = FeedSource.objects.filter(pk=source_id).first()
    if source is None:
        return None
    run = harvest_source(source, trigger=trigger)
    return run.pk if run else None


@task(backend="imports")
def harvest_due():
    """Harvest the sources that are due, one after another (polite: one feed at a time), then plan the next check."""
    done = [run.pk for source in due() if (run := harvest_source(source, trigger="schedule"))]
    harvest_due.using(run_after=timezone.now() + CHECK_EVERY).enqueue()
    return done


def ensure_schedule():
    """Enqueue the schedule's loop unless it already waits in the queue."""
    waiting = DBTaskResult.objects.filter(task_path=harvest_due.module_path, status=TaskResultStatus.READY)
    if not waiting.exists():
        harvest_due.using(run_after=timezone.now() + dt.timedelta(minutes=1)).enqueue()
