"""Keeping the indices in step with the content: lifecycle updates, pending updates, rebuild, sync and status.

Lifecycle: `schedule(kind, keys)` runs inside the editor's transaction. It records a PendingUpdate per key
(when Elasticsearch is configured) and, once the transaction commits, `apply(kind, keys)` writes the fallback
records and sends the documents to Elasticsearch. Success removes the pending rows (and applies a few older
ones); a failure leaves them for `search_index --sync`. Nothing here ever raises into an editor's save.
"""

import gc
import logging
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import models, transaction
from django.utils import timezone

from elastic_transport import OrjsonSerializer
from elasticsearch import helpers

from search import client as es
from search import registry
from search.documents import entry_source, index_body, replicas_for
from search.fallback import store
from search.models import PendingUpdate
from search.registry import SearchKind

log = logging.getLogger(__name__)
UPDATE_TIMEOUT = 3.0  # seconds; an editor's save waits at most this long for Elasticsearch
# During a rebuild the cyclic garbage collector runs after this many allocations (Python's default is 700):
# every collection walks the lemma caches and the morphology dictionary, which cost a third of the time.
REBUILD_GC_THRESHOLD = 50_000
_state = threading.local()


@contextmanager
def paused():
    """Ignore lifecycle signals (bulk loads that end with a rebuild)."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


@contextmanager
def batched():
    """Gather the updates that lifecycle signals schedule and schedule each kind's once, at the end.

    Deleting or saving many objects outside a transaction would otherwise send one update per object (and per
    related object) to Elasticsearch as each one commits.
    """
    if getattr(_state, "batch", None) is not None:  # an outer batch sends them
        yield
        return
    _state.batch = gathered = {}
    try:
        yield
    finally:
        _state.batch = None
        for kind, keys, lookups in gathered.values():
            if lookups:
                keys |= set(kind.indexed_keys(sorted(lookups)))
            schedule(kind, keys)


def _gathered(kind):
    return _state.batch.setdefault(kind.name, (kind, set(), set()))


def indexed_keys(kind, ids):
    """Keys the index holds for these objects (`kind.indexed_keys`): asked now, or inside `batched()` once for
    the whole batch at its end (then this returns nothing and the batch schedules them)."""
    if getattr(_state, "batch", None) is not None:
        _gathered(kind)[2].update(ids)
        return set()
    return set(kind.indexed_keys(ids))


def is_paused():
    """Whether lifecycle signals are being ignored (inside `paused()`)."""
    return getattr(_state, "paused", False)


def _uses_default_source(kind):
    return type(kind).source is SearchKind.source


def prepare(kind, obj):
    """(key, Elasticsearch source, fallback entry or None) for one public object."""
    entry = kind.entry(obj) if kind.fallback or _uses_default_source(kind) else None
    source = entry_source(entry, kind.name) if _uses_default_source(kind) else kind.source(obj)
    return kind.key(obj), source, entry


def _objects_for(kind, keys):
    queryset = kind.objects()
    if isinstance(queryset, models.QuerySet):
        found = {kind.key(obj): obj for obj in queryset.filter(pk__in=list(keys))}
    else:
        found = {key: kind.get_object(key) for key in keys}
    kind.prepare_batch([obj for obj in found.values() if obj is not None])
    return {key: found.get(key) for key in keys}


# ------------------------------------------------------------------------------------------- lifecycle


def schedule(kind, keys):
    keys = sorted({str(key) for key in keys if key is not None})
    if not keys or is_paused():
        return
    if getattr(_state, "batch", None) is not None:
        _gathered(kind)[1].update(keys)
        return
    if es.search_enabled():
        try:
            with transaction.atomic():
                PendingUpdate.objects.bulk_create(
                    [PendingUpdate(kind=kind.name, key=key) for key in keys], ignore_conflicts=True
                )
        except Exception:  # never break the editor's save; --sync compares counts anyway
            log.exception("Could not record pending search updates for %s", kind.name)
    transaction.on_commit(lambda: apply(kind, keys))


def apply(kind, keys):
    """Bring the fallback and Elasticsearch to the current state of these objects. Never raises."""
    try:
        objects = _objects_for(kind, keys)
        prepared = {key: prepare(kind, obj) for key, obj in objects.items() if obj is not None}
        gone = [key for key, obj in objects.items() if obj is None]
    except Exception:
        log.exception("Could not prepare search documents for %s %s", kind.name, keys)
        return
    if kind.fallback:
        try:
            store.delete_keys(kind.name, gone)
            store.save_entries(kind.name, [entry for _key, _source, entry in prepared.values()])
        except Exception:
            log.exception("Could not update the search fallback for %s %s", kind.name, keys)
    if es.search_enabled() and _send(kind, prepared, gone):
        PendingUpdate.objects.filter(kind=kind.name, key__in=keys).delete()
        apply_pending(limit=100)


def _send(kind, prepared, gone):
    """Index and delete documents through the alias; False (and the error recorded) when that failed."""
    alias = es.index_name(kind.name)
    actions = [{"_op_type": "index", "_index": alias, "_id": key, "_source": src} for key, src, _e in prepared.values()]
    actions += [{"_op_type": "delete", "_index": alias, "_id": key} for key in gone]
    if not actions:
        return True

    def run(client):
        _ok, errors = helpers.bulk(client, actions, raise_on_error=False, refresh=False)
        return [e for e in errors if e.get("delete", {}).get("status") != 404]

    try:
        errors = es.guarded(run, timeout=UPDATE_TIMEOUT)
    except es.SearchUnavailable as exc:
        _record_failure(kind, list(prepared) + gone, str(exc))
        return False
    if errors:
        _record_failure(kind, list(prepared) + gone, str(errors[0])[:300])
        return False
    return True


def _record_failure(kind, keys, error):
    try:
        PendingUpdate.objects.filter(kind=kind.name, key__in=keys).update(
            attempts=models.F("attempts") + 1, last_error=error[:300]
        )
    except Exception:
        log.exception("Could not record the search failure")


def apply_pending(limit=None):
    """Apply pending updates, oldest first; returns how many were applied."""
    applied = 0
    rows = PendingUpdate.objects.order_by("created_at", "pk")
    if limit:
        rows = rows[:limit]
    by_kind = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row.key)
    for name, keys in by_kind.items():
        try:
            kind = registry.get(name)
        except KeyError:
            PendingUpdate.objects.filter(kind=name).delete()
            continue
        objects = _objects_for(kind, keys)
        prepared = {key: prepare(kind, obj) for key, obj in objects.items() if obj is not None}
        gone = [key for key, obj in objects.items() if obj is None]
        if not _send(kind, prepared, gone):
            break
        PendingUpdate.objects.filter(kind=name, key__in=keys).delete()
        applied += len(keys)
    return applied


# -------------------------------------------------------------------------------------------- rebuild


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def _fewer_collections():
    previous = gc.get_threshold()
    gc.set_threshold(REBUILD_GC_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def count(kind):
    queryset = kind.objects()
    return queryset.count() if hasattr(queryset, "count") else len(list(queryset))


def rebuild(kind, progress=None, use_es=True, use_fallback=True):
    """New index → bulk load → refresh → alias swap → drop the old; the fallback records likewise.

    Documents are prepared in Python while Elasticsearch indexes the previous batches (one sender thread).
    `progress(n)` is called after each batch with the number of objects done. Returns a summary dict.
    """
    started = timezone.now()
    use_es = use_es and es.search_enabled()
    use_fallback = use_fallback and kind.fallback
    if not use_es and not use_fallback:  # e.g. `--only fallback` for a kind without fallback records
        return {"kind": kind.name, "documents": 0, "index": None}
    client = es.get_client(timeout=120) if use_es else None
    alias = es.index_name(kind.name)
    new_index = es.new_index_name(kind.name)
    if use_es:
        replicas = replicas_for(client)
        body = index_body(kind.document(), replicas=replicas)
        body["settings"]["refresh_interval"] = "-1"  # no refreshes and no fsync per request while loading
        body["settings"]["translog"] = {"durability": "async"}
        client.indices.create(index=new_index, **body)
    done = 0
    in_flight = deque()
    try:
        with ThreadPoolExecutor(max_workers=1) as sender, transaction.atomic(), _fewer_collections():
            if use_fallback:
                store.clear_kind(kind.name)
            # the database work stays in this thread (and its transaction); one thread only sends to ES
            for batch in _batches(kind.iterate(), kind.bulk_chunk):
                kind.prepare_batch(batch)
                prepared = [prepare(kind, obj) for obj in batch]
                if use_fallback:
                    entries = [entry for _key, _source, entry in prepared]
                    store.save_entries(kind.name, entries, vocabulary=False, replace=False)
                if use_es:
                    sources = [(key, src) for key, src, _entry in prepared]
                    in_flight.append(sender.submit(_load, client, new_index, sources))
                    while len(in_flight) > 2:
                        in_flight.popleft().result()
                done += len(batch)
                if progress:
                    progress(len(batch))
            if use_fallback:
                store.index_postings(kind.name)
            while in_flight:
                in_flight.popleft().result()
            if use_es:
                client.indices.put_settings(
                    index=new_index, settings={"index": {"refresh_interval": "1s", "translog.durability": "request"}}
                )
                client.indices.refresh(index=new_index)
                # The alias moves once the replicas are in place too, so a node lost right after loses no answer
                # (a bounded wait: a cluster that cannot place them gets the index all the same).
                client.cluster.health(index=new_index, wait_for_status="green" if replicas else "yellow", timeout="60s")
                _swap_alias(client, alias, new_index)
    except Exception:
        if use_es:
            client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    if use_es:
        PendingUpdate.objects.filter(kind=kind.name, created_at__lt=started).delete()
    return {"kind": kind.name, "documents": done, "index": new_index if use_es else None}


_JSON = OrjsonSerializer()


def _load(client, index, sources):
    """Bulk-index (key, source) pairs. The sources are serialised here, in the sender thread, with orjson: the
    same JSON as the client's default serialiser (a test compares them), in a fifth of the time."""
    actions = ({"_index": index, "_id": key, "_source": _JSON.dumps(src)} for key, src in sources)
    return helpers.bulk(client, actions, chunk_size=1000)


def _swap_alias(client, alias, new_index):
    old = []
    if client.indices.exists_alias(name=alias):
        old = list(client.indices.get_alias(name=alias))
    elif client.indices.exists(index=alias):  # a plain index squatting the alias name (older layouts)
        client.indices.delete(index=alias)
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": new_index, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    leftovers = [
        name
        for name in client.indices.get(index=f"{alias}-*", expand_wildcards="open,closed")
        if name != new_index and _is_concrete_of(alias, name)
    ]
    for name in set(old) | set(leftovers):
        client.indices.delete(index=name, ignore_unavailable=True)


def _is_concrete_of(alias, name):
    suffix = name[len(alias) + 1 :]
    return name.startswith(f"{alias}-") and len(suffix) == 20 and suffix.isdigit()


def refresh(kind):
    """Make recent updates visible to searches now (tests and commands call it; requests never wait on it)."""
    es.get_client().indices.refresh(index=es.index_name(kind.name))
