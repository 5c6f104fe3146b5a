"""Inserting many fallback records at once: PostgreSQL's COPY, `bulk_create` on other databases.

A rebuild writes ~100 000 records with ~20 facet rows each. Through model instances and `bulk_create` that
costs more than preparing the documents (Python builds 2 million model objects and INSERT parameters);
COPY sends plain rows. Record ids are drawn from the table's sequence first, so the facet rows can point at
their records without reading anything back.
"""

import io
import json
from datetime import date, datetime

from django.db import connection

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


def _copy_value(value):
    """One field in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, (datetime, date)):
        value = value.isoformat()
    # str.replace scans in C and returns the same string when there is nothing to replace (faster than translate)
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("\x00", "")
    )


def _copy_rows(rows):
    buffer = io.StringIO()
    buffer.writelines("\t".join(map(_copy_value, row)) + "\n" for row in rows)
    buffer.seek(0)
    return buffer


def _copy(rows, facets):
    quote = connection.ops.quote_name
    records_table, facets_table = SearchRecord._meta.db_table, SearchFacetValue._meta.db_table
    columns = list(rows[0])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [records_table, len(rows)]
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        cursor.copy_expert(
            f"COPY {quote(records_table)} (id, {', '.join(map(quote, columns))}) FROM STDIN",
            _copy_rows([pk, *(row[c] for c in columns)] for pk, row in zip(ids, rows, strict=True)),
        )
        cursor.copy_expert(
            f"COPY {quote(facets_table)} (record_id, facet, value) FROM STDIN",
            _copy_rows((pk, facet, value) for pk, pairs in zip(ids, facets, strict=True) for facet, value in pairs),
        )
    return ids
