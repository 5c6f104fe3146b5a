"""Each request is answered by its own Wagtail site, looked up once and then kept in the cache."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

import pytest

from core import sites
from home.models import HomePage
from tests.home.builders import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_site(settings):
    """A second site with its own home page, on its own host name."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "second.example", "renamed.example"]
    home_page()
    root = Page.get_first_root_node().add_child(instance=HomePage(title="Второй сайт", slug="second-home"))
    return Site.objects.create(hostname="second.example", port=80, root_page=root)


def site_queries(captured):
    return [query["sql"] for query in captured.captured_queries if 'FROM "wagtailcore_site"' in query["sql"]]


def test_the_site_is_looked_up_once_then_comes_from_the_cache(client):
    home_page()
    with CaptureQueriesContext(connection) as first:
        assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get("/").status_code == 200
    assert site_queries(first) and site_queries(second) == []


def test_each_host_gets_its_own_site_and_a_renamed_site_counts_at_once(client, second_site):
    assert "Второй сайт" in client.get("/", HTTP_HOST="second.example").text
    assert "Второй сайт" not in client.get("/", HTTP_HOST="localhost").text

    second_site.hostname = "renamed.example"
    second_site.save()
    # the old name now falls back to the default site; the new one answers with the second site
    assert "Второй сайт" not in client.get("/", HTTP_HOST="second.example").text
    assert "Второй сайт" in client.get("/", HTTP_HOST="renamed.example").text


def test_a_deleted_site_is_forgotten(client, second_site):
    assert "Второй сайт" in client.get("/", HTTP_HOST="second.example").text
    second_site.delete()
    assert "Второй сайт" not in client.get("/", HTTP_HOST="second.example").text


def test_host_names_the_site_does_not_allow_are_not_remembered(client):
    home_page()
    for number in range(sites.MAX_HOSTS + 5):
        client.get("/", HTTP_HOST=f"attacker-{number}.example")
    assert not any(key.startswith("attacker-") for key in cache.get(sites.CACHE_KEY, {}))
