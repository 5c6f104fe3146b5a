"""Writing the fallback's records: one SearchRecord (+ facet rows and postings) per public object, from the kind's
Entry."""

from collections import Counter

from django.db import connection, transaction
from django.db.models import F

from search import text
from search.documents import FACET_KEYS, FIELDS, field_terms, name_keys
from search.fallback import bulk, postings
from search.models import SearchFacetValue, SearchPosting, SearchRecord, SearchTerm

DELETE_CHUNK = 500  # keys per DELETE statement (SQLite limits the parameters of one statement)


def _padded(value):
    return f" {value} " if value else " "


def record_fields(kind_name, entry):
    terms = field_terms(entry)
    cue_rows = [[round(cue.start, 2), cue.text, text.lemmatise(cue.text)] for cue in entry.cues]
    everything = " ".join([*(terms[name] for name in FIELDS), *(row[2] for row in cue_rows)]).split()
    return {
        "kind": kind_name,
        "key": entry.key,
        "title": entry.title[:500],
        "url": entry.url[:500],
        **{f"{name}_terms": _padded(terms[name]) for name in FIELDS},
        "all_terms": _padded(" ".join(everything)),
        "title_words": _padded(" ".join(text.words(entry.title))),
        "names": "\n".join(name_keys(entry)),
        "body_text": entry.snippet_text[:20000],
        "cues": cue_rows,
        "points": [[float(lat), float(lon)] for lat, lon in entry.points],
        "open_rank": entry.open_rank,
        "published": entry.published,
        "version": entry.version[:100],
    }


def facet_values(entry):
    """[(facet, value)] of an entry, each value once."""
    return [(facet, str(value)[:100]) for facet in FACET_KEYS for value in dict.fromkeys(entry.facets.get(facet) or ())]


def _count_terms(rows):
    counts = Counter()
    for row in rows:
        counts.update(set(row["all_terms"].split()))
    return counts


@transaction.atomic
def save_entries(kind_name, entries, vocabulary=True, replace=True):
    """Create or replace the records of these entries, with their postings (and add their words to the
    vocabulary).

    A rebuild passes vocabulary=False and replace=False: it has emptied the kind first, writes the kind's
    postings once its records are all written (`index_postings`) and recounts the vocabulary at the end."""
    entries = list(entries)
    if not entries:
        return
    if replace:
        delete_keys(kind_name, [entry.key for entry in entries])
    rows = [record_fields(kind_name, entry) for entry in entries]
    ids = bulk.insert(rows, [facet_values(entry) for entry in entries])
    if vocabulary:
        add_to_vocabulary(_count_terms(rows))
    if replace:
        postings.write_for(ids)


def index_postings(kind_name):
    """The postings of a kind whose records a rebuild has just written."""
    postings.index_kind(kind_name)


def ensure_postings():
    """After `migrate`: the postings of records that have none (a site upgraded from the tsvector)."""
    missing = postings.missing_kinds()
    for kind_name in missing:
        postings.index_kind(kind_name)
    if missing:
        tidy_after_rebuild()


def tidy_after_rebuild():
    """PostgreSQL, outside a transaction: VACUUM ANALYZE the rewritten tables, so that queries read the
    postings' index alone (the visibility map) with fresh statistics at once, not when autovacuum comes."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in (SearchPosting, SearchRecord, SearchFacetValue):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")


def _delete(kind_name, keys=None):
    """Delete records (all of the kind, or those with these keys), their postings and facet rows in plain
    statements.

    Django's QuerySet.delete() would load every record and facet row and send a delete signal for each (the
    portal listens to every model's deletes): minutes for a kind of 100 000 records with ~20 facet rows each.
    Nothing listens to these derived rows, so plain DELETEs say the same thing.
    """
    quote = connection.ops.quote_name
    records, facets = quote(SearchRecord._meta.db_table), quote(SearchFacetValue._meta.db_table)
    if keys is None:
        conditions = [("kind = %s", [kind_name])]
    else:
        keys = [str(key) for key in keys]
        conditions = [
            (f"kind = %s AND {quote('key')} IN ({', '.join(['%s'] * len(chunk))})", [kind_name, *chunk])
            for chunk in (keys[i : i + DELETE_CHUNK] for i in range(0, len(keys), DELETE_CHUNK))
        ]
    with transaction.atomic(), connection.cursor() as cursor:
        for where, params in conditions:
            if keys is None:
                postings.delete(kind_name)
            else:
                cursor.execute(f"SELECT id FROM {records} WHERE {where}", params)
                postings.delete(kind_name, [row[0] for row in cursor.fetchall()])
            cursor.execute(f"DELETE FROM {facets} WHERE record_id IN (SELECT id FROM {records} WHERE {where})", params)
            cursor.execute(f"DELETE FROM {records} WHERE {where}", params)


def delete_keys(kind_name, keys):
    _delete(kind_name, keys)


def clear_kind(kind_name):
    _delete(kind_name)


def add_to_vocabulary(counts):
    """Raise the frequency of known words and add new ones (never lowered until a rebuild recounts)."""
    counts = {term[:100]: n for term, n in counts.items() if term}
    if not counts:
        return
    known = set(SearchTerm.objects.filter(term__in=list(counts)).values_list("term", flat=True))
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, frequency=n) for term, n in counts.items() if term not in known],
        batch_size=2000,
        ignore_conflicts=True,
    )
    if len(known) <= 200:
        for term in known:
            SearchTerm.objects.filter(term=term).update(frequency=F("frequency") + counts[term])


@transaction.atomic
def recount_vocabulary():
    """Recount the vocabulary from every record (after a rebuild)."""
    counts = Counter()
    for all_terms in SearchRecord.objects.values_list("all_terms", flat=True).iterator(chunk_size=2000):
        counts.update(set(all_terms.split()))
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term[:100], frequency=n) for term, n in counts.items()], batch_size=5000
    )
