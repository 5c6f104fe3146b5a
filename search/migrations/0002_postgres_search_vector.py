"""PostgreSQL only: a weighted tsvector over the lemmatised columns (generated, so the app never writes it)
and a GIN index on it, for fast candidate retrieval in the database fallback. Other databases skip this."""

from django.db import migrations

VECTOR = """
ALTER TABLE search_searchrecord ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title_terms), 'A')
    || setweight(to_tsvector('simple', name_terms || ' ' || tag_terms), 'B')
    || setweight(to_tsvector('simple', place_terms), 'C')
    || setweight(to_tsvector('simple', all_terms), 'D')
) STORED;
CREATE INDEX search_record_vector ON search_searchrecord USING GIN (search_vector);
"""
DROP = """
DROP INDEX IF EXISTS search_record_vector;
ALTER TABLE search_searchrecord DROP COLUMN IF EXISTS search_vector;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VECTOR)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_state")]
    operations = [migrations.RunPython(forwards, backwards)]
