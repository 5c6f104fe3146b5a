"""The Elasticsearch connection and index naming, built from settings in one place."""

import functools

from django.conf import settings

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import ApiError, TransportError


def search_enabled():
    """True when the public search runs on Elasticsearch; False means the database fallback."""
    return bool(settings.ELASTICSEARCH_URL)


@functools.cache
def _client(url, ca_certs, timeout):
    options = {"request_timeout": timeout, "retry_on_timeout": False, "max_retries": 1}
    if ca_certs:
        options["ca_certs"] = ca_certs
    # Credentials travel in the URL (https://user:password@host:9200), as ELASTICSEARCH_URL documents.
    return Elasticsearch(url, **options)


def get_client():
    if not search_enabled():
        raise RuntimeError("ELASTICSEARCH_URL is not set: search runs on the database.")
    return _client(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_CA_CERTS, settings.ELASTICSEARCH_TIMEOUT)


def index_name(kind):
    """Alias name for one kind of document, e.g. index_name("providers") -> "portal-providers"."""
    prefix = settings.SEARCH_INDEX_PREFIX.strip().lower()
    return f"{prefix}-{kind}" if prefix else kind


def _redacted_url():
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(settings.ELASTICSEARCH_URL)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def search_status():
    """What /healthz and `search_index --status` report about search; never raises."""
    if not search_enabled():
        return {"backend": "database", "status": "ok", "detail": "ELASTICSEARCH_URL is not set"}
    status = {"backend": "elasticsearch", "url": _redacted_url()}
    try:
        client = get_client()
        health = client.cluster.health(timeout="2s")
        nodes = client.nodes.info(filter_path="nodes.*.version")
        versions = sorted({n["version"] for n in nodes.get("nodes", {}).values()})
    except (ApiError, TransportError, OSError) as exc:
        status.update(status="unavailable", error=str(exc)[:200])
        return status
    status.update(status="ok", cluster=health["cluster_name"], health=health["status"], version=", ".join(versions))
    return status
