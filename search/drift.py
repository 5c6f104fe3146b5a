"""Comparing the database with the indices: `search_index --status` and `--sync`."""

from dataclasses import dataclass, field

from django.db import models

from elasticsearch import helpers

from search import client as es
from search import indexing
from search.fallback import store
from search.models import PendingUpdate, SearchRecord


@dataclass
class Drift:
    """Differences between the public objects of a kind and one index of them."""

    missing: set = field(default_factory=set)  # public objects the index lacks
    extra: set = field(default_factory=set)  # indexed objects that are not public (any more)
    stale: set = field(default_factory=set)  # indexed with an older version

    @property
    def total(self):
        return len(self.missing) + len(self.extra) + len(self.stale)


def database_versions(kind):
    versions = kind.versions()
    if versions is not None:
        return {str(k): str(v) for k, v in versions.items()}
    queryset = kind.objects()
    if isinstance(queryset, models.QuerySet):
        return {str(pk): "" for pk in queryset.values_list("pk", flat=True)}
    return {kind.key(obj): "" for obj in queryset}


def compare(expected, indexed):
    drift = Drift()
    drift.missing = set(expected) - set(indexed)
    drift.extra = set(indexed) - set(expected)
    drift.stale = {key for key in set(expected) & set(indexed) if expected[key] and expected[key] != indexed[key]}
    return drift


def es_versions(kind):
    """{key: version} of the documents behind the kind's alias; None when the alias does not exist."""
    client = es.get_client(timeout=60)
    alias = es.index_name(kind.name)
    if not client.indices.exists(index=alias):
        return None
    hits = helpers.scan(client, index=alias, query={"query": {"match_all": {}}}, _source=["version"], size=2000)
    return {hit["_id"]: str(hit.get("_source", {}).get("version") or "") for hit in hits}


def fallback_versions(kind):
    return dict(SearchRecord.objects.filter(kind=kind.name).values_list("key", "version"))


def status(kind, use_es=True):
    """What `search_index --status` prints for one kind."""
    expected = database_versions(kind)
    report = {
        "kind": kind.name,
        "database": len(expected),
        "pending": PendingUpdate.objects.filter(kind=kind.name).count(),
    }
    if kind.fallback:
        report["fallback"] = compare(expected, fallback_versions(kind))
        report["fallback_count"] = SearchRecord.objects.filter(kind=kind.name).count()
    if use_es and es.search_enabled():
        try:
            indexed = es_versions(kind)
        except es.FAILURES as exc:
            report["es_error"] = str(exc)[:200]
        else:
            report["es_count"] = None if indexed is None else len(indexed)
            report["es"] = compare(expected, indexed or {})
    return report


def sync(kind):
    """Apply pending updates and repair drift in both the fallback and Elasticsearch. Returns a summary."""
    summary = {"kind": kind.name, "pending_applied": 0, "fixed_es": 0, "fixed_fallback": 0}
    expected = database_versions(kind)
    if kind.fallback:
        drift = compare(expected, fallback_versions(kind))
        if drift.total:
            _repair(kind, drift, use_es=False)
            summary["fixed_fallback"] = drift.total
    if es.search_enabled():
        pending = list(PendingUpdate.objects.filter(kind=kind.name).values_list("key", flat=True))
        indexed = es_versions(kind)
        if indexed is None:
            indexing.rebuild(kind)
            summary["rebuilt"] = True
            return summary
        drift = compare(expected, indexed)
        drift.stale |= set(pending) & set(expected)
        drift.extra |= set(pending) - set(expected)
        if drift.total:
            _repair(kind, drift, use_es=True)
            summary["fixed_es"] = drift.total
        summary["pending_applied"] = len(pending)
        PendingUpdate.objects.filter(kind=kind.name, key__in=pending).delete()
        es.get_client().indices.refresh(index=es.index_name(kind.name))
    return summary


def _repair(kind, drift, use_es):
    changed = sorted(drift.missing | drift.stale)
    for start in range(0, len(changed), 500):
        keys = changed[start : start + 500]
        objects = indexing._objects_for(kind, keys)
        prepared = {key: indexing.prepare(kind, obj) for key, obj in objects.items() if obj is not None}
        if use_es:
            if not indexing._send(kind, prepared, []):
                raise es.SearchUnavailable("Elasticsearch refused the updates; see the pending updates")
        else:
            store.save_entries(kind.name, [entry for _k, _s, entry in prepared.values()])
    if drift.extra:
        if use_es:
            if not indexing._send(kind, {}, sorted(drift.extra)):
                raise es.SearchUnavailable("Elasticsearch refused the deletions; see the pending updates")
        else:
            store.delete_keys(kind.name, drift.extra)
