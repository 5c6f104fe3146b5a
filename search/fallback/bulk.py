"""Inserting many fallback records at once: PostgreSQL's COPY, `bulk_create` on other databases.

A rebuild writes ~100 000 records with ~20 facet rows each. Through model instances and `bulk_create` that
costs more than preparing the documents (Python builds 2 million model objects and INSERT parameters);
COPY sends plain rows. Record ids are drawn from the table's sequence first, so the facet rows can point at
their records without reading anything back.
"""

from django.db import connection

from core import db_copy
from search.models import SearchFacetValue, SearchRecord


def insert(rows, facets):
    """Insert records and their facet rows; returns the records' ids.

    `rows` are dicts of SearchRecord field values (store.record_fields); `facets` holds one [(facet, value)]
    list per row.
    """
    if not rows:
        return []
    if connection.vendor == "postgresql":
        return _copy(rows, facets)
    return _bulk_create(rows, facets)


def _bulk_create(rows, facets):
    records = SearchRecord.objects.bulk_create(SearchRecord(**row) for row in rows)
    if records[0].pk is None:  # databases that do not return ids from bulk inserts
        kind = rows[0]["kind"]
        by_key = dict(SearchRecord.objects.filter(kind=kind, key__in=[r["key"] for r in rows]).values_list("key", "pk"))
        for record in records:
            record.pk = by_key[record.key]
    SearchFacetValue.objects.bulk_create(
        [
            SearchFacetValue(record_id=record.pk, facet=facet, value=value)
            for record, pairs in zip(records, facets, strict=True)
            for facet, value in pairs
        ],
        batch_size=5000,
    )
    return [record.pk for record in records]


def _copy(rows, facets):
    ids = db_copy.allocate_ids(SearchRecord, len(rows))
    columns = list(rows[0])
    db_copy.insert_rows(
        SearchRecord, ["id", *columns], ((pk, *(row[c] for c in columns)) for pk, row in zip(ids, rows, strict=True))
    )
    db_copy.insert_rows(
        SearchFacetValue,
        ["record", "facet", "value"],
        ((pk, facet, value) for pk, pairs in zip(ids, facets, strict=True) for facet, value in pairs),
    )
    return ids
