"""Hostile or broken parameters get a 400 `{"error", "details"}` from the API and a friendly page, never a 500."""

import pytest

from tests.providers_map.finder.data import fill_search_fallback, small_registry, use_backend

pytestmark = pytest.mark.django_db

OK_MAP = {"bbox": "82,54,84,56", "zoom": "8"}

BAD_MAP = [
    {"bbox": "1,2,3", "zoom": "5"},
    {"bbox": "a,b,c,d", "zoom": "5"},
    {"bbox": "82,56,84,54", "zoom": "5"},  # south above north
    {"bbox": "82,54,82,56", "zoom": "5"},  # no width
    {"bbox": "82,54,84,91", "zoom": "5"},
    {"bbox": "-181,54,84,56", "zoom": "5"},
    {"bbox": "NaN,54,84,56", "zoom": "5"},
    {"bbox": "Infinity,54,84,56", "zoom": "5"},
    {"bbox": "1e308,54,84,56", "zoom": "5"},
    {"bbox": "82,54,84,56,1", "zoom": "5"},
    {"bbox": "", "zoom": "5"},
    {"zoom": "5"},
    {"bbox": "82,54,84,56"},
    {"bbox": "82,54,84,56", "zoom": "-1"},
    {"bbox": "82,54,84,56", "zoom": "21"},
    {"bbox": "82,54,84,56", "zoom": "5.5"},
    {"bbox": "82,54,84,56", "zoom": "99999999999999999999999"},
    {"bbox": "82,54,84,56", "zoom": "¹"},  # a digit to str.isdigit, not to int()
    {**OK_MAP, "page": "1"},  # lists have pages, the map does not
    {**OK_MAP, "callback": "alert"},
]

BAD_LIST = [
    {"page": "²"},
    {"age_years": "¹"},
    {"near": "55"},
    {"near": "91,83"},
    {"near": "55,181"},
    {"near": "55,83,1"},
    {"near": "x,y"},
    {"near": "NaN,NaN"},
    {"near": "55,83", "radius_km": "0"},
    {"near": "55,83", "radius_km": "-5"},
    {"near": "55,83", "radius_km": "100000"},
    {"near": "55,83", "radius_km": "1e3"},
    {"radius_km": "10"},  # a radius without a place
    {"where": "Неизвестноебурово"},
    {"where": "я" * 200},
    {"service": "no-such-service"},
    {"concern": "' OR 1=1 --"},
    {"language": "klingon"},
    {"region": "zz"},
    {"ownership": "alien"},
    {"age": "abc"},
    {"age": "-3"},
    {"age": "99999999999999999999"},
    {"open_now": "maybe"},
    {"free": "2"},
    {"q": "я" * 500},
    {"page": "0"},
    {"page": "abc"},
    {"page": "10001"},
    {"page_size": "1000"},
    {"page_size": "0"},
    {"zoom": "5"},  # a map parameter on the list
    {"utm_source": "mail"},
]


@pytest.fixture(autouse=True)
def database_backend(settings):
    use_backend(settings, "database")


@pytest.fixture
def registry():
    locations = small_registry()
    fill_search_fallback()
    return locations


@pytest.mark.parametrize("params", BAD_MAP, ids=[str(p) for p in BAD_MAP])
def test_bad_map_parameters_are_400_json(client, params):
    response = client.get("/api/v1/providers/map", params)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "details"}
    assert body["details"] and all({"parameter", "message"} <= set(detail) for detail in body["details"])


@pytest.mark.parametrize("params", BAD_LIST, ids=[str(p)[:60] for p in BAD_LIST])
def test_bad_list_parameters_are_400_json(client, params):
    response = client.get("/api/v1/providers", params)
    assert response.status_code == 400, response.content[:200]
    assert set(response.json()) == {"error", "details"}


def test_the_detail_names_the_parameter(client):
    body = client.get("/api/v1/providers", {"near": "91,83", "service": "nope"}).json()
    assert {detail["parameter"] for detail in body["details"]} == {"near", "service"}


def test_control_characters_and_markup_are_harmless(client, registry):
    response = client.get("/api/v1/providers", {"q": "\x00\x01Ёлочка\x7f"})
    assert response.status_code == 200
    assert [r["name"] for r in response.json()["results"]] == ["Центр «Ёлочка»"]
    page = client.get("/providers/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("path", ["/api/v1/providers/999999", "/api/v1/providers/0"])
def test_unknown_provider_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert set(response.json()) == {"error", "details"}


def test_drafts_and_closed_organisations_are_not_served(client, registry):
    from providers_map.models import Organisation

    for organisation in Organisation.objects.filter(name__in=["Черновик", "Закрытый центр"]):
        expected = 404 if not organisation.live else 200
        assert client.get(f"/api/v1/providers/{organisation.pk}").status_code == expected


@pytest.mark.parametrize("query", ["", "q=" + "я" * 200, "x=1"])
def test_places_with_bad_parameters(client, query):
    assert client.get("/api/v1/providers/places?" + query).status_code == 400


PAGE_BAD = [p for p in BAD_LIST if not {"page_size", "zoom", "utm_source"} & set(p)]


@pytest.mark.parametrize("params", PAGE_BAD, ids=[str(p)[:60] for p in PAGE_BAD])
def test_the_page_answers_bad_parameters_kindly(client, params):
    response = client.get("/providers/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert any(text in html for text in ("не распознаны", "Мы не знаем места", "Слишком длинное название места"))
