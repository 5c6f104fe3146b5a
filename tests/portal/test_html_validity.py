"""Every page type is valid HTML by the W3C's own checker (the Nu Html Checker, vnu.jar from npm, on Java 17).

One page of every Wagtail page type in the demo, one page of every URL shape the sitemap lists, and the pages the
sitemap cannot list (search results and no results, a filtered finder, the report form, my list, 404, the
visually-impaired mode's settings): rendered by the application, checked in one run of the checker.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_service
from tests.portal.discovery import pages_per_shape, sitemap_paths

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXTRA_PATHS = [
    "/search/?q=логопед",
    "/search/?q=zzzqqqxx",
    "/search/",
    "/providers/?where=Новосибирск&age=2&concern=speech",
    "/providers/my-list/",
    "/low-vision/",
    "/no-such-page/",
]


def java():
    for candidate in (shutil.which("java"), "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def one_page_per_type():
    from wagtail.models import Page

    seen, paths = set(), []
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        kind = type(page).__name__
        if kind not in seen:
            seen.add(kind)
            paths.append(page.url)
    return paths


@pytest.mark.slow
def test_every_page_type_is_valid_html(client, demo_site, tmp_path):
    from providers_map.models import Organisation

    runtime = java()
    require_service("Java", runtime and VNU.exists(), "install Java 17 and run `npm ci` for vnu-jar")
    provider = Organisation.objects.public().order_by("pk").first()
    paths = sorted(
        set(one_page_per_type())
        | set(pages_per_shape(sitemap_paths(client), per_shape=1))
        | set(EXTRA_PATHS)
        | {f"/providers/{provider.slug}/report/"}
    )
    files = {}
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.status_code)
        assert "text/html" in response["Content-Type"], path
        target = tmp_path / f"page-{number:03d}.html"
        target.write_bytes(response.content)
        files[str(target)] = path
    done = subprocess.run(
        [runtime, "-Xss4m", "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(done.stderr or "{}").get("messages", [])
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert len(files) >= 20
    assert errors == [], "\n".join(errors)
