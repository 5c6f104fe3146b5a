"""Shared fixtures. Tests that need a real service skip locally when it is absent and fail under CI=true."""

import os

from django.db import connection

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(name, available, hint):
    if available:
        return
    message = f"{name} is not available ({hint})"
    if IN_CI:
        pytest.fail(f"{message}; CI=true requires it", pytrace=False)
    pytest.skip(message)


def pytest_report_header(config):
    from django.conf import settings

    from search.client import search_status

    db = settings.DATABASES["default"]
    search = search_status()
    where = f"{search.get('version', '')} at {search.get('url')}" if search["backend"] == "elasticsearch" else ""
    return [
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or db.get('NAME')}:{db.get('PORT') or ''}",
        f"search: {search['backend']} {where} ({search['status']})",
        f"CI mode: {IN_CI}",
    ]


@pytest.fixture
def require_postgres(db):
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL, e.g. `make services`")


@pytest.fixture
def es_client():
    from search.client import get_client, search_enabled, search_status

    require_service("Elasticsearch", search_enabled(), "set ELASTICSEARCH_URL, e.g. `make services`")
    status = search_status()
    require_service("Elasticsearch", status["status"] == "ok", status.get("error", ""))
    return get_client()


@pytest.fixture
def es_index(es_client, request):
    """A throwaway index name under the test prefix, deleted afterwards."""
    from search.client import index_name

    name = index_name(f"t-{request.node.name.lower()[:40]}-{os.getpid()}")
    es_client.indices.delete(index=name, ignore_unavailable=True)
    yield name
    es_client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def demo_site(db):
    """The demo content as `make run` loads it."""
    from django.core.management import call_command

    call_command("load_demo", stdout=open(os.devnull, "w"))
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests run last: first those on the shared, committed demo server, then those that flush."""

    def order(item):
        if "tests/e2e/" not in item.nodeid:
            return 0
        flushes = {"transactional_db", "live_server"} & set(item.fixturenames)
        return 2 if flushes else 1

    items.sort(key=order)
