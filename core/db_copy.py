"""Insert many rows in bulk, for every app that writes tens of thousands at once (the registry import, the search
fallback's rebuild): rows whose primary keys nobody needs back, and new model objects (`create_objects`, Django's
bulk_create made cheaper).

Django's bulk_create builds and compiles every field of every row as an SQL expression; for tens of thousands of
small rows that is most of an import's time. Here each value goes through its field's own `get_db_prep_save`
(so dates, UUIDs and JSON are stored exactly as Django would). On PostgreSQL the rows go in with COPY (new
objects get their keys from the table's sequence first, as the database would give them: `allocate_ids`); on
SQLite with `executemany` (and bulk_create for new objects).
"""

import datetime as dt
import io
import uuid
from decimal import Decimal

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Field

BATCH_ROWS = 1000


PLAIN = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField", "CharField",
         "TextField", "ForeignKey", "PositiveSmallIntegerField", "SmallIntegerField", "FloatField"}  # fmt: skip


def _preparer(field, db):
    """How a value of this field reaches the database `db` (a connection, not the proxy: the proxy looks the
    connection up on every use): as it is for plain ones, else through the field, memoised for repeated hashable
    values (one timestamp, one UUID per run)."""
    if field.get_internal_type() in PLAIN and not field.choices:
        return _same
    memo = {}

    def prep(value):
        try:
            return memo[value]
        except KeyError:
            memo[value] = prepared = field.get_db_prep_save(value, db)
            return prepared
        except TypeError:  # unhashable (a dict for JSON)
            return field.get_db_prep_save(value, db)

    return prep


def _same(value):
    return value


def insert_rows(model, field_names, rows):
    """Insert `rows` (tuples of Python values in `field_names` order) into `model`'s table."""
    rows = list(rows)
    if not rows:
        return 0
    _write(model, [model._meta.get_field(name) for name in field_names], rows)
    return len(rows)


def create_objects(model, objects):
    """Save new objects as bulk_create does: `pre_save` of fields that have their own (auto_now, auto_now_add),
    the objects get their keys (unless reserved with `reserve_ids`) and count as saved."""
    objects = list(objects)
    if not objects:
        return objects
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=500)
        return objects
    opts = model._meta
    missing = [obj for obj in objects if obj.pk is None]  # others have keys from reserve_ids
    for obj, pk in zip(missing, allocate_ids(model, len(missing)) if missing else (), strict=True):
        obj.pk = pk
    for obj in objects:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    fields = list(opts.concrete_fields)
    own = [type(field).pre_save is not Field.pre_save for field in fields]
    rows = [
        tuple(
            field.pre_save(obj, True) if has_own else getattr(obj, field.attname)
            for field, has_own in zip(fields, own, strict=True)
        )
        for obj in objects
    ]
    _write(model, fields, rows)
    for obj in objects:
        obj._state.adding, obj._state.db = False, connection.alias
    return objects


def reserve_ids(model, count):
    """On PostgreSQL, `count` keys for new `model` objects not made yet (so other rows can point at them first:
    foreign keys are checked at commit); None elsewhere."""
    if connection.vendor != "postgresql" or not count:
        return None
    return allocate_ids(model, count)


def allocate_ids(model, count):
    """`count` new primary keys from the table's own sequence."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _write(model, fields, rows):
    db = connections[DEFAULT_DB_ALIAS]
    quote = db.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(model._meta.db_table)
    if db.vendor == "postgresql":
        try:
            text = _copy_text([_copy_converter(field, db) for field in fields], rows)
        except TypeError:  # a value COPY's text form is not made for here: a multi-row INSERT takes it
            text = None
        with db.cursor() as cursor:
            if text is not None:
                cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", io.StringIO(text))  # logged as a query
                return
    preps = [_preparer(field, db) for field in fields]
    prepared = [tuple(prep(value) for prep, value in zip(preps, row, strict=True)) for row in rows]
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with db.cursor() as cursor:
        if db.vendor != "postgresql":
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {placeholder}", prepared)
            return
        for start in range(0, len(prepared), BATCH_ROWS):
            part = prepared[start : start + BATCH_ROWS]
            sql = f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([placeholder] * len(part))
            cursor.execute(sql, [value for row in part for value in row])


def _copy_converter(field, db):
    """Value → COPY text for one field: through the field's get_db_prep_save (memoised for repeated hashable
    values), or directly for plain fields (chosen once by the field's type when it cannot be NULL: a search
    rebuild writes millions of rows)."""
    if _preparer(field, db) is _same:
        if field.null:
            return _copy_value
        kind = field.get_internal_type()
        return _escaped if kind in ("CharField", "TextField") else repr if kind == "FloatField" else str
    memo, prep = {}, field.get_db_prep_save

    def convert(value):
        try:
            return memo[value]
        except KeyError:
            memo[value] = text = _copy_value(prep(value, db))
            return text
        except TypeError:  # unhashable (a dict for JSON)
            return _copy_value(prep(value, db))

    return convert


def _escaped(text):
    """Text in COPY's text format: backslash, tab, newline and carriage return escaped; NUL, which PostgreSQL
    text cannot hold, dropped."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


_TEXT = {
    str: _escaped,
    type(None): lambda value: "\\N",
    bool: lambda value: "t" if value else "f",
    int: str,
    float: repr,
    Decimal: str,
    dt.datetime: dt.datetime.isoformat,
    dt.date: dt.date.isoformat,
    uuid.UUID: str,
}


def _copy_value(value):
    """A prepared value in COPY's text format."""
    convert = _TEXT.get(value.__class__)
    if convert is not None:
        return convert(value)
    if hasattr(value, "adapted") and callable(getattr(value, "dumps", None)):  # psycopg2's Json / Django's Jsonb
        return _escaped(value.dumps(value.adapted))
    raise TypeError(f"no COPY text form for {value.__class__.__name__}")


def _copy_text(converters, rows):
    return "".join(
        "\t".join([convert(value) for convert, value in zip(converters, row, strict=True)]) + "\n" for row in rows
    )
