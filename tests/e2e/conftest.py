"""Real Chromium (Debian's package) driven by Playwright, with axe-core from node_modules."""

import os
from pathlib import Path

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
