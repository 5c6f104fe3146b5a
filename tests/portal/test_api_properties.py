"""Property-based test of /api/v1/: generated requests for every operation of its OpenAPI document.

Generic over the document: endpoints that apps add later are covered as soon as they are in it. Each
operation gets at least REQUESTS_PER_OPERATION valid requests (schemathesis, positive mode) plus invalid
ones (negative mode), sent in-process through the whole Django stack against the demo registry. Every
answer must not be a 5xx, must have a documented status code and content type, and its body must match the
schema documented for that status; invalid requests must be rejected with a 4xx.
"""

import os
import sys
from collections import Counter

from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode

REQUESTS_PER_OPERATION = int(os.environ.get("API_PROPERTY_REQUESTS", "1000"))
NEGATIVE_REQUESTS_PER_OPERATION = REQUESTS_PER_OPERATION // 4
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MAX_ROUNDS = 20


@pytest.fixture
def wsgi_app(settings):
    """The real WSGI application, inside the test's transaction (as Django's test client does it)."""
    settings.API_RATE_LIMIT = "100000000/60"
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _run(operation, mode, target, counts, failures):
    """Send at least `target` generated requests for one operation in one mode."""
    key = (operation.label, mode.value)
    checks = CHECKS + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])
    for round_number in range(MAX_ROUNDS):
        if counts[key] >= target:
            return

        @seed(round_number)
        @hypothesis_settings(
            max_examples=target - counts[key],
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def send(case):
            counts[key] += 1
            try:
                case.call_and_validate(checks=checks)
            except Exception as exc:  # collect, so one run reports every failing operation
                failures.append(f"{key}: {type(exc).__name__}: {str(exc)[:800]}")

        try:
            send()
        except Unsatisfiable:  # every generated case was filtered out: nothing invalid can be made here
            return


def test_every_v1_operation_answers_generated_requests_as_documented(demo_site, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    counts, failures = Counter(), []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the OpenAPI document lists no operation"
    for operation in operations:
        _run(operation, GenerationMode.POSITIVE, REQUESTS_PER_OPERATION, counts, failures)
        _run(operation, GenerationMode.NEGATIVE, NEGATIVE_REQUESTS_PER_OPERATION, counts, failures)
    print("\nGenerated requests per operation:", dict(counts), file=sys.stderr)
    assert failures == [], "\n".join(failures[:20])
    for operation in operations:
        assert counts[(operation.label, "positive")] >= REQUESTS_PER_OPERATION, operation.label
