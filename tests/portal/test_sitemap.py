"""sitemap.xml: every public page and provider, under one canonical host, and every listed URL answers."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from tests.providers_map.factories import OrganisationFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, host="testserver"):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    return [element.text for element in ET.fromstring(response.content).findall("sm:url/sm:loc", NS)]


@pytest.mark.django_db
def test_sitemap_lists_public_provider_pages_but_not_drafts_or_synthetic(client):
    public = OrganisationFactory()
    synthetic = OrganisationFactory(is_synthetic=True)
    draft = OrganisationFactory(live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/providers/{public.slug}/</loc>" in xml
    assert f"/providers/{synthetic.slug}/" not in xml
    assert f"/providers/{draft.slug}/" not in xml


@pytest.mark.django_db
def test_sitemap_uses_the_wagtail_sites_host_whatever_host_was_asked(client):
    OrganisationFactory()
    for asked in ("testserver", "127.0.0.1"):
        urls = locations(client, asked)
        assert {urlsplit(url).netloc for url in urls} == {"localhost"}, asked
        paths = {urlsplit(url).path for url in urls}
        assert {"/", "/providers/", "/providers/open-data/", "/api/v1/docs"} <= paths


@pytest.mark.django_db
def test_pages_another_route_shadows_are_left_out():
    from core.sitemaps import served_by_wagtail

    assert served_by_wagtail("/") and served_by_wagtail("/some/page/")
    assert not served_by_wagtail("/providers/") and not served_by_wagtail("/api/v1/docs")


@pytest.mark.django_db
def test_a_configured_base_url_wins(client, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org/"
    OrganisationFactory()
    urls = locations(client)
    assert {(urlsplit(u).scheme, urlsplit(u).netloc) for u in urls} == {("https", "portal.example.org")}
    assert client.get("/robots.txt").content.decode().endswith("Sitemap: https://portal.example.org/sitemap.xml\n")


def test_every_sitemap_url_shares_one_host_and_answers_200(client, demo_site):
    urls = locations(client, "127.0.0.1")
    hosts = {urlsplit(url).netloc for url in urls}
    assert len(hosts) == 1, hosts
    paths = [urlsplit(url).path for url in urls]
    assert len(paths) == len(set(paths)), "a URL is listed twice"
    assert {"/providers/", "/providers/open-data/", "/api/v1/docs"} <= set(paths)
    assert sum(path.startswith("/providers/") for path in paths) > 10
    host = hosts.pop()
    failures = []
    for url in urls:
        parts = urlsplit(url)
        response = client.get(parts.path, HTTP_HOST=host, secure=parts.scheme == "https")
        if response.status_code != 200:
            failures.append((url, response.status_code))
    assert failures == []
    assert len(urls) > 40
