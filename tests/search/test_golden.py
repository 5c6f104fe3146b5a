"""The golden set (tests/search/golden_set.py): top-3 ≥ 90 % on Elasticsearch, ≥ 80 % on the database fallback
(the suite's database — PostgreSQL in CI — and SQLite, the `make run` default, in a subprocess)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from search.results import SearchRequest
from search.service import run
from tests.search.golden_set import GOLDEN, evaluate

ROOT = Path(__file__).resolve().parents[2]


def _urls(query, force_database):
    found = run(SearchRequest(q=query), force_database=force_database)
    assert found.backend == ("database" if force_database else "elasticsearch")
    return [result.url for result in found.promoted + found.results]


def _report(name, score, misses):
    print(f"\ngolden top-3 on {name}: {score:.1%} of {len(GOLDEN)}")
    for query, expected, got in misses:
        print(f"  miss: {query!r} expected {expected} got {got}")


def test_golden_set_is_big_enough_and_varied():
    assert len(GOLDEN) >= 40
    assert any("#t=" in url for _q, urls in GOLDEN for url in urls)
    assert any(q != q.lower() for q, _urls in GOLDEN) and any("ё" in q for q, _urls in GOLDEN)


def test_golden_top3_on_elasticsearch(demo_site, es_client):
    score, misses = evaluate(lambda q: _urls(q, force_database=False))
    _report("Elasticsearch", score, misses)
    assert score >= 0.9, misses


def test_golden_top3_on_the_database_fallback(demo_site):
    from django.db import connection

    score, misses = evaluate(lambda q: _urls(q, force_database=True))
    _report(f"the fallback on {connection.vendor}", score, misses)
    assert score >= 0.8, misses


@pytest.mark.slow
@pytest.mark.xdist_group("embedded")
def test_golden_top3_on_the_sqlite_fallback(embedded_site):
    """`make run`'s default: SQLite without Elasticsearch, the demo loaded by load_demo, in a subprocess."""
    env = embedded_site
    done = subprocess.run(
        [sys.executable, "-m", "tests.search.golden_sqlite"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["vendor"] == "sqlite" and result["backend"] == "database"
    _report("the fallback on SQLite", result["score"], result["misses"])
    assert result["score"] >= 0.8, result["misses"]
