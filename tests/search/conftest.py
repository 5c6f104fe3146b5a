"""Search test helpers: a private index prefix per test, and a way to point at a dead Elasticsearch."""

import itertools
import os

import pytest

_numbers = itertools.count(1)


@pytest.fixture
def index_prefix(es_client, settings):
    """Indices of this test live under their own prefix and are deleted afterwards."""
    prefix = f"{settings.SEARCH_INDEX_PREFIX}-t{os.getpid()}-{next(_numbers)}"
    settings.SEARCH_INDEX_PREFIX = prefix
    yield prefix
    es_client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture
def dead_elasticsearch(settings):
    """Elasticsearch "down": a port where nothing listens. The breaker is reset before and after."""
    from search.client import breaker

    breaker.succeeded()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9/"
    yield
    breaker.succeeded()


@pytest.fixture(autouse=True)
def _closed_breaker():
    from search.client import breaker

    breaker.succeeded()
    yield
    breaker.succeeded()
