"""The indexed vocabulary (search.models.SearchTerm), cached per process and re-read when it changes.

It serves typo correction (which words exist) and the fallback's ranking (how many records use a word: the
inverse document frequency, as Elasticsearch's BM25 uses it).
"""

import math
import threading

from django.db.models import Count, Max, Sum

from search.models import SearchRecord, SearchTerm

_lock = threading.Lock()
_cache = {"stamp": None, "terms": {}, "records": 1, "sorted": []}


def _refresh():
    row = SearchTerm.objects.aggregate(n=Count("pk"), last=Max("pk"), total=Sum("frequency"))
    stamp = (row["n"], row["last"], row["total"])
    if stamp != _cache["stamp"]:
        with _lock:
            terms_ = dict(SearchTerm.objects.values_list("term", "frequency"))
            _cache.update(
                stamp=stamp, terms=terms_, sorted=sorted(terms_), records=max(1, SearchRecord.objects.count())
            )


def terms():
    """{lemma: number of records using it}."""
    _refresh()
    return _cache["terms"]


def sorted_terms():
    """The vocabulary's words in order (prefix look-ups); call terms() first to refresh."""
    return _cache["sorted"]


def idf(term):
    """BM25's inverse document frequency of a lemma over the fallback's records."""
    n = _cache["records"]
    df = min(_cache["terms"].get(term, 0), n)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
