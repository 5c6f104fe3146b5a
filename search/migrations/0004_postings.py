"""The fallback's postings (an inverted index in a table, on every database) replace PostgreSQL's tsvector and
its GIN index; records get their names as lemmas. Postings are derived from the records: after `migrate` the
search app writes them for records that have none (search/signals.py), and every rebuild rewrites them."""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models

VECTOR = import_module("search.migrations.0002_postgres_search_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_editor_permissions")]

    operations = [
        migrations.RunPython(VECTOR.backwards, VECTOR.forwards),
        migrations.AddField(
            model_name="searchrecord",
            name="names",
            field=models.TextField(blank=True, default="", help_text="The object's names as lemmas, one a line."),
        ),
        migrations.CreateModel(
            name="SearchPosting",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "term",
                        "kind",
                        "record",
                        "impact",
                        "fields",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("term", models.CharField(max_length=100)),
                ("kind", models.CharField(max_length=40)),
                ("impact", models.FloatField()),
                (
                    "fields",
                    models.PositiveSmallIntegerField(
                        help_text="Bits: title 1, name 2, tag 4, place 8, body 16, cue 32."
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="search.searchrecord",
                    ),
                ),
            ],
        ),
    ]
