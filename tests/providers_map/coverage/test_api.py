"""/api/v1/coverage… answer in GUIDE §2's shapes (on the demo registry, computed by load_demo), are in the OpenAPI
document, and refuse hostile parameters with 400 {"error", "details"}."""

import pytest

from providers_map.coverage.models import LocalityCoverage


def test_regions_and_localities_have_the_guide_shapes(client, demo_site):
    body = client.get("/api/v1/coverage").json()
    assert {"computed_at", "method_version", "regions"} <= set(body)
    assert len(body["regions"]) == 89
    novosibirsk = next(region for region in body["regions"] if region["code"] == "54")
    assert {"code", "name", "population", "bands"} <= set(novosibirsk)
    assert set(novosibirsk["bands"]) == {"0-10", "10-30", "30-60", "60+"}
    assert sum(novosibirsk["bands"].values()) == novosibirsk["population"]

    localities = client.get("/api/v1/coverage/localities", {"region": "54"}).json()
    assert {"computed_at", "method_version", "region", "results"} <= set(localities)
    assert localities["computed_at"] == body["computed_at"]
    assert len(localities["results"]) == LocalityCoverage.objects.filter(region_code="54").count()
    first = localities["results"][0]
    assert {"name", "lat", "lon", "population", "distance_km", "nearest"} <= set(first)
    assert first["name"] == "Новосибирск" and first["distance_km"] < 10
    assert set(first["nearest"]) >= {"name", "url"} and first["nearest"]["url"].startswith("/providers/")

    layer = client.get("/api/v1/coverage/map", {"region": "54", "service": "iprp"}).json()
    assert layer["fields"][:4] == ["lat", "lon", "population", "band"]
    assert len(layer["rows"]) == len(localities["results"])


def test_the_operations_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/coverage", "/api/v1/coverage/localities", "/api/v1/coverage/map"} <= set(paths)


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/v1/coverage", {"region": "54"}),
        ("/api/v1/coverage/localities", {}),
        ("/api/v1/coverage/localities", {"region": "5"}),
        ("/api/v1/coverage/localities", {"region": "00"}),
        ("/api/v1/coverage/localities", {"region": "../54"}),
        ("/api/v1/coverage/localities", {"region": "54", "page": "2"}),
        ("/api/v1/coverage/localities", {"region": ["54", "55"]}),
        ("/api/v1/coverage/localities", {"region": "٥٤"}),  # digits to str.isdigit, not to us
        ("/api/v1/coverage/map", {"service": "<script>"}),
        ("/api/v1/coverage/map", {"service": "no-such-service"}),
        ("/api/v1/coverage/map", {"region": "x" * 5000}),
    ],
)
def test_hostile_parameters_get_400_with_error_and_details(client, db, url, params):
    response = client.get(url, params)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "details"} and body["details"]
    assert "<script>" not in response.content.decode()


def test_before_the_first_computation_the_answers_are_empty_not_errors(client, db):
    body = client.get("/api/v1/coverage").json()
    assert body["computed_at"] is None and body["regions"] == []
    assert client.get("/api/v1/coverage/localities", {"region": "54"}).json()["results"] == []
    assert client.get("/coverage/").status_code == 200
    assert client.get("/coverage/54/").status_code == 404
