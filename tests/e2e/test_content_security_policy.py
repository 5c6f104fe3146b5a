"""The strict Content-Security-Policy in a real Chromium: pages work and the browser reports no violation.

The map (Leaflet, tiles from PORTAL_MAP_TILE_URL — not reachable here, so only the request is checked), the
video transcript script, the guidance print script, the API docs page and the admin login all run under it.
"""

from django.test import Client

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(browser):
    """A page that enforces the policy (the shared fixture bypasses it for axe-core's injected script)."""
    context = browser.new_context(locale="ru-RU", bypass_csp=False)
    yield context.new_page()
    context.close()


LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || ""));
});
"""


def violations(page, url):
    page.add_init_script(LISTEN)
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    assert "script-src 'self'" in (response.headers.get("content-security-policy") or "") or "/admin/" in url
    page.wait_for_timeout(300)
    return page.evaluate("window.__cspViolations")


def test_provider_page_map_runs_under_the_policy(page, site_url):
    from providers_map.models import Organisation

    organisation = next(
        o for o in Organisation.objects.public().order_by("name") if any(x.has_coordinates for x in o.locations.all())
    )
    tiles = []
    page.on("request", lambda request: tiles.append(request.url) if "tile.openstreetmap.org" in request.url else None)
    found = violations(page, f"{site_url}/providers/{organisation.slug}/")
    assert found == []
    assert page.locator("#provider-map .leaflet-marker-icon").count() >= 1  # Leaflet drew the markers
    assert tiles, "Leaflet asked the tile server (allowed by img-src)"


@pytest.mark.parametrize("path", ["/", "/library/", "/parents/", "/providers/", "/api/v1/docs", "/admin/login/"])
def test_pages_run_without_violations(page, site_url, path):
    assert violations(page, site_url + path) == []


def test_guidance_and_video_scripts_run_under_the_policy(page, site_url):
    from home.models import GuidancePage
    from materials.models import MaterialPage

    guidance = GuidancePage.objects.live().first()
    assert violations(page, site_url + guidance.url) == []
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what printing does
    assert page.evaluate("document.querySelectorAll('.guidance details:not([open])').length") == 0
    material = next(m for m in MaterialPage.objects.live() if b"data-video-player" in Client().get(m.url).content)
    assert violations(page, site_url + material.url) == []
    assert page.locator("[data-seek]").count() > 0
