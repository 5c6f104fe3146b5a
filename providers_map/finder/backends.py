"""Which backend answers: Elasticsearch when configured and its index is there, else the database.

PORTAL_FINDER_BACKEND = "auto" (default) | "elasticsearch" | "database". In "auto", a failing cluster makes
the finder answer from the database for a minute (then it tries again); /healthz says which one answers
and why. "elasticsearch" never falls back (for tests and benchmarks that must measure it).
"""

import logging
import time

from django.conf import settings

from elasticsearch.exceptions import ApiError, TransportError

from search.client import search_enabled

from .db import DatabaseBackend

logger = logging.getLogger("providers_map.finder")
RETRY_AFTER_SECONDS = 60
READY_CHECK_SECONDS = 30
NO_INDEX = "the finder index does not exist yet (run search_index --rebuild)"
SEARCH_ERRORS = (ApiError, TransportError, OSError)

_state = {"down_until": 0.0, "reason": ""}


def mode():
    value = getattr(settings, "PORTAL_FINDER_BACKEND", "auto")
    return value if value in ("auto", "elasticsearch", "database") else "auto"


def _elasticsearch():
    from .es_query import ElasticsearchBackend

    return ElasticsearchBackend()


def _fallback_reason():
    """Why the database answers (empty when Elasticsearch should)."""
    if mode() == "database":
        return "PORTAL_FINDER_BACKEND is database"
    if not search_enabled():
        return "ELASTICSEARCH_URL is not set"
    if mode() == "auto" and time.monotonic() < _state["down_until"]:
        return _state["reason"]
    return ""


def mark_down(reason):
    _state.update(down_until=time.monotonic() + RETRY_AFTER_SECONDS, reason=str(reason)[:200])
    logger.warning("Finder answers from the database for %s s: %s", RETRY_AFTER_SECONDS, reason)


def reset():
    _state.update(down_until=0.0, reason="", ready_until=0.0)


def run(operation, *args, **kwargs):
    """Call `operation(backend, *args)` on the answering backend; returns (result, backend name)."""
    if not _fallback_reason():
        try:
            backend = _elasticsearch()
            if mode() == "auto" and not _index_ready(backend):
                mark_down(NO_INDEX)
            else:
                return operation(backend, *args, **kwargs), backend.name
        except SEARCH_ERRORS as exc:
            if mode() == "elasticsearch":
                raise
            mark_down(f"{exc.__class__.__name__}: {exc}")
    backend = DatabaseBackend()
    return operation(backend, *args, **kwargs), backend.name


def _index_ready(backend):
    """Whether the index exists; a positive answer is trusted for half a minute."""
    from . import es_index

    if time.monotonic() < _state.get("ready_until", 0.0):
        return True
    ready = es_index.index_ready(backend.client)
    if ready:
        _state["ready_until"] = time.monotonic() + READY_CHECK_SECONDS
    return ready


def status():
    """For /healthz: which backend answers the finder and why."""
    reason = _fallback_reason()
    if not reason and mode() == "auto":
        try:
            from .es_query import ElasticsearchBackend

            if not _index_ready(ElasticsearchBackend()):
                reason = NO_INDEX
        except SEARCH_ERRORS as exc:
            reason = f"{exc.__class__.__name__}: {exc}"[:200]
    if reason:
        return {"backend": "database", "fallback": True, "reason": reason}
    return {"backend": "elasticsearch", "fallback": False}
