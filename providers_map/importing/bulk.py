"""Insert many rows whose primary keys nobody needs back (history entries, reference index, links).

Django's bulk_create builds a model instance and compiles every field of every row; for tens of thousands of
small rows that is most of an import's time. Here each value goes through its field's own
`get_db_prep_save` (so dates, UUIDs and JSON are stored exactly as Django would) into one parametrised
INSERT: `executemany` on SQLite, multi-row VALUES on PostgreSQL (one round trip per batch).
"""

from django.db import connection

BATCH_ROWS = 1000


PLAIN = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField", "CharField",
         "TextField", "ForeignKey", "PositiveSmallIntegerField", "SmallIntegerField"}  # fmt: skip


def _preparer(field):
    """How a value of this field reaches the database: as it is for plain ones, else through the field, memoised
    for repeated hashable values (one timestamp, one UUID per run)."""
    if field.get_internal_type() in PLAIN and not field.choices:
        return _same
    memo = {}

    def prep(value):
        try:
            return memo[value]
        except KeyError:
            memo[value] = prepared = field.get_db_prep_save(value, connection)
            return prepared
        except TypeError:  # unhashable (a dict for JSON)
            return field.get_db_prep_save(value, connection)

    return prep


def _same(value):
    return value


def insert_rows(model, field_names, rows):
    """Insert `rows` (tuples of Python values in `field_names` order) into `model`'s table."""
    rows = list(rows)
    if not rows:
        return 0
    fields = [model._meta.get_field(name) for name in field_names]
    preps = [_preparer(field) for field in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(model._meta.db_table)
    prepared = [tuple(prep(value) for prep, value in zip(preps, row, strict=True)) for row in rows]
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for start in range(0, len(prepared), BATCH_ROWS):
                part = prepared[start : start + BATCH_ROWS]
                sql = f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([placeholder] * len(part))
                cursor.execute(sql, [value for row in part for value in row])
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {placeholder}", prepared)
    return len(rows)
