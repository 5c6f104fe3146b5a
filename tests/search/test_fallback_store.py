"""The fallback's records are written in bulk (COPY on PostgreSQL): what an editor typed comes back unchanged."""

import datetime as dt

import pytest

from search.documents import Cue, Entry
from search.fallback import store
from search.models import SearchFacetValue, SearchRecord

pytestmark = pytest.mark.django_db

TRICKY = 'Логопед\tи «дефектолог»\\n — C:\\папка\r\nвторая строка, "кавычки" и ё'


def _entry(key, title=TRICKY):
    return Entry(
        key=key,
        title=title,
        url=f"/providers/tricky-{key}/",
        texts={"title": title, "body": f"{TRICKY}\nПомощь детям в 2 года"},
        snippet_text=TRICKY,
        facets={"region": ["54"], "service": ["speech", "speech", "psychology"], "cost": ["free"]},
        cues=[Cue(start=61.5, text='Ребёнок не говорит — "что делать?"\\')],
        points=[(55.03, 82.92)],
        open_rank=1,
        published=dt.datetime(2026, 11, 30, 12, 30, tzinfo=dt.UTC),
        version="v\t1",
    )


def test_bulk_written_records_keep_every_character_and_their_facets():
    store.save_entries("providers", [_entry("1"), _entry("2", title="Второй центр")])

    record = SearchRecord.objects.get(kind="providers", key="1")
    assert record.title == TRICKY
    assert record.body_text == TRICKY
    assert record.version == "v\t1"
    assert record.cues == [[61.5, 'Ребёнок не говорит — "что делать?"\\', "ребенок говорить"]]
    assert record.points == [[55.03, 82.92]]
    assert record.open_rank == 1
    assert record.published == dt.datetime(2026, 11, 30, 12, 30, tzinfo=dt.UTC)
    assert " логопед " in record.title_terms and " 2 год " in record.all_terms
    assert sorted(record.facet_values.values_list("facet", "value")) == [
        ("cost", "free"),
        ("region", "54"),
        ("service", "psychology"),
        ("service", "speech"),
    ]
    assert SearchRecord.objects.get(kind="providers", key="2").title == "Второй центр"


def test_saving_again_replaces_and_deleting_removes_records_with_their_facets():
    store.save_entries("providers", [_entry("1"), _entry("2")])
    store.save_entries("providers", [_entry("1", title="Новое название")])
    assert SearchRecord.objects.filter(kind="providers").count() == 2
    assert SearchRecord.objects.get(kind="providers", key="1").title == "Новое название"
    assert SearchFacetValue.objects.filter(record__kind="providers").count() == 8

    store.delete_keys("providers", ["1", "404"])
    assert list(SearchRecord.objects.filter(kind="providers").values_list("key", flat=True)) == ["2"]
    assert SearchFacetValue.objects.filter(record__kind="providers").count() == 4

    store.save_entries("guidance", [_entry("1")])
    store.clear_kind("providers")
    assert list(SearchRecord.objects.values_list("kind", "key")) == [("guidance", "1")]
    assert SearchFacetValue.objects.count() == 4
