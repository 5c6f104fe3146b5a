"""Search and the finder on a three-node Elasticsearch cluster (`scripts/services.sh start es-cluster`): indices
get a replica, a node lost in the middle of a stream of searches and map requests loses no answer, and a rebuild
with its alias swap during the stream gives no failed and no empty answer.

The stream is the demo's searches and map requests, through the application (Django's test client), with the
finder told never to fall back to the database and every search answer saying it came from Elasticsearch: an
answer the database gave instead would be a failure of the cluster too.
"""

import io
import os
import threading
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import Client, override_settings

import pytest
from elasticsearch import Elasticsearch

from providers_map.finder import backends as finder_backends
from search import client as es
from search.documents import replicas_for

pytestmark = [pytest.mark.xdist_group("es-cluster"), pytest.mark.elasticsearch, pytest.mark.slow]

SEARCHES = ["речь", "ранняя помощь", "логопед", "слух"]
MAP_VIEWS = [(6, "20,41,180,82"), (9, "81.5,54.2,84.5,55.8"), (12, "82.8,54.95,83.0,55.1")]
PATHS = [f"/api/v1/search?{urlencode({'q': q})}" for q in SEARCHES] + [
    f"/api/v1/providers/map?{urlencode({'bbox': bbox, 'zoom': zoom})}" for zoom, bbox in MAP_VIEWS
]
ROUNDS_AFTER = 5


@pytest.fixture(scope="module")
def cluster_search(es_cluster, committed_demo, django_db_blocker):
    """The demo's indices built on the cluster; search and the finder pointed at it for this module."""
    prefix = f"{settings.SEARCH_INDEX_PREFIX}-cluster"
    with override_settings(
        ELASTICSEARCH_URL=es_cluster.url,
        SEARCH_INDEX_PREFIX=prefix,
        PORTAL_FINDER_BACKEND="elasticsearch",
        API_RATE_LIMIT="100000/60",
        # What is tested is losing no answer, not speed: a busy machine must not open the breaker.
        SEARCH_QUERY_TIMEOUT=30,
        ELASTICSEARCH_TIMEOUT=30,
    ):
        es.breaker.succeeded()
        finder_backends.reset()
        with django_db_blocker.unblock():
            rebuild()
        yield es_cluster
        es_cluster.client().indices.delete(index=f"{prefix}-*", expand_wildcards="all")
    es.breaker.succeeded()
    finder_backends.reset()


def rebuild():
    call_command("search_index", "--rebuild", "--only", "elasticsearch", "--no-progress", stdout=io.StringIO())


def summary(answer):
    """What a user of the answer sees: its status, where it came from, and how many results it has."""
    if answer.status_code != 200:
        return answer.status_code, "", 0
    data = answer.json()
    if "features" in data:
        return 200, "elasticsearch", sum(feature["properties"].get("count", 1) for feature in data["features"])
    return 200, data["mode"], data["count"]


def stream_during(action):
    """Requests round after round while `action` runs in a thread, and ROUNDS_AFTER rounds after it ended."""
    client = Client(raise_request_exception=False)
    failures = []

    def run():
        try:
            action()
        except BaseException as exc:  # reported by the test, not lost in the thread
            failures.append(exc)
        finally:
            connections.close_all()

    worker = threading.Thread(target=run)
    worker.start()
    answers, after = [], 0
    while after < ROUNDS_AFTER:
        ended = not worker.is_alive()
        answers += [(path, summary(client.get(path))) for path in PATHS]
        after += ended
    worker.join()
    assert not failures, failures
    return answers


def expected(client=None):
    client = client or Client()
    return {path: summary(client.get(path)) for path in PATHS}


def indices_behind_aliases(cluster, prefix):
    aliases = cluster.client().indices.get_alias(index=f"{prefix}-*")
    return {name: set(info["aliases"]) for name, info in aliases.items() if info["aliases"]}


def test_indices_on_the_cluster_get_a_replica_and_a_single_node_none(cluster_search, db):
    client = cluster_search.client()
    assert replicas_for(client) == 1
    for index in indices_behind_aliases(cluster_search, settings.SEARCH_INDEX_PREFIX):
        assert client.indices.get_settings(index=index)[index]["settings"]["index"]["number_of_replicas"] == "1"
    assert client.cluster.health()["status"] == "green"
    single_node = Elasticsearch(os.environ["ELASTICSEARCH_URL"])  # `make services`'s, which the suite uses
    assert replicas_for(single_node) == 0


def test_a_node_lost_during_searches_and_map_requests_loses_no_answer(cluster_search, db):
    before = expected()
    assert all(count > 0 and mode == "elasticsearch" for _status, mode, count in before.values()), before
    victim = cluster_search.master()  # the elected master, which also holds shards
    answers = stream_during(lambda: cluster_search.stop_node(victim))
    assert victim not in cluster_search.running_nodes()
    wrong = [(path, seen) for path, seen in answers if seen != before[path]]
    assert not wrong, f"{len(wrong)} of {len(answers)} answers differ, e.g. {wrong[:3]}"


def test_a_rebuild_during_searches_and_map_requests_gives_no_failed_or_empty_answer(cluster_search, db):
    before = expected()
    old = indices_behind_aliases(cluster_search, settings.SEARCH_INDEX_PREFIX)
    answers = stream_during(rebuild)
    new = indices_behind_aliases(cluster_search, settings.SEARCH_INDEX_PREFIX)
    assert not set(old) & set(new)  # every alias moved to a new index while the stream ran
    client = cluster_search.client()
    assert all(client.indices.get_settings(index=i)[i]["settings"]["index"]["number_of_replicas"] == "1" for i in new)
    wrong = [(path, seen) for path, seen in answers if seen != before[path]]
    assert not wrong, f"{len(wrong)} of {len(answers)} answers differ, e.g. {wrong[:3]}"
