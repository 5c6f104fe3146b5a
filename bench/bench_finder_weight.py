"""What the finder page transfers before map tiles, measured in a real Chromium (target: at most 200 KB compressed).

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_finder_weight.py [--chromium /usr/bin/chromium]

Needs the demo content (`load_demo`). Serves the site from this process, opens the finder as a phone
(390×844, after choosing a place) and as a desktop (1280×900, the whole registry), waits until the map has its
points, and records every response the page caused except map tiles (another origin). Text resources (HTML,
CSS, JavaScript, JSON) are counted gzip-compressed at level 6, as a server or CDN sends them; images as they are.
The provider page is measured the same way.
"""

import argparse
import gzip
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

LIMIT = 200 * 1024
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/geo+json", "image/svg")


def weigh(page, server, path, viewport):
    page.set_viewport_size(viewport)
    rows = []

    def record(response):
        url = response.url
        if urlsplit(url).netloc != urlsplit(server).netloc:
            return  # tiles and other origins: not this application's weight
        try:
            body = response.body()
        except Exception:  # redirects have no body
            return
        kind = (response.headers.get("content-type") or "").split(";")[0]
        compressed = len(gzip.compress(body, 6)) if kind.startswith(TEXT_TYPES) else len(body)
        rows.append((urlsplit(url).path + ("?…" if urlsplit(url).query else ""), kind, len(body), compressed))

    page.on("response", record)
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(server + path, wait_until="networkidle")
    page.remove_listener("response", record)
    return rows


def report(title, rows):
    total_raw = sum(r[2] for r in rows)
    total = sum(r[3] for r in rows)
    print(f"\n{title}: {total / 1024:.1f} KB compressed ({total_raw / 1024:.1f} KB uncompressed), {len(rows)} requests")
    for path, kind, raw, compressed in sorted(rows, key=lambda r: -r[3])[:8]:
        print(f"  {compressed / 1024:7.1f} KB  ({raw / 1024:7.1f} KB)  {kind:24} {path[:70]}")
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    args = parser.parse_args()

    from django.conf import settings

    from playwright.sync_api import sync_playwright
    from pytest_django.live_server_helper import LiveServer

    from providers_map.models import Organisation

    settings.DEBUG = False
    provider = Organisation.objects.public().filter(is_synthetic=False).order_by("pk").first()
    if provider is None:
        raise SystemExit("No demo providers: run `manage.py load_demo` first.")
    server = LiveServer("localhost")
    scenarios = [
        ("finder, phone 390×844, after choosing «Бердск»", "/providers/?where=Бердск", {"width": 390, "height": 844}),
        ("finder, desktop 1280×900, the whole registry", "/providers/", {"width": 1280, "height": 900}),
        (f"provider page ({provider.display_name}), phone", provider.get_absolute_url(), {"width": 390, "height": 844}),
    ]
    worst = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=["--headless", "--no-sandbox"])
            for title, path, viewport in scenarios:
                context = browser.new_context(locale="ru-RU")
                total = report(title, weigh(context.new_page(), server.url, path, viewport))
                worst = max(worst, total) if "finder" in title else worst
                context.close()
            browser.close()
    finally:
        server.stop()
    verdict = "within" if worst <= LIMIT else "OVER"
    print(f"\nThe finder page: {worst / 1024:.1f} KB compressed before tiles, {verdict} the {LIMIT // 1024} KB budget.")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
