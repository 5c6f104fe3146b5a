"""The indexed vocabulary (search.models.SearchTerm), cached per process and re-read when it grows."""

import threading

from django.db.models import Count, Max

_lock = threading.Lock()
_cache = {"stamp": None, "terms": {}}


def _stamp():
    from search.models import SearchTerm

    row = SearchTerm.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (row["n"], row["last"])


def terms():
    """{lemma: number of records using it}."""
    from search.models import SearchTerm

    stamp = _stamp()
    if stamp != _cache["stamp"]:
        with _lock:
            _cache.update(stamp=stamp, terms=dict(SearchTerm.objects.values_list("term", "frequency")))
    return _cache["terms"]
