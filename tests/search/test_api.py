"""/api/v1/search and /api/v1/search/suggest: shapes, and a 400 JSON (never a 500) for every hostile parameter."""

import re

import pytest

from search import registry
from search.models import QueryStat
from search.query import MAX_QUERY_LENGTH

SEARCH = "/api/v1/search"
SUGGEST = "/api/v1/search/suggest"

HOSTILE_SEARCH = [
    "",
    "q=",
    "q=%20%20",
    "q=" + "я" * 10_000,
    "q=" + "a" * 201,
    "q=%00%01",
    "q=речь&q=слух",
    "q=речь&unknown=1",
    "q=речь&utm_source=x",
    "q=речь&kind=videos",
    "q=речь&kind=library&kind=guidance",
    "q=речь&page=0",
    "q=речь&page=-1",
    "q=речь&page=abc",
    "q=речь&page=101",
    "q=речь&page=99999999999999999999",
    "q=речь&per_page=0",
    "q=речь&per_page=500",
    "q=речь&near=abc",
    "q=речь&near=91,200",
    "q=речь&near=55.0",
    "q=речь&topic=speech",
    "q=речь&kind=providers&topic=communication",
    "q=речь&kind=library&topic=%3Cscript%3E",
    "q=речь&kind=library&topic=" + "a" * 101,
    "q=речь&kind=library" + "".join(f"&topic=t{i}" for i in range(21)),
    "q=речь&kind=library&region=%27%20OR%201=1",
]

HOSTILE_SUGGEST = ["", "q=", "q=" + "я" * 10_000, "q=%00", "q=ре&kind=library", "q=ре&q=сл"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE_SEARCH)
def test_hostile_search_parameters_get_a_400_json(client, query):
    response = client.get(f"{SEARCH}?{query}")
    assert response.status_code == 400, query
    body = response.json()
    assert set(body) == {"error", "details"}
    assert body["details"] and all("parameter" in d and "message" in d for d in body["details"])


@pytest.mark.django_db
def test_every_wrong_parameter_is_named_at_once_in_russian(client):
    body = client.get(SEARCH, {"q": "речь", "page": "x", "utm_source": "y", "kind": "videos", "topic": "a"}).json()
    assert {d["parameter"] for d in body["details"]} == {"page", "utm_source", "kind", "topic"}
    assert all(re.search("[а-я]", d["message"]) for d in body["details"]), body


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE_SUGGEST)
def test_hostile_suggest_parameters_get_a_400_json(client, query):
    response = client.get(f"{SUGGEST}?{query}")
    assert response.status_code == 400, query
    assert set(response.json()) == {"error", "details"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q",
    ["AND OR NOT", '"речь', "'a' | 'b' & !c", "речь*~^", "(((", "%", "_", "\\", "<b>речь</b>", "😀", "１２３", "—"],
)
def test_odd_but_valid_queries_answer_200(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200, q
    assert response.json()["count"] >= 0
    assert client.get(SUGGEST, {"q": q}).status_code == 200


def test_search_answers_the_documented_shape(client, demo_site):
    response = client.get(SEARCH, {"q": "аутизм"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 2 and body["kinds"]["all"] >= body["kinds"]["library"] >= 1
    first = body["results"][0]
    assert {"kind", "title", "url", "snippet"} <= set(first)
    assert first["url"] == "/library/autism-early-signs-recommendations/"
    assert body["suggestion"] is None and body["mode"] in {"elasticsearch", "database"}


def test_facets_filter_the_chosen_kind(client, demo_site):
    body = client.get(SEARCH, {"q": "речь", "kind": "library"}).json()
    assert body["facets"]["type"] and all(r["kind"] in {"library", "promoted"} for r in body["results"])
    webinar = client.get(SEARCH, {"q": "речь", "kind": "library", "type": "webinar"}).json()
    assert 0 < webinar["count"] < body["count"]
    assert [o for o in webinar["facets"]["type"] if o["value"] == "webinar"][0]["selected"]


def test_a_typo_is_corrected_and_suggested(client, demo_site):
    body = client.get(SEARCH, {"q": "вертикализтор"}).json()
    assert body["suggestion"] == "вертикализатор"
    assert body["results"][0]["url"] == "/parents/assistive-devices/"


def test_a_transcript_hit_links_to_the_moment(client, demo_site):
    body = client.get(SEARCH, {"q": "карточки с картинками"}).json()
    hit = next(r for r in body["results"] if r["url"].startswith("/library/alternative-communication-webinar/"))
    assert hit["url"].endswith("#t=00:04") and hit["timestamp"] == "00:04"
    assert "<mark>" in hit["snippet"]


def test_closed_providers_come_after_working_ones(client, demo_site):
    body = client.get(SEARCH, {"q": "КЦСОН", "kind": "providers", "per_page": 50}).json()
    statuses = [r.get("status", "active") for r in body["results"]]
    assert "temporarily_closed" in statuses
    assert statuses.index("temporarily_closed") > max(i for i, s in enumerate(statuses) if s == "active")


def test_near_puts_the_nearest_provider_first(client, demo_site):
    karasuk = "53.73,78.04"
    body = client.get(SEARCH, {"q": "ранняя помощь", "kind": "providers", "near": karasuk}).json()
    assert body["results"][0]["url"] == "/providers/ktsson-karasukskogo-rayona/"


def test_suggest_offers_titles_by_prefix(client, demo_site):
    body = client.get(SUGGEST, {"q": "вертикал"}).json()
    assert body["suggestions"][0]["url"] == "/parents/assistive-devices/"
    body = client.get(SUGGEST, {"q": "синдром дау"}).json()
    assert "/library/down-syndrome-first-months/" in [s["url"] for s in body["suggestions"]]


def test_a_phrase_no_title_holds_suggests_the_best_answers(client, demo_site):
    body = client.get(SUGGEST, {"q": "не говорит в 2 года"}).json()
    urls = [s["url"] for s in body["suggestions"]]
    assert {"/parents/signs-1-2-years/", "/parents/signs-2-3-years/"} & set(urls[:3]), urls
    assert client.get(SUGGEST, {"q": "зюзюзюзя квазипарабола"}).json()["suggestions"] == []


def test_searches_are_counted_without_personal_data(client, demo_site):
    QueryStat.objects.all().delete()  # browser tests search the committed demo too; count only this test's
    client.get(SEARCH, {"q": "Аутизм"})
    client.get(SEARCH, {"q": "аутизм"})
    client.get(SEARCH, {"q": "зюзюзюзя"})
    client.get(SEARCH, {"q": "позвоните мне 8 913 123-45-67"})
    stats = {s.query: s for s in QueryStat.objects.all()}
    assert stats["аутизм"].searches == 2 and stats["аутизм"].zero_results == 0
    assert stats["зюзюзюзя"].zero_results == 1
    assert not any("913" in query for query in stats)
    assert [f.name for f in QueryStat._meta.get_fields()] == ["id", "day", "query", "searches", "zero_results"]


def test_openapi_documents_both_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/search" in paths and "/api/v1/search/suggest" in paths
    parameters = {p["name"]: p["schema"] for p in paths["/api/v1/search"]["get"]["parameters"]}
    assert {"q", "kind", "page", "topic", "region", "near"} <= set(parameters)
    assert parameters["kind"]["enum"] == ["all", *(kind.name for kind in registry.cross_kinds())]
    assert parameters["q"]["maxLength"] == MAX_QUERY_LENGTH == 200  # one limit, as validated
