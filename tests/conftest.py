"""Shared fixtures. Tests that need a real service skip locally when it is absent and fail under CI=true."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# The Redis of `make services` (CACHE_URL in .services/env) is for the tests that ask for it (`redis_url` in
# tests/deploy/); the processes tests start (runserver, manage.py) keep a cache of their own, as the suite's do.
# Parallel workers inherit the address under the other name.
SHARED_CACHE_URL = os.environ.setdefault("PORTAL_TEST_REDIS_URL", os.environ.pop("CACHE_URL", ""))


def require_service(name, available, hint):
    if available:
        return
    message = f"{name} is not available ({hint})"
    if IN_CI:
        pytest.fail(f"{message}; CI=true requires it", pytrace=False)
    pytest.skip(message)


def pytest_report_header(config):
    from django.conf import settings

    from search.client import search_status

    db = settings.DATABASES["default"]
    search = search_status()
    where = f"{search.get('version', '')} at {search.get('url')}" if search["backend"] == "elasticsearch" else ""
    return [
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or db.get('NAME')}:{db.get('PORT') or ''}",
        f"search: {search['backend']} {where} ({search['status']})",
        f"CI mode: {IN_CI}",
    ]


@pytest.fixture
def require_postgres(db):
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL, e.g. `make services`")


@pytest.fixture
def es_client():
    from search.client import get_client, search_enabled, search_status

    require_service("Elasticsearch", search_enabled(), "set ELASTICSEARCH_URL, e.g. `make services`")
    status = search_status()
    require_service("Elasticsearch", status["status"] == "ok", status.get("error", ""))
    return get_client()


@pytest.fixture
def es_index(es_client, request):
    """A throwaway index name under the test prefix, deleted afterwards."""
    from search.client import index_name

    name = index_name(f"t-{request.node.name.lower()[:40]}-{os.getpid()}")
    es_client.indices.delete(index=name, ignore_unavailable=True)
    yield name
    es_client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture(scope="session")
def _db_template_lock(request):
    """Held from the template's check until this process's test database is cloned (tests/db_template.py)."""
    from tests.db_template import TemplateLock

    if connection.vendor != "postgresql" or request.config.getvalue("nomigrations"):
        yield None
        return
    with TemplateLock(connection) as lock:
        yield lock


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, _db_template_lock, django_db_blocker):
    """Test databases are cloned from a migrated template instead of each migrating (tests/db_template.py)."""
    from tests.db_template import ensure_template

    if _db_template_lock is not None:
        with django_db_blocker.unblock():
            template = ensure_template(connection)
        connection.settings_dict["TEST"]["TEMPLATE"] = template


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, _db_template_lock):
    """pytest-django's, then the template's lock goes to the next process waiting for it."""
    if _db_template_lock is not None:
        _db_template_lock.release()


@pytest.fixture(scope="session")
def committed_demo(django_db_setup, django_db_blocker):
    """The demo content as `make run` loads it: loaded once per test session and committed.

    Tests that use it run after every test that does not (see `pytest_collection_modifyitems`), each inside
    its own transaction as usual, so what a test changes is rolled back and the demo leaks into no other test.
    """
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture(scope="session")
def embedded_site(tmp_path_factory):
    """`make run`'s embedded default, prepared once per session as `make run` prepares it: a fresh SQLite
    database migrated and loaded with the demo, with the dev settings and no PostgreSQL or Elasticsearch.
    Yields the environment for subprocesses that use it (tests/test_embedded_smoke.py, the golden set).
    """
    var = tmp_path_factory.mktemp("embedded")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL", "MEDIA_ROOT"}}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", PORTAL_VAR_DIR=str(var))
    for command in (["migrate", "--noinput"], ["load_demo", "--if-empty"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-3000:]
    return env


@pytest.fixture
def demo_site(committed_demo, db):
    """The demo's home page (the whole demo is in the database)."""
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (Wagtail's site roots, rate-limit counters)."""
    from django.core.cache import cache

    cache.clear()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on the committed demo run after all others, and those that flush the database run last. Within
    each of these groups the slow tests start first, so parallel workers (`-n`) finish at about the same time.
    """

    def order(item):
        names = set(item.fixturenames)
        if {"transactional_db", "live_server"} & names:
            group = 2 if "tests/e2e/" in item.nodeid or "committed_demo" in names else 0
        else:
            group = 1 if "committed_demo" in names else 0
        return group, item.get_closest_marker("slow") is None

    items.sort(key=order)
    _check_xdist_groups(items)


def _check_xdist_groups(items):
    """Under `--dist loadgroup` pytest-xdist marks a grouped test by suffixing its node id with the group; if a
    pytest upgrade keeps it from doing so, the group's tests would silently run on different workers and each
    build the shared fixtures again (the embedded site cost a minute twice)."""
    option = items[0].config.option if items else None
    if not getattr(option, "loadgroup", False):
        return
    lost = [item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        raise pytest.UsageError(f"pytest-xdist could not group {lost[0]} (pytest and pytest-xdist versions?)")


def pytest_sessionfinish(session):
    """A parallel worker hands the figures its browser tests collected to the main process (see
    `pytest_testnodedown`). The media and upload folders go when the process ends (portal/settings/test.py)."""
    from tests.e2e import report

    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["report"] = report.collected()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist: a worker finished; keep its figures for the summary."""
    from tests.e2e import report

    report.merge(getattr(node, "workeroutput", {}).get("report", {}))


def pytest_terminal_summary(terminalreporter):
    """Figures the browser tests collected (tests/e2e/report.py): axe totals, journey run times."""
    from tests.e2e import report

    for title, lines in report.printable():
        terminalreporter.write_sep("-", title)
        for line in lines:
            terminalreporter.write_line(line)
