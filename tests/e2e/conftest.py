"""Real Chromium (Debian's package) driven by Playwright, with axe-core from node_modules."""

import os
import threading
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, transaction
from django.test import override_settings

import pytest

from tests.conftest import require_service

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    require_service("Chromium", os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} missing; run `make e2e-deps`")
    require_service("axe-core", AXE_JS.exists(), "node_modules/axe-core missing; run `make e2e-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy would block;
    # tests/e2e/test_content_security_policy.py checks the policy in a context that keeps it.
    context = browser.new_context(locale="ru-RU", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def demo_server(committed_demo):
    """One server over the committed demo content (see `committed_demo` in tests/conftest.py).

    pytest-django's `live_server` forces `transactional_db`, which flushes the database after every test,
    so each test would reload the whole demo.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def site_url(demo_server, db):
    """The demo site's URL; the test body may read the demo through the ORM."""
    return demo_server.url


@pytest.fixture(scope="module")
def _finder_index(demo_server, django_db_blocker):
    """The finder's index rebuilt from the committed demo (other tests may have written to the same alias)."""
    from providers_map.finder import backends
    from search import indexing
    from search.registry import get

    with django_db_blocker.unblock():
        indexing.rebuild(get("provider-locations"))
        indexing.rebuild(get("providers"), use_es=False)
    backends.reset()


@pytest.fixture
def finder_url(_finder_index, site_url):
    """The demo site's URL, with the finder's index rebuilt (tests/e2e/test_finder.py, the journeys)."""
    return site_url


@pytest.fixture
def places(finder_url):
    """(location name, lat, lon) of every place the finder lists, from the database."""
    from providers_map.models import Location

    rows = Location.objects.filter(organisation__live=True).exclude(organisation__status="closed")
    return [
        (loc.organisation.display_name, float(loc.latitude), float(loc.longitude))
        for loc in rows.select_related("organisation")
    ]


@pytest.fixture(scope="module")
def import_worker(committed_demo, django_db_blocker, tmp_path_factory):
    """The registry import's background worker (django-tasks' `db_worker --backend imports`), in a thread of
    this process against the test database, with an upload folder of its own; yields that folder.

    Afterwards the worker finishes the task at hand (the search update that follows an import) and every
    organisation, import job, task and user made meanwhile is removed, so the committed demo that the other
    browser tests use stays as it was.
    """
    from django.contrib.auth import get_user_model

    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from providers_map.exchange.models import ImportJob

    folder = tmp_path_factory.mktemp("imports")
    users = get_user_model().objects
    with django_db_blocker.unblock(), override_settings(PROVIDER_IMPORT_DIR=folder):
        before = {
            "users": set(users.values_list("pk", flat=True)),
            "jobs": set(ImportJob.objects.values_list("pk", flat=True)),
            "tasks": set(DBTaskResult.objects.values_list("pk", flat=True)),
        }
        worker = Worker(
            queue_names=["default"],
            interval=0.2,
            batch=False,
            backend_name="imports",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"e2e-import-worker-{os.getpid()}",
            excluded_queue_names=[],
        )

        def work():
            try:
                worker.run()
            finally:
                connection.close()

        with registry_restored():
            thread = threading.Thread(target=work, daemon=True)
            thread.start()
            try:
                yield folder
            finally:
                worker.running = False
                thread.join(timeout=900)
        ImportJob.objects.exclude(pk__in=before["jobs"]).delete()
        users.exclude(pk__in=before["users"]).delete()
        DBTaskResult.objects.exclude(pk__in=before["tasks"]).delete()


@contextmanager
def registry_restored():
    """Remove afterwards the organisations added to the committed demo meanwhile, and what Wagtail and the search
    keep about them.

    One transaction, without the per-row updates of Wagtail's admin search and reference index (each deleted row
    was a statement in each); those and the registry's search indices are rebuilt from what is left (the demo)
    instead (the 5 000-row import's teardown: 23 s with per-row updates, 14 s without).
    """
    from core.demo_core import wagtail_indexes_rebuilt_after
    from providers_map.models import Organisation
    from search import indexing
    from search import registry as search_registry

    organisations = set(Organisation.objects.values_list("pk", flat=True))
    try:
        yield
    finally:
        with indexing.paused(), wagtail_indexes_rebuilt_after(), transaction.atomic():
            Organisation.objects.exclude(pk__in=organisations).delete()
        for kind in search_registry.all_kinds():
            if kind.handles(Organisation()):
                indexing.rebuild(kind)


def registry_operator(django_db_blocker, username, password):
    """A user in the registry operators' group (who may import); the fixture that asks for it removes it afterwards."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(username, f"{username}@example.org", password)
        user.groups.add(Group.objects.get(name="Операторы реестра"))
    return user


def admin_log_in(page, base_url, username, password):
    """Log in to the admin as this user (forgetting whoever was logged in) and land on its dashboard."""
    page.context.clear_cookies()
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


# axe's defaults plus WCAG 2.2 AA's target size (24×24 px), which axe leaves off unless asked.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core in the page; return the violations of the given impacts as readable strings."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async (options) => await axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]
