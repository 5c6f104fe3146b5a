"""The fallback's postings: for each record, each lemma with the fields that say it and its BM25 impact.

A posting's impact is what the lemma contributes to the record's score, idf aside (search/fallback/scoring.py
computes the same): the best field's weight × BM25's term-frequency part against the kind's average length of
that field (Elasticsearch keeps one average per index, i.e. per kind), plus the cue weight when a transcript cue
says the lemma. With one index on (term, kind, impact) the fallback reads a query's candidates best first and
counts them without reading the records (search/fallback/candidates.py), on PostgreSQL and SQLite alike.

Postings are derived from the records' term columns (no lemmatisation here): a rebuild writes a kind's records
first, then its postings against the averages of the new records (`index_kind`); a lifecycle update writes
those of its records against the averages known (`write_for`).
"""

from collections import Counter

from django.db import connection

from core import db_copy
from search import ranking, vocabulary
from search.documents import FIELDS, WEIGHTS
from search.fallback.scoring import bm25
from search.models import SearchPosting, SearchRecord

FIELD_BITS = {name: 1 << index for index, name in enumerate(FIELDS)}  # title 1, name 2, tag 4, place 8, body 16
CUE_BIT = 1 << len(FIELDS)
PLACE_BIT = FIELD_BITS["place"]
TERM_LENGTH = 100
COLUMNS = ["id", "kind", "cues", *(f"{name}_terms" for name in FIELDS)]
CHUNK = 2000


def for_record(row, averages):
    """[(term, fields, impact)] of one record (`row`: a dict with COLUMNS)."""
    found = {}
    for name in FIELDS:
        terms = row[f"{name}_terms"].split()
        for term, tf in Counter(terms).items():
            impact = WEIGHTS[name] * bm25(tf, len(terms), averages[name])
            fields, best = found.get(term, (0, 0.0))
            found[term] = (fields | FIELD_BITS[name], max(best, impact))
    for term in {term for cue in row["cues"] or () for term in cue[2].split()}:
        fields, best = found.get(term, (0, 0.0))
        found[term] = (fields | CUE_BIT, best + ranking.CUE_WEIGHT)
    return [(term[:TERM_LENGTH], fields, round(impact, 4)) for term, (fields, impact) in found.items()]


def _write(rows, averages_of):
    postings = [
        (row["id"], term, row["kind"], fields, impact)
        for row in rows
        for term, fields, impact in for_record(row, averages_of(row["kind"]))
    ]
    db_copy.insert_rows(SearchPosting, ["record", "term", "kind", "fields", "impact"], postings)


def write_for(record_ids):
    """Postings of these (new) records, against the kinds' averages as the vocabulary knows them."""
    vocabulary.terms()
    for start in range(0, len(record_ids), CHUNK):
        rows = SearchRecord.objects.filter(pk__in=record_ids[start : start + CHUNK]).values(*COLUMNS)
        _write(list(rows), vocabulary.field_averages)


def index_kind(kind_name):
    """Every posting of a kind whose records have just been written (a rebuild), against their averages."""
    averages = vocabulary.measure_averages(kind_name)
    records = SearchRecord.objects.filter(kind=kind_name).order_by("pk").values(*COLUMNS)
    batch = []
    for row in records.iterator(chunk_size=CHUNK):
        batch.append(row)
        if len(batch) >= CHUNK:
            _write(batch, lambda _kind: averages)
            batch = []
    _write(batch, lambda _kind: averages)


def delete(kind_name, record_ids=None):
    """Delete the postings of a kind's records (all of them when `record_ids` is None). A record's are found by
    its words (its `all_terms`), which the primary key starts with, so deleting a few never scans them all."""
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    with connection.cursor() as cursor:
        if record_ids is None:
            cursor.execute(f"DELETE FROM {table} WHERE kind = %s", [kind_name])
            return
        for start in range(0, len(record_ids), CHUNK):
            rows = SearchRecord.objects.filter(pk__in=record_ids[start : start + CHUNK]).values_list("pk", "all_terms")
            for pk, all_terms in rows:
                terms = sorted({term[:TERM_LENGTH] for term in all_terms.split()})
                if terms:
                    where = f"term IN ({', '.join(['%s'] * len(terms))}) AND kind = %s AND record_id = %s"
                    cursor.execute(f"DELETE FROM {table} WHERE {where}", [*terms, kind_name, pk])


def missing_kinds():
    """Kinds whose records have no postings (a site upgraded from the tsvector)."""
    with_records = set(SearchRecord.objects.values_list("kind", flat=True).distinct().order_by())
    return sorted(kind for kind in with_records if not SearchPosting.objects.filter(kind=kind).exists())
