"""Always current: a publication schedules one debounced background recompute (never run inside the request); the
worker's run of it puts the new figures on the page; one snapshot a day, a year kept, and the trend."""

import copy
import datetime as dt
import re

from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from providers_map.coverage import compute, tasks
from providers_map.coverage.models import CoverageSnapshot, LocalityCoverage
from providers_map.models import Organisation

from .builders import provider, small_registry

pytestmark = pytest.mark.django_db
WITHIN = dt.timedelta(minutes=1)


def far_names(client, code):
    page = client.get(f"/coverage/{code}/").content.decode()
    far = page.split('id="coverage-far-heading"', 1)[1].split("</section>", 1)[0]
    return set(re.findall(r'class="coverage-far__name">([^<]+)<', far))


def run_like_the_worker(queued):
    """What `db_worker --backend imports` does with a task whose time has come: claim it, then run it."""
    DBTaskResult.objects.filter(pk=queued.pk).update(run_after=timezone.now())  # the debounce delay has passed
    claimed = DBTaskResult.objects.ready().get(pk=queued.pk)
    claimed.claim("coverage-test-worker")
    worker = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name=tasks.BACKEND, startup_delay=False,
        max_tasks=1, worker_id="coverage-test-worker", excluded_queue_names=[],
    )  # fmt: skip
    worker.run_task(claimed)
    claimed.refresh_from_db()
    return claimed


def test_a_publication_in_an_uncovered_locality_shows_covered_after_the_background_recompute(
    client, django_capture_on_commit_callbacks
):
    small_registry()
    compute.recompute()
    assert "Анадырь" in far_names(client, "87")
    before = LocalityCoverage.objects.get(name="Анадырь").distance_km
    with django_capture_on_commit_callbacks(execute=True):
        centre = provider("Анадырь", "87", live=False)
        centre.save_revision().publish()
    task = DBTaskResult.objects.get(task_path=tasks.recompute_coverage.module_path, status="READY")
    assert task.run_after - task.enqueued_at < WITHIN
    # no request computed anything: the page still shows the figures of before
    assert LocalityCoverage.objects.get(name="Анадырь").distance_km == before
    assert "Анадырь" in far_names(client, "87")

    done = run_like_the_worker(task)
    assert done.status == TaskResultStatus.SUCCESSFUL, done.traceback
    assert "Анадырь" not in far_names(client, "87")
    assert LocalityCoverage.objects.get(name="Анадырь").distance_km == 0.0
    page = client.get("/coverage/").content.decode()
    computed = CoverageSnapshot.objects.get().computed_at
    assert f'data-computed-at="{timezone.localtime(computed).isoformat()}"' in page


def test_changes_schedule_one_recompute_while_one_waits(django_capture_on_commit_callbacks):
    registry = small_registry()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        registry["berdsk"].unpublish()
        registry["moscow"].unpublish()
    assert [callback.__name__ for callback in callbacks].count("_schedule_after_commit") == 1
    assert tasks.waiting() is not None
    with django_capture_on_commit_callbacks(execute=True):
        Organisation.objects.get(pk=registry["novosibirsk"].pk).delete()
    assert DBTaskResult.objects.filter(task_path=tasks.recompute_coverage.module_path).count() == 1


def test_one_snapshot_a_day_a_year_kept_and_the_trend_on_the_page(client):
    small_registry()
    now = timezone.localtime()
    compute.recompute(now=now - dt.timedelta(minutes=5))
    today = CoverageSnapshot.objects.get()
    # the snapshots of earlier days, as they were computed then (Moscow's share was higher a year ago)
    for days, moscow_share in ((400, 0.55), (300, 0.41)):
        figures = copy.deepcopy(today.figures)
        next(region for region in figures["regions"] if region["code"] == "77")["share_beyond_30"] = moscow_share
        CoverageSnapshot.objects.create(
            day=today.day - dt.timedelta(days=days), computed_at=now - dt.timedelta(days=days),
            method_version=today.method_version, figures=figures,
        )  # fmt: skip
    compute.recompute(now=now)  # the same day again: replaces that day's snapshot; the one of 400 days ago goes
    days = list(CoverageSnapshot.objects.order_by("day").values_list("day", flat=True))
    assert days == [today.day - dt.timedelta(days=300), today.day]
    assert CoverageSnapshot.objects.get(day=today.day).computed_at == now

    page = client.get("/coverage/77/").content.decode()
    day = today.day - dt.timedelta(days=300)
    assert re.search(rf"было 41,0 % на {day.day} \w+ {day.year}, стало [0-9,]+ %", page)
    table = client.get("/coverage/?sort=name").content.decode()
    row = table.split('data-region="77"', 1)[1].split("</tr>", 1)[0]
    assert "было 41,0 %" in row
