"""What every /api/ endpoint shares: conditional GETs, CORS for reading, per-client rate limits, a complete
OpenAPI document and a readable documentation page."""

import datetime as dt

from django.utils import timezone

import pytest

from providers_map.models import Organisation
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v1/", "/api/hsds/services", "/api/hsds/taxonomies", "/api/hsds/organizations?per_page=1"]


@pytest.fixture
def provider():
    organisation = OrganisationFactory(name="Центр «Кэш»")
    LocationFactory(organisation=organisation)
    ServiceFactory(organisation=organisation)
    return organisation


@pytest.mark.parametrize("url", ENDPOINTS)
def test_an_unchanged_answer_is_304_with_its_etag(client, provider, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_registry_answers_carry_last_modified_and_change_their_etag_on_edit(client, provider):
    Organisation.objects.filter(pk=provider.pk).update(updated_at=timezone.now() - dt.timedelta(days=2))
    first = client.get("/api/hsds/services")
    assert first["Last-Modified"].endswith("GMT")
    assert client.get("/api/hsds/services", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    provider.name = "Центр «Кэш», новое название"
    provider.save()
    changed = client.get("/api/hsds/services", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "новое название" in changed.content.decode()
    assert client.get("/api/hsds/services", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_streams_carry_last_modified_but_no_etag(client, provider):
    response = client.get("/api/hsds/services?format=ndjson")
    assert response.status_code == 200 and response.streaming
    assert "ETag" not in response and response["Last-Modified"].endswith("GMT")


@pytest.mark.parametrize("url", ENDPOINTS)
def test_other_sites_may_read_the_api_from_the_browser(client, provider, url):
    response = client.get(url, HTTP_ORIGIN="https://region.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Retry-After" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        url,
        HTTP_ORIGIN="https://region.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]


def test_pages_outside_the_api_get_no_cors_headers(client, provider):
    response = client.get("/providers/open-data/", HTTP_ORIGIN="https://region.example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_a_client_over_its_limit_gets_429_with_retry_after(client, settings, provider):
    settings.API_RATE_LIMIT = "5/60"
    for remaining in (4, 3, 2, 1, 0):
        response = client.get("/api/hsds/taxonomies")
        assert response.status_code == 200 and response["X-RateLimit-Remaining"] == str(remaining)
        assert response["X-RateLimit-Limit"] == "5"
    blocked = client.get("/api/v1/")
    assert blocked.status_code == 429
    assert 1 <= int(blocked["Retry-After"]) <= 61
    body = blocked.json()
    assert set(body) == {"error", "details"} and "Слишком много запросов" in body["error"]
    assert body["details"][0]["limit"] == 5
    other_client = client.get("/api/v1/", REMOTE_ADDR="10.9.8.7")
    assert other_client.status_code == 200  # limits are per client
    assert client.get("/providers/open-data/").status_code == 200  # pages are not limited by the API limit


def test_v1_openapi_document_is_complete(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["license"]["name"].startswith("CC BY 4.0")
    assert document["components"]["schemas"]["Error"]["required"] == ["error", "details"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            media = responses["200"]["content"]
            assert any("schema" in media.get(kind, {}) for kind in ("application/json", "application/geo+json")), (
                method,
                path,
            )
            for code in ("304", "400", "429"):
                assert code in responses, (method, path, code)
            assert responses["429"]["headers"]["Retry-After"]
            names = {p["name"] for p in operation["parameters"]}
            assert {"If-None-Match", "If-Modified-Since"} <= names


def test_api_index_points_to_both_apis(client):
    body = client.get("/api/v1/").json()
    assert body["hsds"].endswith("/api/hsds/") and body["documentation"].endswith("/api/v1/docs")


def test_documentation_page_lists_every_operation_and_parameter_in_russian(client, provider):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>API открытых данных</h1>" in html
    v1 = client.get("/api/v1/openapi.json").json()
    hsds = client.get("/api/hsds/openapi.json").json()
    for path in v1["paths"]:
        assert f"GET {path}</code>" in html, path
    for path in hsds["paths"]:
        assert f"GET /api/hsds{path}</code>" in html, path
    for parameter in ("age_months", "open_now", "taxonomy_term_id", "modified_after", "postcode", "proximity"):
        assert f"<code>{parameter}</code>" in html
    assert "только услуги для ребёнка этого возраста, в месяцах." in html
    assert "Не больше 300 запросов" in html and "If-None-Match" in html and "CC BY 4.0" in html
    assert 'href="/api/hsds/openapi.json"' in html and 'href="/providers/open-data/"' in html
