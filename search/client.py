"""The Elasticsearch connection, the circuit breaker in front of it, and index naming, in one place.

Public requests never wait on a dead cluster for long: queries use a short timeout (SEARCH_QUERY_TIMEOUT),
and after a failure the breaker stays open for SEARCH_BREAKER_COOLDOWN seconds, during which callers go
straight to the database fallback. The first call after the cool-down tries Elasticsearch again, so a cluster
that comes back is used again without a restart.
"""

import functools
import threading
import time
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ApiError, TransportError

# What counts as "Elasticsearch is not answering" (connection refused, timeouts, 5xx, bad gateway ...).
FAILURES = (TransportError, ApiError, OSError)


class SearchUnavailable(Exception):
    """Elasticsearch is not configured, is down, or the breaker is open: use the database fallback."""


class Breaker:
    """A per-process circuit breaker: open for `cooldown` seconds after a failure."""

    def __init__(self):
        self._lock = threading.Lock()
        self.open_until = 0.0
        self.last_error = ""

    def allows(self):
        return time.monotonic() >= self.open_until

    def failed(self, error):
        with self._lock:
            self.open_until = time.monotonic() + float(getattr(settings, "SEARCH_BREAKER_COOLDOWN", 15))
            self.last_error = str(error)[:200]

    def succeeded(self):
        with self._lock:
            self.open_until = 0.0
            self.last_error = ""

    @property
    def is_open(self):
        return not self.allows()


breaker = Breaker()


def search_enabled():
    """True when the public search is configured to run on Elasticsearch; False means the database fallback."""
    return bool(settings.ELASTICSEARCH_URL)


def es_available():
    """Configured and not known to be down: worth trying Elasticsearch for this request."""
    return search_enabled() and breaker.allows()


def node_urls(url):
    """ELASTICSEARCH_URL may name several nodes of one cluster, separated by commas."""
    return [part.strip() for part in url.split(",") if part.strip()]


@functools.cache
def _client(url, ca_certs, timeout):
    nodes = node_urls(url)
    # A request that cannot reach a node (refused, reset) goes to the next one, each node at most once; the
    # client leaves a failed node out for a while. A slow answer is not retried: the breaker handles those.
    options = {"request_timeout": timeout, "retry_on_timeout": False, "max_retries": len(nodes) - 1}
    if ca_certs:
        options["ca_certs"] = ca_certs
    # Credentials travel in the URL (https://user:password@host:9200), as ELASTICSEARCH_URL documents.
    return Elasticsearch(nodes, **options)


def get_client(timeout=None):
    """The client; `timeout` (seconds) overrides ELASTICSEARCH_TIMEOUT for the calls made through it."""
    if not search_enabled():
        raise RuntimeError("ELASTICSEARCH_URL is not set: search runs on the database.")
    client = _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_CA_CERTS, settings.ELASTICSEARCH_TIMEOUT)
    return client.options(request_timeout=timeout) if timeout else client


def guarded(call, timeout=None):
    """Run `call(client)` through the breaker; raise SearchUnavailable instead of a transport error."""
    if not search_enabled():
        raise SearchUnavailable("ELASTICSEARCH_URL is not set")
    if not breaker.allows():
        raise SearchUnavailable(breaker.last_error or "Elasticsearch recently failed")
    try:
        result = call(get_client(timeout))
    except ApiError as exc:
        if getattr(exc, "status_code", 500) >= 500 or getattr(exc, "status_code", 0) == 429:
            breaker.failed(exc)
        raise SearchUnavailable(str(exc)[:200]) from exc
    except FAILURES as exc:
        breaker.failed(exc)
        raise SearchUnavailable(str(exc)[:200]) from exc
    breaker.succeeded()
    return result


def query_timeout():
    return float(getattr(settings, "SEARCH_QUERY_TIMEOUT", 2.0))


# ------------------------------------------------------------------------------------------- index names


def index_name(kind):
    """Alias name for one kind of document, e.g. index_name("articles") -> "portal-articles"."""
    prefix = settings.SEARCH_INDEX_PREFIX.strip().lower()
    return f"{prefix}-{kind}" if prefix else kind


def new_index_name(kind):
    """A fresh concrete index behind the kind's alias: "portal-articles-20260101120000123456"."""
    return f"{index_name(kind)}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"


# ---------------------------------------------------------------------------------------------- status


def _redacted_url():
    redacted = []
    for url in node_urls(settings.ELASTICSEARCH_URL):
        parts = urlsplit(url)
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        redacted.append(urlunsplit((parts.scheme, netloc, parts.path, "", "")))
    return ",".join(redacted)


def search_status():
    """What /healthz and `search_index --status` report about search; never raises, never waits long.

    `mode` says what public searches use right now: "elasticsearch", or "database" (the fallback, because
    ELASTICSEARCH_URL is not set or the cluster does not answer). A successful check closes the breaker.
    """
    if not search_enabled():
        return {"backend": "database", "mode": "database", "status": "ok", "detail": "ELASTICSEARCH_URL is not set"}
    status = {"backend": "elasticsearch", "url": _redacted_url()}
    try:
        client = get_client(timeout=query_timeout())
        health = client.cluster.health(timeout="2s")
        nodes = client.nodes.info(filter_path="nodes.*.version")
        versions = sorted({n["version"] for n in nodes.get("nodes", {}).values()})
    except FAILURES as exc:
        breaker.failed(exc)
        status.update(status="unavailable", mode="database", error=str(exc)[:200])
        return status
    breaker.succeeded()
    status.update(
        status="ok",
        mode="elasticsearch",
        cluster=health["cluster_name"],
        health=health["status"],
        version=", ".join(versions),
    )
    return status
