"""Which backend answers: Elasticsearch when configured, reachable and its index is there, else the database.

PORTAL_FINDER_BACKEND = "auto" (default) | "elasticsearch" | "database". In "auto", queries go through search's
circuit breaker (search.client.guarded, short timeout): a failing cluster sends the finder to the database
until the breaker closes again; a missing index is re-checked every minute. /healthz says which backend
answers and why. "elasticsearch" never falls back (tests and benchmarks that must measure it).
"""

import logging
import time

from django.conf import settings

from search import client as es

from .db import DatabaseBackend
from .documents import KIND
from .es_query import ElasticsearchBackend

logger = logging.getLogger("providers_map.finder")
INDEX_RECHECK_SECONDS = 60
NO_INDEX = "the finder index does not exist yet (run search_index --rebuild)"

_state = {"missing_until": 0.0, "ready_until": 0.0}


class IndexMissing(Exception):
    pass


def mode():
    value = getattr(settings, "PORTAL_FINDER_BACKEND", "auto")
    return value if value in ("auto", "elasticsearch", "database") else "auto"


def reset():
    _state.update(missing_until=0.0, ready_until=0.0)


def _fallback_reason():
    """Why the database answers (empty when Elasticsearch should be tried)."""
    if mode() == "database":
        return "PORTAL_FINDER_BACKEND is database"
    if not es.search_enabled():
        return "ELASTICSEARCH_URL is not set"
    if mode() == "elasticsearch":
        return ""
    if not es.breaker.allows():
        return f"Elasticsearch is not answering: {es.breaker.last_error}"
    if time.monotonic() < _state["missing_until"]:
        return NO_INDEX
    return ""


def _ensure_index(client):
    if time.monotonic() < _state["ready_until"]:
        return
    if not client.indices.exists_alias(name=es.index_name(KIND)):
        _state["missing_until"] = time.monotonic() + INDEX_RECHECK_SECONDS
        raise IndexMissing(NO_INDEX)
    _state["ready_until"] = time.monotonic() + INDEX_RECHECK_SECONDS


def _on_elasticsearch(client, operation, args, kwargs):
    _ensure_index(client)
    return operation(ElasticsearchBackend(client), *args, **kwargs)


def run(operation, *args, **kwargs):
    """Call `operation(backend, *args)` on the answering backend; returns (result, backend name)."""
    if not _fallback_reason():
        if mode() == "elasticsearch":
            client = es.get_client(timeout=settings.ELASTICSEARCH_TIMEOUT)
            return _on_elasticsearch(client, operation, args, kwargs), "elasticsearch"
        try:
            call = lambda client: _on_elasticsearch(client, operation, args, kwargs)  # noqa: E731
            return es.guarded(call, timeout=es.query_timeout()), "elasticsearch"
        except es.SearchUnavailable as exc:
            logger.warning("Finder answers from the database: %s", exc)
        except IndexMissing:
            logger.warning("Finder answers from the database: %s", NO_INDEX)
    return operation(DatabaseBackend(), *args, **kwargs), "database"


def status():
    """For /healthz: which backend answers the finder and why."""
    reason = _fallback_reason()
    if not reason and mode() == "auto":
        try:
            es.guarded(_ensure_index, timeout=es.query_timeout())
        except es.SearchUnavailable as exc:
            reason = f"Elasticsearch is not answering: {exc}"[:200]
        except IndexMissing:
            reason = NO_INDEX
    if reason:
        return {"backend": "database", "fallback": True, "reason": reason}
    return {"backend": "elasticsearch", "fallback": False}
