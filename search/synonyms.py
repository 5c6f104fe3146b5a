"""Editors' synonym groups, parsed once and re-read when an editor changes them (checked on every query)."""

import threading

from django.db.models import Count, Max

from search import text
from search.models import SynonymGroup

_lock = threading.Lock()
_cache = {"stamp": None, "groups": []}


def _stamp():
    row = SynonymGroup.objects.aggregate(n=Count("pk"), changed=Max("updated_at"), last=Max("pk"))
    return (row["n"], row["changed"], row["last"])


def groups():
    """[[phrase, ...], ...] where a phrase is a tuple of lemmas; an edit applies on the next query."""
    stamp = _stamp()
    if stamp != _cache["stamp"]:
        with _lock:
            parsed = [text.parse_synonym_group(terms) for terms in SynonymGroup.objects.values_list("terms", flat=True)]
            _cache.update(stamp=stamp, groups=[group for group in parsed if len(group) > 1])
    return _cache["groups"]
