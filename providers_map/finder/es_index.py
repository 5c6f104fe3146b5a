"""Building and updating the finder's location index: the "provider-locations" search kind.

Rebuild = new index → bulk load → refresh → swap the alias → drop the old indices. Publishing, unpublishing
or deleting an organisation re-indexes its locations (signals.py); if Elasticsearch does not answer, the
organisation is remembered as pending and `search_index --sync` repairs it.
"""

import datetime as dt
import logging

from django.core.cache import cache

from elasticsearch.helpers import bulk

from search.analysis import INDEX_ANALYSIS
from search.client import get_client, index_name, search_enabled

from .documents import KIND, MAPPING, documents_for, organisation_ids_in_chunks

logger = logging.getLogger("providers_map.finder")
PENDING_KEY = "finder:pending-organisations"
BULK_CHUNK = 2000


def alias():
    return index_name(KIND)


def settings_body():
    return {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0, "analysis": INDEX_ANALYSIS},
        "mappings": MAPPING,
    }


def _actions(index, organisation_ids):
    for location_id, document in documents_for(organisation_ids):
        yield {"_op_type": "index", "_index": index, "_id": str(location_id), "_source": document}


def rebuild(client=None):
    """A fresh index from the database, swapped in atomically; returns a one-line summary."""
    client = client or get_client()
    name = alias()
    concrete = f"{name}-{dt.datetime.now(dt.UTC).strftime('%Y%m%d%H%M%S%f')}"
    client.indices.create(index=concrete, **settings_body())
    count = 0
    try:
        for chunk in organisation_ids_in_chunks():
            indexed, _errors = bulk(
                client.options(request_timeout=120), _actions(concrete, chunk), chunk_size=BULK_CHUNK
            )
            count += indexed
        client.indices.refresh(index=concrete)
    except Exception:
        client.indices.delete(index=concrete, ignore_unavailable=True)
        raise
    old = (
        list(client.indices.get_alias(name=name, ignore_unavailable=True).keys())
        if client.indices.exists_alias(name=name)
        else []
    )
    actions = [{"remove": {"index": index, "alias": name}} for index in old]
    actions.append({"add": {"index": concrete, "alias": name}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    cache.delete(PENDING_KEY)
    return f"{count} locations indexed into {concrete}"


def _indexed_ids(client, name, organisation_ids):
    """Document ids the index holds for these organisations (the minimal distribution has no delete-by-query)."""
    ids, search_after = [], None
    while True:
        body = {
            "query": {"terms": {"organisation_id": list(organisation_ids)}},
            "sort": [{"location_id": "asc"}],
            "size": 5000,
            "_source": False,
        }
        if search_after:
            body["search_after"] = search_after
        hits = client.search(index=name, **body)["hits"]["hits"]
        ids.extend(hit["_id"] for hit in hits)
        if len(hits) < 5000:
            return ids
        search_after = hits[-1]["sort"]


def index_organisations(organisation_ids, refresh=False, client=None):
    """Replace the documents of these organisations (unpublished or deleted ones simply disappear)."""
    client = client or get_client()
    name = alias()
    ids = list(organisation_ids)
    fresh = list(_actions(name, ids))
    keep = {action["_id"] for action in fresh}
    stale = [
        {"_op_type": "delete", "_index": name, "_id": doc_id}
        for doc_id in _indexed_ids(client, name, ids)
        if doc_id not in keep
    ]
    bulk(client, stale + fresh, chunk_size=BULK_CHUNK, refresh=bool(refresh))


def organisation_changed(organisation_id):
    """Called on publish/unpublish/delete: re-index now, or remember it for `search_index --sync`."""
    if not search_enabled():
        return
    try:
        index_organisations([organisation_id], refresh=True)
    except Exception as exc:  # any failure of the cluster must not break an editor's save
        logger.warning("Finder index not updated for organisation %s: %s", organisation_id, exc)
        pending = set(cache.get(PENDING_KEY) or ())
        pending.add(organisation_id)
        cache.set(PENDING_KEY, sorted(pending), None)


def sync(client=None):
    """Re-index what failed before; rebuild when the index is missing."""
    client = client or get_client()
    if not client.indices.exists_alias(name=alias()):
        return rebuild(client)
    pending = list(cache.get(PENDING_KEY) or ())
    if pending:
        index_organisations(pending, refresh=True, client=client)
        cache.delete(PENDING_KEY)
    return f"{len(pending)} pending organisations re-indexed"


def index_ready(client=None):
    client = client or get_client()
    return bool(client.indices.exists_alias(name=alias()))


class LocationKind:
    """The finder's kind for search's registry (search/registry.py)."""

    name = KIND

    def rebuild(self):
        return rebuild()

    def sync(self):
        return sync()
