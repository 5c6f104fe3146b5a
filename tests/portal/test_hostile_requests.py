"""Hostile requests against the whole demo site: no 5xx, no reflected markup, no off-site redirect, and every
refusal a Russian page (or JSON under /api/).

The requests come from tests/portal/hostile.py, which discovers the URLconf, the sitemap, the forms on the
pages and the OpenAPI document, so what other work adds later is attacked too. HOSTILE_REQUESTS (default 5 000)
and HOSTILE_SEED (default fixed, for a reproducible run) change the count and the draw.
"""

import logging
import os
import sys
import time

from django.core.signals import got_request_exception
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from providers_map.models import Organisation
from tests.portal.hostile import HostileRequests, problems_with, send

COUNT = int(os.environ.get("HOSTILE_REQUESTS", "5000"))
SEED = int(os.environ.get("HOSTILE_SEED", "20261201"))


@pytest.fixture
def quiet_logs():
    """Thousands of refused requests would flood the log; failures are collected and reported instead."""
    names = ("django.request", "django.security", "portal", "axes", "providers_map", "home", "materials", "search")
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.mark.slow
def test_thousands_of_hostile_requests_get_no_server_error(demo_site, quiet_logs):
    slugs = list(Organisation.objects.public().values_list("slug", flat=True)[:20]) + [
        p.slug for p in Page.objects.live().public()[:20]
    ]
    ids = [*Page.objects.live().values_list("pk", flat=True)[:10], 0, 1, 999_999_999]
    documents = [doc.url for doc in get_document_model().objects.order_by("pk")[:8]]
    client = Client(raise_request_exception=False)
    generator = HostileRequests(client, SEED, slugs, ids, documents).discover()
    probes = generator.probes(COUNT)

    exceptions = []

    def remember(sender, request=None, **kwargs):
        exceptions.append(repr(sys.exc_info()[1])[:300])

    got_request_exception.connect(remember)
    failures, statuses, started, timings = [], {}, time.monotonic(), {}
    cpu = time.process_time()
    try:
        for probe in probes:
            exceptions.clear()
            one = time.monotonic()
            client.cookies.clear()  # each probe is a stranger's request (one handler: its middleware is built once)
            response = send(client, probe)
            key = (probe.label.split(" ")[0], probe.method, probe.path.split("/")[1][:20])
            spent, number = timings.get(key, (0, 0))
            timings[key] = (spent + time.monotonic() - one, number + 1)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            for problem in problems_with(probe, response):
                failures.append(f"{problem} ← {probe.describe()} {exceptions[:1]}")
    finally:
        got_request_exception.disconnect(remember)
    seconds = time.monotonic() - started
    cpu = time.process_time() - cpu

    print(
        f"\nhostile requests: {len(probes)} in {seconds:.1f} s ({cpu:.1f} s CPU) (seed {SEED}); "
        f"{len(generator.paths)} paths, {len(generator.forms)} forms, {len(generator.operations)} API operations; "
        f"statuses {sorted(statuses.items())}"
    )
    for key, (spent, number) in sorted(timings.items(), key=lambda kv: -kv[1][0])[:5]:
        print(f"{spent:7.2f} s {number:5d} {1000 * spent / number:6.1f} ms {key}")
    assert len(probes) >= COUNT
    assert {len(generator.forms), len(generator.operations)} - {0}, "discovery found no forms or API operations"
    assert not failures, f"{len(failures)} problems (seed {SEED}):\n" + "\n".join(sorted(set(failures))[:40])
