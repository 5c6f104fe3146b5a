"""Writing the fallback's records: one SearchRecord (+ facet rows) per public object, from the kind's Entry."""

from collections import Counter

from django.db import transaction
from django.db.models import F

from search import text
from search.documents import FACET_KEYS, FIELDS, field_terms
from search.models import SearchFacetValue, SearchRecord, SearchTerm


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
        "body_text": entry.snippet_text[:20000],
        "cues": cue_rows,
        "points": [[float(lat), float(lon)] for lat, lon in entry.points],
        "open_rank": entry.open_rank,
        "published": entry.published,
        "version": entry.version[:100],
    }


def _facet_rows(record, entry):
    return [
        SearchFacetValue(record=record, facet=facet, value=str(value)[:100])
        for facet in FACET_KEYS
        for value in dict.fromkeys(entry.facets.get(facet) or ())
    ]


def _count_terms(records):
    counts = Counter()
    for record in records:
        counts.update(set(record.all_terms.split()))
    return counts


@transaction.atomic
def save_entries(kind_name, entries):
    """Create or replace the records of these entries (and add their words to the vocabulary)."""
    entries = list(entries)
    if not entries:
        return
    keys = [entry.key for entry in entries]
    SearchRecord.objects.filter(kind=kind_name, key__in=keys).delete()
    records = SearchRecord.objects.bulk_create(SearchRecord(**record_fields(kind_name, e)) for e in entries)
    if records and records[0].pk is None:  # databases that do not return ids from bulk inserts
        by_key = dict(SearchRecord.objects.filter(kind=kind_name, key__in=keys).values_list("key", "pk"))
        for record in records:
            record.pk = by_key[record.key]
    facet_rows = []
    for record, entry in zip(records, entries, strict=True):
        facet_rows += _facet_rows(record, entry)
    SearchFacetValue.objects.bulk_create(facet_rows, batch_size=2000)
    add_to_vocabulary(_count_terms(records))


def delete_keys(kind_name, keys):
    SearchRecord.objects.filter(kind=kind_name, key__in=[str(k) for k in keys]).delete()


def clear_kind(kind_name):
    SearchRecord.objects.filter(kind=kind_name).delete()


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
