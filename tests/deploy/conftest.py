"""Fixtures for the production process's tests: collected static files, Redis, the Elasticsearch cluster."""

import fcntl
import os
import subprocess

import pytest
import redis

from tests.conftest import ROOT, SHARED_CACHE_URL, require_service
from tests.deploy.cluster import Cluster
from tests.deploy.servers import collect_static, static_digest


@pytest.fixture(scope="session")
def collected_static():
    """The static files as `collectstatic` leaves them for production; collected once per change of inputs and
    kept under var/test-static/ (about 20 s of CPU when they change)."""
    folder = ROOT / "var" / "test-static" / f"static-{static_digest()}"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel workers wait for one collection
        return collect_static(folder)


@pytest.fixture(scope="session")
def redis_url():
    """The Redis that `make services` starts (CACHE_URL in .services/env)."""
    url = SHARED_CACHE_URL
    reachable = False
    if url.startswith(("redis://", "rediss://")):
        try:
            reachable = redis.Redis.from_url(url, socket_timeout=2).ping()
        except redis.RedisError:
            reachable = False
    require_service("Redis", reachable, "set CACHE_URL=redis://…, e.g. `make services`")
    return url


@pytest.fixture(scope="session")
def es_cluster():
    """A three-node Elasticsearch cluster (`scripts/services.sh start es-cluster`), started once for the tests
    that need it and stopped after them, unless it was already running."""
    cluster = Cluster(port=int(os.environ.get("ES_CLUSTER_PORT", "59210")))
    started = cluster.start()
    require_service("The Elasticsearch cluster", started.returncode == 0, started.stderr[-2000:])
    yield cluster
    if "started es-cluster" in started.stdout:
        stop = cluster.script("stop", "es-cluster")
        subprocess.run(stop, cwd=ROOT, env=cluster.env, capture_output=True, timeout=120)
