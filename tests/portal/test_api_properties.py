"""Property-based test of /api/v1/: generated requests for every operation of its OpenAPI document.

Generic over the document: endpoints that apps add later are covered as soon as they are in it. Each
operation gets at least REQUESTS_PER_OPERATION generated requests, a tenth of them invalid (schemathesis'
negative mode; valid ones make up the count where nothing invalid can be made), sent in-process through the
whole Django stack against the demo registry. Every answer must not be a 5xx, must have a documented status
code and content type, and its body must match the schema documented for that status; invalid requests must
be rejected with a 4xx.
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

from tests.untraced import untraced

REQUESTS_PER_OPERATION = int(os.environ.get("API_PROPERTY_REQUESTS", "1000"))
NEGATIVE_REQUESTS_PER_OPERATION = REQUESTS_PER_OPERATION // 10
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


@pytest.fixture
def registry_for_hsds(db):
    """A few published providers (with branches, services, concerns, languages) for the HSDS operations."""
    from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

    for number in range(3):
        organisation = OrganisationFactory()
        for _ in range(number + 1):
            LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation, concerns=["autism"], languages=["tatar"])


def _draw(operation, mode, target, first_seed=0):
    """At least `target` generated cases for one operation in one mode, or as many as can be made.

    Drawn apart from sending them: Hypothesis draws the same cases either way (the test body steers nothing in the
    generate phase), and the drawing, which runs no application code, runs outside coverage's tracer.
    """
    cases = []
    with untraced():
        for round_number in range(first_seed, first_seed + MAX_ROUNDS):
            if len(cases) >= target:
                break

            @seed(round_number)
            @hypothesis_settings(
                max_examples=target - len(cases),
                deadline=None,
                database=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def collect(case):
                cases.append(case)

            drawn = len(cases)
            try:
                collect()
            except Unsatisfiable:  # every generated case was filtered out: nothing invalid can be made here
                break
            if len(cases) == drawn:  # a whole round made no case (e.g. no parameter to break): more would not
                break
    return cases


def _run(operation, mode, target, counts, failures, first_seed=0):
    """Send at least `target` generated requests for one operation in one mode."""
    key = (operation.label, mode.value)
    checks = CHECKS + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])
    for case in _draw(operation, mode, target - counts[key], first_seed):
        counts[key] += 1
        try:
            # identity: the in-process client does not undo the gzip the site applies to text responses
            case.call_and_validate(checks=checks, headers={"Accept-Encoding": "identity"})
        except Exception as exc:  # collect, so one run reports every failing operation
            failures.append(f"{key}: {type(exc).__name__}: {str(exc)[:800]}")


@pytest.mark.slow
def test_every_v1_operation_answers_generated_requests_as_documented(demo_site, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    counts, failures = Counter(), []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations, "the OpenAPI document lists no operation"
    valid_share = REQUESTS_PER_OPERATION - NEGATIVE_REQUESTS_PER_OPERATION
    for operation in operations:
        _run(operation, GenerationMode.POSITIVE, valid_share, counts, failures)
        _run(operation, GenerationMode.NEGATIVE, NEGATIVE_REQUESTS_PER_OPERATION, counts, failures)
        # where nothing invalid can be made, more valid requests (new seeds) make up the count
        made = counts[(operation.label, "negative")]
        _run(operation, GenerationMode.POSITIVE, REQUESTS_PER_OPERATION - made, counts, failures, first_seed=MAX_ROUNDS)
    print("\nGenerated requests per operation:", dict(counts), file=sys.stderr)
    assert failures == [], "\n".join(failures[:20])
    for operation in operations:
        valid, invalid = counts[(operation.label, "positive")], counts[(operation.label, "negative")]
        assert valid + invalid >= REQUESTS_PER_OPERATION and valid >= valid_share, operation.label


HSDS_REQUESTS_PER_OPERATION = int(os.environ.get("HSDS_PROPERTY_REQUESTS", "60"))


def _inline_official_schemas(node):
    """Replace references to the official HSDS schema files by the files themselves (vendored, offline)."""
    from providers_map.exchange.hsds.openapi import SCHEMA_BASE
    from tests.providers_map.exchange.hsds.schemas import _load

    if isinstance(node, list):
        return [_inline_official_schemas(item) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref", "")
    if reference.startswith(SCHEMA_BASE) or (reference.endswith(".json") and "/" not in reference):
        return _inline_official_schemas(_load(reference.removeprefix(SCHEMA_BASE)))
    return {key: _inline_official_schemas(value) for key, value in node.items()}


@pytest.mark.slow
def test_every_hsds_operation_answers_generated_requests_as_documented(wsgi_app, registry_for_hsds):
    from providers_map.exchange.hsds.api import hsds_api

    document = _inline_official_schemas(hsds_api.get_openapi_schema(server_url="http://localhost/api/hsds"))
    schema = schemathesis.openapi.from_dict(document)
    schema.app, schema.location = wsgi_app, "/api/hsds/openapi.json"
    counts, failures = Counter(), []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    for operation in operations:
        _run(operation, GenerationMode.POSITIVE, HSDS_REQUESTS_PER_OPERATION, counts, failures)
        _run(operation, GenerationMode.NEGATIVE, HSDS_REQUESTS_PER_OPERATION // 4, counts, failures)
    print("\nGenerated HSDS requests per operation:", dict(counts), file=sys.stderr)
    assert failures == [], "\n".join(failures[:20])
    for operation in operations:
        assert counts[(operation.label, "positive")] >= HSDS_REQUESTS_PER_OPERATION, operation.label
