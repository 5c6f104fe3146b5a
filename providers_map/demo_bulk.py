"""Fast inserts for generated data: PostgreSQL COPY from rows of plain values, bulk_create elsewhere.

Rows are dicts keyed by field attname (`organisation_id`, not `organisation`); missing fields take their
model default (auto_now fields: now). On PostgreSQL, `insert_rows(model, rows, with_ids=True)` allocates
primary keys from the table's sequence first, so the caller can link children without reading back.
"""

import datetime as dt
import decimal
import io
import json

from django.db import connection
from django.utils import timezone

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value):
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False).translate(_ESCAPES)
    if isinstance(value, (dt.date, dt.datetime, decimal.Decimal, int, float)):
        return str(value) if not isinstance(value, (dt.date, dt.datetime)) else value.isoformat()
    return str(value).translate(_ESCAPES)


def _value(field, row, now):
    if field.attname in row:
        return row[field.attname]
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()  # "" for text fields without a default, as bulk_create does


def allocate_ids(model, count):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _copy(model, rows):
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname not in rows[0])]
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_text(_value(field, row, now)) for field in fields))
        buffer.write("\n")
    buffer.seek(0)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN", buffer)


def insert_rows(model, rows, with_ids=False):
    """Insert the rows; with_ids=True sets row["id"] on each (needed to link children)."""
    if not rows:
        return rows
    if connection.vendor == "postgresql":
        if with_ids:
            for row, pk in zip(rows, allocate_ids(model, len(rows)), strict=True):
                row[model._meta.pk.attname] = pk
        _copy(model, rows)
        return rows
    created = model.objects.bulk_create(model(**row) for row in rows)
    if with_ids:
        for row, instance in zip(rows, created, strict=True):
            row[model._meta.pk.attname] = instance.pk
    return rows
