"""The Wagtail admin's search entries (modelsearch's database backend) for many entries of one model at once.

modelsearch's PostgreSQL index builds and compiles a full-text expression per field per object and reads each
object's search fields five times (title, body, autocomplete and two plain texts): for the thousands of
organisations of an import that is most of the write's CPU time. Here the same statement is made with the
library's own pieces: each object's texts come from `ObjectIndexer.prepare_field` (once per field), and the SQL
of a vector is compiled by the library once per shape (which texts are present, with which weights) and reused
with each object's own texts as parameters. Other backends (SQLite's, Elasticsearch's) and models with related
search fields go through the library's `add_bulk` unchanged.
"""

from django.db.models.sql.subqueries import InsertQuery

from wagtail.search.backends import get_search_backends

from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.index import AutocompleteField, FilterField, SearchField
from modelsearch.utils import get_content_type_pk

UPSERT = """
    INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
    (VALUES {rows})
    ON CONFLICT (content_type_id, object_id)
    DO UPDATE SET title = EXCLUDED.title,
                  title_norm = 1.0,
                  autocomplete = EXCLUDED.autocomplete,
                  body = EXCLUDED.body,
                  title_text = EXCLUDED.title_text,
                  body_text = EXCLUDED.body_text
"""  # the statement of modelsearch's PostgresIndex.add_items
SENTINEL = "modelsearch-text-{}-9b1f4c2e7d"  # stands for an object's text while a shape is compiled


def add_to_admin_search(model, objects):
    """Index (insert or update) `objects` of `model` in every auto-updated search backend."""
    objects = list(objects)
    if not objects:
        return
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(model)
        if isinstance(index, PostgresIndex) and _plain_fields(model):
            PostgresEntries(index, model).add(objects)
        else:
            backend.add_bulk(model, objects)


def _plain_fields(model):
    """The model's search fields are the object's own (no related fields): the fast path applies."""
    fields = model.get_search_fields()
    return bool(fields) and all(isinstance(f, (SearchField, AutocompleteField, FilterField)) for f in fields)


class PostgresEntries:
    def __init__(self, index, model):
        self.index, self.model = index, model
        self.connection = index.write_connection
        self.compiler = InsertQuery(IndexEntry).get_compiler(connection=self.connection)
        self.search_fields = model.get_search_fields()
        self.shapes = {}

    def add(self, objects):
        indexer = ObjectIndexer(objects[0], self.index.backend)
        content_type = get_content_type_pk(self.model)
        rows, params = [], []
        for obj in objects:
            title, body, autocomplete = [], [], []
            for field in self.search_fields:
                for current, weight, value in indexer.prepare_field(obj, field):
                    if isinstance(current, SearchField):
                        (title if current.field_name == "title" else body).append((value, weight))
                    elif isinstance(current, AutocompleteField):
                        autocomplete.append((value, weight))
            params.extend((content_type, str(obj.pk)))
            vectors = []
            for name, texts, for_autocomplete in (
                ("title", title, False),
                ("autocomplete", autocomplete, True),
                ("body", body, False),
            ):
                sql, vector_params = self.vector(indexer, name, texts, for_autocomplete)
                vectors.append(sql)
                params.extend(vector_params)
            params.append(_plain_text(title))
            params.append(_plain_text(body))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.connection.cursor() as cursor:
            cursor.execute(UPSERT.format(table=IndexEntry._meta.db_table, rows=", ".join(rows)), params)
        self.index._refresh_title_norms()

    def vector(self, indexer, name, texts, for_autocomplete):
        """(SQL, params) of one tsvector value, as the library compiles it."""
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        shape = (name, for_autocomplete, tuple(weight for _, weight in texts))
        if shape not in self.shapes:
            self.shapes[shape] = self.template(indexer, name, len(texts), shape[2], for_autocomplete)
        template = self.shapes[shape]
        if template is None:  # the library inlines something of the texts: compile this one as it does
            return self.compile(indexer, name, texts, for_autocomplete)
        sql, slots = template
        return sql, [texts[slot][0] if isinstance(slot, int) else slot[0] for slot in slots]

    def template(self, indexer, name, count, weights, for_autocomplete):
        """(SQL, slots): each slot is the index of a text, or (a constant parameter,); None if texts do not map
        one-to-one onto parameters."""
        sentinels = [SENTINEL.format(i) for i in range(count)]
        sql, params = self.compile(indexer, name, list(zip(sentinels, weights, strict=True)), for_autocomplete)
        position = {sentinel: i for i, sentinel in enumerate(sentinels)}
        slots = [position[param] if param in position else (param,) for param in params]
        used = sorted(slot for slot in slots if isinstance(slot, int))
        if used != list(range(count)) or any(sentinel in sql for sentinel in sentinels):
            return None
        return sql, slots

    def compile(self, indexer, name, texts, for_autocomplete):
        vector = indexer.as_vector(texts, for_autocomplete=for_autocomplete)
        value = self.compiler.prepare_value(IndexEntry._meta.get_field(name), vector)
        sql, params = value.as_sql(self.compiler, self.connection)
        return sql, list(params)


def _plain_text(texts):
    """The plain text of title or body fields, for trigram search (ObjectIndexer.title_text / body_text)."""
    return " ".join(text.strip() for text, _ in texts if text.strip())
