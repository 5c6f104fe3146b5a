"""Content-Security-Policy, cookie flags, compression and security.txt, as browsers receive them."""

import gzip
import re
from html.parser import HTMLParser

from django.test import Client

import pytest

from core.accessibility import COOKIE_NAME

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_forbid_inline_script_and_other_origins(client, settings):
    policy = directives(client.get("/healthz"))  # even JSON answers carry it
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in " ".join(sum(policy.values(), []))
    assert "'unsafe-eval'" not in " ".join(sum(policy.values(), []))
    assert "https://tile.openstreetmap.org" in policy["img-src"] and "data:" in policy["img-src"]


def test_error_pages_carry_the_policy_too(client):
    assert "script-src 'self'" in client.get("/no-such-page/")["Content-Security-Policy"]
    assert "script-src 'self'" in client.get("/", HTTP_CONTENT_LENGTH="x")["Content-Security-Policy"]


def test_the_admin_has_its_own_looser_policy_for_wagtails_inline_scripts(client):
    policy = directives(client.get("/admin/login/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the editor's live preview frames the page


def test_tile_host_follows_the_setting():
    from portal.settings.csp import public_directives

    policy = public_directives(tile_url="https://{s}.tiles.region.example/{z}/{x}/{y}.png")
    assert "https://*.tiles.region.example" in policy["img-src"]


class InlineCode(HTMLParser):
    """Inline script, on* handlers and style attributes: what the strict policy would block."""

    def __init__(self):
        super().__init__()
        self.found, self.in_script = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.found += [f"<{tag} {name}=…>" for name in attrs if name.startswith("on") or name == "style"]
        if tag == "script" and not attrs.get("src"):
            self.in_script = attrs.get("type", "")

    def handle_data(self, data):
        if (
            self.in_script is not None
            and data.strip()
            and self.in_script not in ("application/json", "application/ld+json")
        ):
            self.found.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None


def test_no_public_page_needs_inline_code(demo_site):
    client = Client()
    paths = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", client.get("/sitemap.xml").content.decode())
    assert len(paths) > 20
    problems = {}
    for path in paths:
        parser = InlineCode()
        parser.feed(client.get(path).content.decode())
        if parser.found:
            problems[path] = parser.found
    assert not problems


def test_production_cookies_are_secure_and_same_site(client, settings):
    settings.PORTAL_COOKIE_SECURE = True
    response = client.post("/low-vision/", {"mode": "on", "next": "/"})
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["secure"] is True and cookie["samesite"] == "Lax" and cookie["httponly"] is True
    response = client.post("/low-vision/", {"mode": "off", "next": "/"})
    assert response.cookies[COOKIE_NAME]["secure"] is True  # the deletion too


def test_every_cookie_gets_the_policy_even_when_set_without_it(client, settings):
    from tests.providers_map.factories import OrganisationFactory

    settings.PORTAL_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = False  # as if a library set a cookie without the flag
    response = client.get(f"/providers/{OrganisationFactory().slug}/report/")
    assert "csrftoken" in response.cookies
    for morsel in response.cookies.values():
        assert morsel["secure"] is True and morsel["samesite"] == "Lax", morsel.key


def test_text_is_compressed_and_video_ranges_are_not(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<html" in gzip.decompress(response.content)


def test_security_txt_comes_from_settings(client, settings):
    assert client.get("/.well-known/security.txt").status_code == 404
    settings.PORTAL_SECURITY_CONTACT = ["mailto:security@portal.example", "https://portal.example/security"]
    settings.PORTAL_SECURITY_EXPIRES = "2027-06-30"
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:3] == [
        "Contact: mailto:security@portal.example",
        "Contact: https://portal.example/security",
        "Expires: 2027-06-30T00:00:00Z",
    ]
    assert "Canonical: http://testserver/.well-known/security.txt" in lines


def test_security_txt_expires_within_a_year_by_default(client, settings):
    from datetime import UTC, datetime

    settings.PORTAL_SECURITY_CONTACT = ["mailto:security@portal.example"]
    line = next(
        x for x in client.get("/.well-known/security.txt").content.decode().splitlines() if x.startswith("Expires")
    )
    expires = datetime.strptime(line.split(": ")[1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert 300 < (expires - datetime.now(UTC)).days <= 366
