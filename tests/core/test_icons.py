"""Favicon and touch icons: no page makes the browser ask for a missing icon."""

import json
import re

from django.contrib.staticfiles import finders

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


def test_pages_link_the_favicon_touch_icon_and_manifest(client):
    html = client.get("/low-vision/").content.decode()
    links = dict(re.findall(r'<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"', html))
    assert links["apple-touch-icon"] == "/static/icons/apple-touch-icon.png"
    assert links["manifest"] == "/site.webmanifest"
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/static/icons/favicon.ico" sizes="48x48">' in html
    assert '<meta name="theme-color" content="#0b4f9c">' in html


def test_root_favicon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/icons/favicon.ico"
    assert client.head("/favicon.ico").status_code == 301


@pytest.mark.parametrize(
    ("name", "size"),
    [("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512), ("icon-maskable-512.png", 512)],
)
def test_icon_files_have_the_sizes_they_claim(name, size):
    with Image.open(finders.find(f"icons/{name}")) as image:
        assert image.size == (size, size)
    if name == "apple-touch-icon.png":
        with Image.open(finders.find(f"icons/{name}")) as image:
            assert image.mode == "RGB"  # opaque: iOS draws transparency as black


def test_favicon_ico_holds_the_small_sizes():
    with Image.open(finders.find("icons/favicon.ico")) as image:
        assert {(16, 16), (32, 32), (48, 48)} <= set(image.info["sizes"])


def test_web_manifest_names_the_site_and_its_icons(client):
    response = client.get("/site.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "ru" and manifest["start_url"] == "/"
    assert manifest["short_name"] == "Ранняя помощь"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))
