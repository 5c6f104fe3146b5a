"""The indexed vocabulary (search.models.SearchTerm) and the fallback records' field lengths, cached per process
and re-read when they change.

It serves typo correction (which words exist) and the fallback's ranking: how many records of a kind use a word
(the inverse document frequency) and how long each field of a kind is on average, as Elasticsearch's BM25 uses
them (each index, i.e. each kind, has its own).
"""

import math
import threading

from django.db.models import Avg, Count, F, Max, Sum, Value
from django.db.models.functions import Length, Replace

from search.documents import FIELDS
from search.models import SearchPosting, SearchRecord, SearchTerm

_lock = threading.Lock()
_cache = {"stamp": None, "terms": {}, "sorted": [], "averages": {}, "sizes": {}, "frequencies": {}}


def _refresh():
    row = SearchTerm.objects.aggregate(n=Count("pk"), last=Max("pk"), total=Sum("frequency"))
    stamp = (row["n"], row["last"], row["total"])
    if stamp != _cache["stamp"]:
        with _lock:
            terms_ = dict(SearchTerm.objects.values_list("term", "frequency"))
            sizes = dict(SearchRecord.objects.order_by().values_list("kind").annotate(n=Count("pk")))
            _cache.update(stamp=stamp, terms=terms_, sorted=sorted(terms_), averages={}, sizes=sizes, frequencies={})


def terms():
    """{lemma: number of records using it}."""
    _refresh()
    return _cache["terms"]


def sorted_terms():
    """The vocabulary's words in order (prefix look-ups); call terms() first to refresh."""
    return _cache["sorted"]


def know(terms):
    """Count how many records of each kind use these lemmas (from the postings' index), once per vocabulary."""
    frequencies = _cache["frequencies"]
    missing = sorted({term for term in terms if term not in frequencies})
    if not missing:
        return
    rows = SearchPosting.objects.filter(term__in=missing).order_by().values_list("term", "kind").annotate(n=Count("*"))
    found = {term: {} for term in missing}
    for term, kind, n in rows:
        found[term][kind] = n
    frequencies.update(found)


def idf(term, kind_name):
    """BM25's inverse document frequency of a lemma among a kind's records (`know` it first)."""
    n = _cache["sizes"].get(kind_name, 0)
    df = min(_cache["frequencies"].get(term, {}).get(kind_name, 0), n)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _term_count(column):
    # A term column is " lemma lemma " (search.fallback.store): its spaces less one are its lemmas.
    return Length(column) - Length(Replace(column, Value(" "), Value(""))) - 1


def measure_averages(kind_name):
    """{field: average number of lemmas} over a kind's records, counted now (one aggregate query)."""
    row = SearchRecord.objects.filter(kind=kind_name).aggregate(
        **{name: Avg(_term_count(F(f"{name}_terms"))) for name in FIELDS}
    )
    return {name: max(1.0, float(row[name] or 0)) for name in FIELDS}


def field_averages(kind_name):
    """`measure_averages`, kept until the vocabulary changes (a rebuild or a content update); call terms() first."""
    averages = _cache["averages"]
    if kind_name not in averages:
        averages[kind_name] = measure_averages(kind_name)
    return averages[kind_name]
