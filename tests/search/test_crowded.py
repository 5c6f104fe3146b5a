"""Ranking when many providers share the same words (a national registry): the answer a person means still
comes first, on Elasticsearch and on the database fallback alike. The crowd's keys sort first, so a tie would
put a wrong answer on top. (At scale: bench/bench_search.py.)"""

import pytest

from search import client as es
from search.documents import Entry, EntryDocument, entry_source, index_body
from search.es_backend import search as es_search
from search.fallback import store
from search.fallback.search import search as db_search
from search.models import SearchPosting, SearchRecord, SynonymGroup
from search.query import parse
from search.results import SearchRequest

TOGUCHIN = (55.235, 84.41)


def provider(key, title, place, tags="", body="", name=""):
    texts = {"title": title, "name": name or title, "tag": tags, "place": place, "body": body}
    return Entry(key=key, title=title, url=f"/providers/{key}/", texts=texts, points=[TOGUCHIN])


CROWD = [
    provider(f"1{n}", f"Центр ранней помощи «{word}»", "Тогучин\nНовосибирская область\nул. Ленина, д. 1",
             "Содействие развитию общения и речи\nНарушения речи", "Помогаем семьям с детьми.")
    for n, word in enumerate(["Росток", "Радуга", "Истоки", "Ладушки"])
] + [
    provider(f"2{n}", f"Детская поликлиника № {n + 2}", "Тогучин\nНовосибирская область\nул. Мира, д. 2",
             "Нарушения речи\nНарушения слуха", "Врачи наблюдают за развитием детей.")
    for n in range(3)
] + [
    provider(f"3{n}", "Центр «Семья»: семейный центр", "Новосибирск\nНовосибирская область",
             "Семья\nЦентр", "Центр для семьи: семья и центр рядом.")
    for n in range(3)
]  # fmt: skip
OWN = provider(
    "90",
    "КЦСОН Тогучинского района",
    "Тогучин\nНовосибирская область\nул. Садовая, д. 9",
    "Консультирование семьи\nУслуги на дому",
    "Помогаем семьям района.",
    name="Муниципальное бюджетное учреждение «Комплексный центр социального обслуживания населения Тогучинского "
    "района»\nКЦСОН Тогучинского района",
)
SEMYA = provider(
    "91",
    "Центр «Семья»",
    "Новосибирск\nНовосибирская область",
    "Консультирование семьи",
    "Государственный центр помощи семье и детям.",
    name="Государственное автономное учреждение «Центр социальной помощи семье и детям «Семья»»\nЦентр «Семья»",
)
SIGNS = Entry(
    key="92",
    title="Признаки: 2–3 года",
    url="/parents/signs-2-3-years/",
    texts={"title": "Признаки: 2–3 года", "body": "Если ребёнок в 2 года не говорит, покажите его логопеду."},
)
GUIDANCE = [SIGNS] + [
    Entry(key=f"8{n}", title=title, url=f"/parents/{n}/", texts={"title": title, "body": "Что делать родителям."})
    for n, title in enumerate(["Первый приём", "Права семьи", "Как выбрать службу", "Занятия дома", "Коляска"])
]


@pytest.fixture
def crowded(db):
    SynonymGroup.objects.create(terms="ЗРР, задержка речевого развития, нарушения речи, не говорит")
    store.save_entries("providers", [*CROWD, OWN, SEMYA])
    store.save_entries("guidance", GUIDANCE)


@pytest.fixture
def crowded_index(crowded, es_client, index_prefix):
    for kind, entries in (("providers", [*CROWD, OWN, SEMYA]), ("guidance", GUIDANCE)):
        index = es.index_name(kind)
        es_client.indices.create(index=index, **index_body(EntryDocument))
        for entry in entries:
            es_client.index(index=index, id=entry.key, document=entry_source(entry, kind))
        es_client.indices.refresh(index=index)


def first_keys(backend, query, n=1):
    return [hit.key for hit in backend(parse(query), SearchRequest(q=query)).hits[:n]]


CASES = [
    ("Тогучин", "90"),  # the place's own service: its name says the place («Тогучинского района»)
    ("центр Семья", "91"),  # a name said exactly
    ("не говорит в 2 года", "92"),  # an age, not the «№ 2» of a polyclinic that treats speech
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_the_meant_answer_comes_first_on_the_fallback(crowded, query, expected):
    assert first_keys(db_search, query) == [expected]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_the_meant_answer_comes_first_on_elasticsearch(crowded_index, query, expected):
    assert first_keys(es_search, query) == [expected]


def test_postings_follow_their_records(crowded):
    own = SearchRecord.objects.get(kind="providers", key="90")
    assert set(SearchPosting.objects.filter(record=own).values_list("term", flat=True)) == set(own.all_terms.split())
    store.save_entries("providers", [OWN])  # saved again: replaced, not doubled
    own = SearchRecord.objects.get(kind="providers", key="90")
    assert SearchPosting.objects.filter(record=own).count() == len(set(own.all_terms.split()))
    store.delete_keys("providers", ["90"])
    assert not SearchPosting.objects.filter(record_id=own.pk).exists()
    assert first_keys(db_search, "Тогучин") != ["90"]


def test_a_query_of_many_abbreviations_with_their_expansions_answers_on_the_fallback(crowded):
    """Their words take more bits than one integer holds: the fallback still reads them (no database error)."""
    for terms in (
        "ДЦП, детский церебральный паралич, нарушения движений у детей",
        "РАС, расстройство аутистического спектра, аутизм у детей раннего возраста",
        "ТСР, технические средства реабилитации, коляска для ребёнка",
        "ИПРП, индивидуальная программа ранней помощи семье",
        "ОВЗ, ограниченные возможности здоровья ребёнка",
        "ПМПК, психолого-медико-педагогическая комиссия для детей",
    ):
        SynonymGroup.objects.create(terms=terms)
    hits = first_keys(db_search, "ЗРР ДЦП РАС ТСР ИПРП ОВЗ ПМПК в Тогучине", n=20)
    assert hits and set(hits) <= {"90", *(entry.key for entry in CROWD[:7])}  # the ones in Тогучин


def test_the_place_s_own_service_that_lacks_the_other_words_still_comes_first(crowded_index, es_client):
    """«логопед Тогучин»: the polyclinics there treat speech, the town's centre says only «Тогучин», in its
    title. Admitted by its place, it scores what it says, on Elasticsearch as on the fallback."""
    town = provider("93", "Центр города Тогучина", "Тогучин\nНовосибирская область", "Консультирование семьи")
    store.save_entries("providers", [town])
    es_client.index(index=es.index_name("providers"), id="93", document=entry_source(town, "providers"))
    es_client.indices.refresh(index=es.index_name("providers"))
    SynonymGroup.objects.create(terms="логопед, нарушения речи")
    assert first_keys(es_search, "логопед Тогучин") == first_keys(db_search, "логопед Тогучин") == ["93"]
