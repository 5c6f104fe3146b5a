"""The finder's settings: checked at start-up, reported in /healthz."""

from django.core.checks import run_checks

import pytest

from tests.providers_map.finder.data import use_backend


@pytest.mark.parametrize(
    "name, value, error",
    [
        ("PORTAL_DIRECTIONS_PROVIDER", "google", "providers_map.E001"),
        ("PORTAL_FINDER_BACKEND", "solr", "providers_map.E002"),
        ("PORTAL_MAP_TILE_URL", "https://tiles.example.org/tile.png", "providers_map.E003"),
    ],
)
def test_wrong_settings_stop_the_start(settings, name, value, error):
    setattr(settings, name, value)
    assert error in {message.id for message in run_checks()}


def test_good_settings_pass(settings):
    settings.PORTAL_DIRECTIONS_PROVIDER = "osm"
    settings.PORTAL_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert not {m.id for m in run_checks()} & {"providers_map.E001", "providers_map.E002", "providers_map.E003"}


def test_healthz_says_when_the_finder_answers_from_the_database(client, db, settings):
    use_backend(settings, "database")
    body = client.get("/healthz").json()
    assert body["finder"] == {"backend": "database", "fallback": True, "reason": "PORTAL_FINDER_BACKEND is database"}


def test_healthz_says_when_the_index_is_missing(client, db, settings, es_client):
    use_backend(settings, "auto")
    settings.SEARCH_INDEX_PREFIX = "finder-no-such-index"
    body = client.get("/healthz").json()
    assert body["finder"]["backend"] == "database"
    assert "index" in body["finder"]["reason"]
    response = client.get("/api/v1/providers")
    assert response.status_code == 200 and response.json()["backend"] == "database"


def test_healthz_says_when_elasticsearch_is_unreachable(client, db, settings):
    use_backend(settings, "auto")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    body = client.get("/healthz").json()
    assert body["finder"]["backend"] == "database"
    response = client.get("/api/v1/providers/map", {"bbox": "82,54,84,56", "zoom": "8"})
    assert response.status_code == 200 and response.json()["backend"] == "database"
