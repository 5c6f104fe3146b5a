"""The background recompute (django-tasks, on the registry's database queue: the `db_worker --backend imports` that
`make run` and deployments already run) and its debounce.

A change to the registry schedules one recompute a little later (COVERAGE_RECOMPUTE_DELAY seconds); changes made
while it waits are covered by it, since it reads the registry when it runs. So a burst of publications (or an
import of thousands of rows) costs one recompute, and a page never waits for one.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from . import compute

BACKEND = "imports"


@task(backend=BACKEND)
def recompute_coverage():
    return compute.recompute().as_dict()


def delay_seconds():
    return settings.COVERAGE_RECOMPUTE_DELAY


def waiting():
    """The recompute already queued and not started yet, if there is one."""
    queued = DBTaskResult.objects.filter(
        task_path=recompute_coverage.module_path, backend_name=BACKEND, status=TaskResultStatus.READY
    )
    return queued.order_by("run_after").first()


def schedule():
    """Queue a recompute in `delay_seconds()` unless one is already waiting (call after the change has committed)."""
    if waiting() is not None:
        return None
    run_after = timezone.now() + dt.timedelta(seconds=delay_seconds())
    return recompute_coverage.using(run_after=run_after).enqueue()
