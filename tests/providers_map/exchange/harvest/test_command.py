"""`manage.py harvest_feeds` as GUIDE §2 names it: --add-source (idempotent by URL), harvest, exit 0/1/2."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from providers_map.exchange.harvest.tasks import harvest_due
from providers_map.exchange.models import FeedSource, HarvestRun

pytestmark = pytest.mark.django_db


def run(*args):
    try:
        call_command("harvest_feeds", *args)
    except SystemExit as exc:
        return exc.code
    return 0


def test_add_harvest_and_exit_codes(feed, capsys):
    assert run("--add-source", feed.url("good"), "--name", "Кузбасс", "--allow-private") == 0
    assert run("--add-source", feed.url("good") + "/", "--name", "Ещё раз") == 0
    source = FeedSource.objects.get()
    assert source.name == "Кузбасс" and source.allow_private
    assert "already registered" in capsys.readouterr().out
    assert run("--source", str(source.pk)) == 0
    assert "added 3" in capsys.readouterr().out
    run("--add-source", feed.url("invalid"), "--name", "Сломанный", "--allow-private")
    assert run() == 1  # one of two failed; it keeps what it had
    assert "не JSON" in capsys.readouterr().out
    assert run("--source", feed.url("good")) == 0
    assert run("--source", "999") == 2
    assert run("--add-source", "ftp://example.org/feed", "--name", "FTP") == 2
    assert run("--add-source", feed.url("good")) == 2  # no --name


def test_registering_starts_the_schedule_and_due_sources_are_harvested(feed):
    run("--add-source", feed.url("good"), "--name", "Кузбасс", "--allow-private")
    run("--add-source", feed.url("ndjson"), "--name", "Поток", "--allow-private")
    waiting = DBTaskResult.objects.filter(task_path=harvest_due.module_path, status="READY")
    assert waiting.count() == 1  # one loop, however many sources
    FeedSource.objects.filter(name="Кузбасс").update(next_harvest_at=timezone.now() - dt.timedelta(minutes=1))
    done = harvest_due.call()
    assert len(done) == 1 and HarvestRun.objects.get().source.name == "Кузбасс"
    source = FeedSource.objects.get(name="Кузбасс")
    assert source.next_harvest_at > timezone.now() + dt.timedelta(hours=23)  # daily
    assert waiting.count() == 2  # the loop has planned its next check
