from django.core.management import call_command

import pytest

from search.documents import ANALYSIS, TERMS_ANALYZER
from search.text import lemmatise

DOCS = [
    ("1", "Ранняя помощь детям с нарушениями слуха в Новосибирске"),
    ("2", "Прокат технических средств реабилитации для семей"),
    ("3", "Консультации логопеда для малышей с задержкой речи"),
]


def _create_and_fill(client, index):
    client.indices.create(
        index=index,
        settings={"number_of_shards": 1, "number_of_replicas": 0, "analysis": ANALYSIS},
        mappings={"properties": {"title": {"type": "text"}, "lemmas": {"type": "text", "analyzer": TERMS_ANALYZER}}},
    )
    for doc_id, title in DOCS:
        client.index(index=index, id=doc_id, document={"title": title, "lemmas": lemmatise(title)})
    client.indices.refresh(index=index)


def test_index_a_document_and_find_it_with_a_russian_query(es_client, es_index):
    _create_and_fill(es_client, es_index)
    # Different word forms and ё: "ребёнку" (детям), "помощи" (помощь), "Новосибирская"≠"Новосибирске".
    query = "помощи ребёнку в Новосибирске"
    result = es_client.search(
        index=es_index, query={"match": {"lemmas": {"query": lemmatise(query), "operator": "and"}}}
    )
    hits = [h["_id"] for h in result["hits"]["hits"]]
    version = es_client.nodes.info(filter_path="nodes.*.version")["nodes"].popitem()[1]["version"]
    print(f"\nElasticsearch under test: {version}; '{query}' -> {hits}")
    assert hits == ["1"]


def test_plain_standard_analysis_misses_what_lemmas_find(es_client, es_index):
    # Guards the reason for the lemma field: the surface forms alone do not match.
    _create_and_fill(es_client, es_index)
    result = es_client.search(index=es_index, query={"match": {"title": {"query": "средство", "operator": "and"}}})
    assert result["hits"]["total"]["value"] == 0
    result = es_client.search(index=es_index, query={"match": {"lemmas": lemmatise("средство")}})
    assert [h["_id"] for h in result["hits"]["hits"]] == ["2"]


def test_status_command_reports_the_cluster(es_client, capsys, db):
    call_command("search_index", "--status")
    out = capsys.readouterr().out
    assert "Elasticsearch 8." in out
    assert "health" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Помощь детям", "помощь ребенок"),
        ("К двум годам", "2 год"),
        ("Ёлочка", "елочка"),
        ("центры ранней помощи", "центр ранний помощь"),
        ("Ранние признаки РАС", "ранний признак рас"),
    ],
)
def test_lemmatise_normalises_forms_and_yo(text, expected):
    assert lemmatise(text) == expected
