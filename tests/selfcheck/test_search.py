"""Findable: a parent's words in the site search offer the self-check for that age, on Elasticsearch and on the
database fallback; publishing a checklist indexes it, unpublishing removes it."""

import pytest

from search import indexing, registry
from search.client import get_client, index_name
from search.models import SearchRecord
from search.results import SearchRequest
from search.service import run
from tests.selfcheck.builders import make_checklist

QUERIES = {
    "ребёнок не говорит в 2 года": "/self-check/24-months/",
    "ребенок не ходит в полтора года": "/self-check/18-months/",
    "не говорит в 2,5 года": "/self-check/30-months/",
}


def _top3(query, force_database):
    found = run(SearchRequest(q=query), force_database=force_database)
    assert found.backend == ("database" if force_database else "elasticsearch")
    return [result.url for result in found.promoted + found.results][:3]


@pytest.mark.parametrize("backend", ["elasticsearch", "database"])
def test_a_parents_question_offers_the_checklist_for_that_age_among_the_first_results(demo_site, es_client, backend):
    for query, url in QUERIES.items():
        assert url in _top3(query, force_database=backend == "database"), query


@pytest.mark.parametrize("backend", ["elasticsearch", "database"])
def test_an_age_and_a_worry_put_the_checklist_reached_above_the_results(demo_site, es_client, backend):
    found = run(SearchRequest(q="не ходит в 20 месяцев"), force_database=backend == "database")
    assert [(r.url, r.promoted) for r in found.promoted][:1] == [("/self-check/18-months/", True)]
    assert "/self-check/18-months/" not in [r.url for r in found.results]  # shown once
    # an age alone, or a worry without an age, is no question for the checklist
    for query in ("праздник для детей 2 года", "не ходит"):
        found = run(SearchRequest(q=query), force_database=backend == "database")
        assert not [r for r in found.promoted if r.kind == "selfcheck"], query


def test_the_result_shows_the_self_check_tab(client, demo_site):
    html = client.get("/search/", {"q": "ребёнок не говорит в 2 года"}).content.decode()
    assert "Как развивается ребёнок в 2 года" in html and "Проверка развития" in html


@pytest.mark.django_db
def test_publishing_indexes_a_checklist_and_unpublishing_removes_it(index_prefix, django_capture_on_commit_callbacks):
    indexing.rebuild(registry.get("selfcheck"))
    with django_capture_on_commit_callbacks(execute=True):
        checklist = make_checklist(30)
    record = SearchRecord.objects.get(kind="selfcheck", key=str(checklist.pk))
    assert "2.5 год" in record.title_terms  # «Как развивается ребёнок в 2,5 года»
    client = get_client()
    client.indices.refresh(index=index_name("selfcheck"))
    assert client.exists(index=index_name("selfcheck"), id=str(checklist.pk))
    with django_capture_on_commit_callbacks(execute=True):
        checklist.unpublish()
    assert not SearchRecord.objects.filter(kind="selfcheck", key=str(checklist.pk)).exists()
    assert registry.get("selfcheck").get_object(str(checklist.pk)) is None
