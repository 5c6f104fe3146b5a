"""Elasticsearch down: the page, the API, publishing and /healthz keep working on the database fallback, and
`search_index --sync` brings the drift back to 0 once the cluster answers again."""

import socket
import threading

from django.core.management import call_command

import pytest

from search import drift, indexing, registry
from search.client import breaker
from search.models import PendingUpdate
from tests.home.builders import make_guidance


@pytest.fixture
def demo_indices(demo_site, index_prefix):
    """The committed demo indexed under this test's own prefix (the test adds and syncs documents)."""
    for kind in registry.all_kinds():
        indexing.rebuild(kind)
    return index_prefix


class SilentServer:
    """Accepts TCP connections and never answers: a hung cluster. Counts the connections it gets."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/"

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        for conn in self.connections:
            conn.close()
        self.sock.close()


def test_search_publishing_and_healthz_survive_a_dead_cluster_and_sync_repairs_drift(
    client, demo_site, demo_indices, settings, django_capture_on_commit_callbacks
):
    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9/"  # nothing listens there
    settings.SEARCH_BREAKER_COOLDOWN = 0

    page = client.get("/search/", {"q": "аутизм"})
    assert page.status_code == 200
    assert "упрощённом режиме" in page.content.decode()
    assert "/library/autism-early-signs-recommendations/" in page.content.decode()

    api = client.get("/api/v1/search", {"q": "плохо слышит"})
    assert api.status_code == 200 and api.json()["mode"] == "database" and api.json()["count"] >= 1
    assert client.get("/api/v1/search/suggest", {"q": "вертикал"}).json()["suggestions"]

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["search"]["mode"] == "database" and health.json()["search"]["status"] == "unavailable"

    hub = demo_site.get_children().type(registry.get("guidance").models[1]).first().specific
    with django_capture_on_commit_callbacks(execute=True):
        new_page = make_guidance(hub, title="Сон малыша: сколько спит ребёнок в полгода", slug="sleep")
    assert PendingUpdate.objects.filter(kind="guidance", key=str(new_page.pk)).exists()
    fallback_hit = client.get("/api/v1/search", {"q": "сон малыша"}).json()["results"][0]
    assert fallback_hit["url"] == new_page.url  # the fallback already knows the new page

    settings.ELASTICSEARCH_URL = working_url  # the cluster is back: used again without a restart
    assert client.get("/api/v1/search", {"q": "аутизм"}).json()["mode"] == "elasticsearch"
    assert drift.status(registry.get("guidance"))["es"].total == 1
    call_command("search_index", "--sync")
    assert not PendingUpdate.objects.exists()
    assert all(drift.status(kind)["es"].total == 0 for kind in registry.all_kinds())
    found = client.get("/api/v1/search", {"q": "сон малыша"}).json()
    assert found["mode"] == "elasticsearch" and found["results"][0]["url"] == new_page.url
    assert client.get("/healthz").json()["search"]["mode"] == "elasticsearch"


def test_a_hung_cluster_costs_one_short_timeout_then_the_breaker_skips_it(client, demo_site, settings):
    server = SilentServer()
    try:
        settings.ELASTICSEARCH_URL = server.url
        settings.SEARCH_QUERY_TIMEOUT = 0.3
        settings.SEARCH_BREAKER_COOLDOWN = 60
        first = client.get("/api/v1/search", {"q": "аутизм"})
        assert first.status_code == 200 and first.json()["mode"] == "database"
        assert breaker.is_open
        tried = len(server.connections)
        for query in ("речь", "слух", "ДЦП"):
            response = client.get("/api/v1/search", {"q": query})
            assert response.status_code == 200 and response.json()["mode"] == "database"
        assert client.get("/search/", {"q": "речь"}).status_code == 200
        assert len(server.connections) == tried  # no further request waited on the hung cluster
    finally:
        server.close()
