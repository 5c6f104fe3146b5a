"""/api/v1/providers…: every filter alone and combined, distances, the map's clusters, hostile parameters.

Each behaviour test runs twice: on Elasticsearch (the finder's own index, rebuilt from the test data) and on
the database fallback; both must give the same providers.
"""

import math

import pytest

from core.geo import distance_km as haversine_km
from tests.providers_map.finder.data import (  # noqa: F401
    _finder_test_index,
    fill_search_fallback,
    finder_index,
    small_registry,
    use_backend,
)

pytestmark = pytest.mark.django_db

NOVOSIBIRSK = (55.030204, 82.92043)
NEAR = "55.030204,82.92043"


@pytest.fixture
def registry():
    locations = small_registry()
    fill_search_fallback()
    return locations


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings, registry):
    use_backend(settings, request.param)
    if request.param == "elasticsearch":
        request.getfixturevalue("finder_index")
    return request.param


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def names(body):
    return [result["name"] for result in body["results"]]


def test_list_without_a_place_is_sorted_by_name(client, backend):
    body = get(client, "/api/v1/providers")
    assert body["backend"] == backend
    assert body["count"] == 5  # drafts and closed organisations are left out
    assert names(body) == sorted(names(body), key=lambda name: name.lower().replace("ё", "е"))
    first = body["results"][0]
    assert {"id", "location_id", "name", "url", "phones", "distance_km", "open_now", "route_url"} <= set(first)
    assert first["distance_km"] is None


def test_near_sorts_by_distance_with_the_haversine_distance(client, backend, registry):
    body = get(client, "/api/v1/providers", near=NEAR)
    distances = [result["distance_km"] for result in body["results"]]
    assert distances == sorted(distances)
    for result in body["results"]:
        expected = haversine_km(*NOVOSIBIRSK, result["lat"], result["lon"])
        assert math.isclose(result["distance_km"], expected, rel_tol=1e-3, abs_tol=0.01), result["name"]
    assert names(body)[0] == "Центр «Семья»"
    assert names(body)[-1] == "Центр «Ёлочка»"  # Moscow, 2 800 km away
    assert 2700 < distances[-1] < 2900


def test_where_in_any_case_sorts_by_distance_from_the_locality(client, backend):
    body = get(client, "/api/v1/providers", where="в Бердске")
    assert body["place"]["label"] == "Бердск, Новосибирская область"
    assert names(body)[0] == "КЦСОН Бердска"
    assert body["results"][0]["distance_km"] < 3


def test_radius_keeps_only_what_is_near(client, backend):
    body = get(client, "/api/v1/providers", where="Бердск", radius_km="25")
    assert sorted(names(body)) == ["КЦСОН Бердска", "Служба «Шаг навстречу»", "Фонд «Солнышко»"]
    assert all(result["distance_km"] <= 25 for result in body["results"])


FILTERS = [
    ({"service": "communication"}, {"Центр «Семья»", "КЦСОН Бердска", "Фонд «Солнышко»", "Центр «Ёлочка»"}),
    ({"service": "iprp"}, {"Центр «Семья»", "Служба «Шаг навстречу»"}),
    ({"age": "6"}, {"Центр «Семья»", "КЦСОН Бердска", "Фонд «Солнышко»", "Центр «Ёлочка»", "Служба «Шаг навстречу»"}),
    ({"age": "5 лет"}, {"Фонд «Солнышко»", "Центр «Ёлочка»"}),
    ({"ownership": "municipal"}, {"КЦСОН Бердска"}),
    ({"free": "1"}, {"Центр «Семья»", "КЦСОН Бердска", "Фонд «Солнышко»", "Служба «Шаг навстречу»"}),
    ({"home": "1"}, {"Центр «Семья»", "КЦСОН Бердска"}),  # a home-visits service counts too
    ({"remote": "1"}, {"Фонд «Солнышко»"}),
    ({"open_now": "1"}, {"Центр «Семья»", "Фонд «Солнышко»", "Центр «Ёлочка»"}),
    ({"step_free": "1"}, {"Центр «Семья»", "Фонд «Солнышко»", "Служба «Шаг навстречу»"}),
    ({"language": "russian-sign"}, {"Фонд «Солнышко»"}),
    ({"language": "tatar"}, {"Служба «Шаг навстречу»"}),
    ({"language": "russian"}, {"Центр «Семья»", "КЦСОН Бердска", "Фонд «Солнышко»", "Центр «Ёлочка»"}),
    ({"region": "77"}, {"Центр «Ёлочка»"}),
    ({"q": "Ёлочка"}, {"Центр «Ёлочка»"}),
    ({"q": "елочка"}, {"Центр «Ёлочка»"}),
    ({"q": "Искитим"}, {"Фонд «Солнышко»"}),
    ({"bbox": "82.5,54.5,83.5,55.2"}, {"Центр «Семья»", "КЦСОН Бердска", "Фонд «Солнышко»", "Служба «Шаг навстречу»"}),
    # Combined: every condition holds, service-level ones for the same service.
    ({"service": "communication", "age": "6"}, {"Центр «Семья»", "Фонд «Солнышко»", "Центр «Ёлочка»"}),
    ({"service": "communication", "concern": "cerebral-palsy"}, {"КЦСОН Бердска"}),
    ({"service": "mobility", "age": "1 год"}, set()),
    ({"free": "1", "step_free": "1", "open_now": "1"}, {"Центр «Семья»", "Фонд «Солнышко»"}),
    ({"ownership": "state", "language": "tatar", "service": "iprp"}, {"Служба «Шаг навстречу»"}),
    ({"where": "Бердск", "radius_km": "25", "free": "1", "remote": "1"}, {"Фонд «Солнышко»"}),
]


def test_each_filter_alone_and_combined(client, backend):
    wrong = []
    for params, expected in FILTERS:
        body = get(client, "/api/v1/providers", **params)
        if set(names(body)) != expected or body["count"] != len(expected):
            wrong.append((params, sorted(names(body)), sorted(expected)))
    assert wrong == []


def test_concern_lists_services_naming_it_first_then_those_for_any_child(client, backend):
    body = get(client, "/api/v1/providers", concern="speech", near=NEAR)
    matches = [(result["name"], result["concern_match"]) for result in body["results"]]
    # Семья, Солнышко and Ёлочка name speech; КЦСОН Бердска has a service for any child; Шаг навстречу has
    # only an autism service, so it is not offered for speech at all.
    assert matches == [
        ("Центр «Семья»", "named"),
        ("Фонд «Солнышко»", "named"),
        ("Центр «Ёлочка»", "named"),
        ("КЦСОН Бердска", "any_child"),
    ]
    assert body["concern"] == {"named": 3, "any_child": 1}


def test_concern_and_service_hold_for_the_same_service(client, backend):
    # Солнышко names speech on its parent groups, not on its communication service (which names hearing).
    body = get(client, "/api/v1/providers", concern="speech", service="communication")
    assert {(r["name"], r["concern_match"]) for r in body["results"]} == {
        ("Центр «Семья»", "named"),
        ("Центр «Ёлочка»", "named"),
        ("КЦСОН Бердска", "any_child"),
    }


def test_paging(client, backend):
    first = get(client, "/api/v1/providers", page_size="2")
    second = get(client, "/api/v1/providers", page_size="2", page="2")
    third = get(client, "/api/v1/providers", page_size="2", page="3")
    assert (first["pages"], first["count"]) == (3, 5)
    everything = names(first) + names(second) + names(third)
    assert sorted(everything) == sorted(names(get(client, "/api/v1/providers")))
    assert get(client, "/api/v1/providers", page="99")["results"] != []  # clamped to the last page


def test_one_provider(client, backend, registry):
    organisation = registry["iskitim"].organisation
    body = get(client, f"/api/v1/providers/{organisation.pk}")
    assert body["name"] == "Фонд «Солнышко»"
    assert body["locations"][0]["open_now"] is True
    assert body["locations"][0]["opening_hours_text"] == "Пн-Вс круглосуточно"
    assert {service["type"] for service in body["services"]} == {"communication", "parent-groups"}
    assert body["services"][0]["languages"] == ["russian-sign"]


def test_places_suggestions(client, db):
    body = get(client, "/api/v1/providers/places", q="в Бердске")
    assert body["results"][0]["label"] == "Бердск, Новосибирская область"
    assert body["results"][0]["kind"] == "locality"


def test_endpoints_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/providers", "/api/v1/providers/map", "/api/v1/providers/places"} <= set(paths)
    assert any(path.startswith("/api/v1/providers/{") for path in paths)
