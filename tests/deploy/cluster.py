"""The three-node Elasticsearch cluster of `scripts/services.sh start es-cluster`, as the tests drive it."""

import os
import subprocess

from elasticsearch import Elasticsearch

from tests.conftest import ROOT

NODES = 3


class Cluster:
    def __init__(self, port):
        self.port = port
        self.env = {**os.environ, "ES_CLUSTER_PORT": str(port)}

    @staticmethod
    def script(*args):
        return ["bash", str(ROOT / "scripts" / "services.sh"), *args]

    def start(self):
        return subprocess.run(
            self.script("start", "es-cluster"), cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300
        )

    def node_url(self, number):
        return f"http://127.0.0.1:{self.port + number - 1}"

    @property
    def url(self):
        """ELASTICSEARCH_URL naming every node."""
        return ",".join(self.node_url(number) for number in range(1, NODES + 1))

    def client(self):
        return Elasticsearch(self.url.split(","), request_timeout=30, max_retries=NODES - 1)

    def running_nodes(self):
        return sorted(int(row["name"].split("-")[1]) for row in self.client().cat.nodes(format="json", h="name"))

    def master(self):
        """The number of the elected master node."""
        return int(self.client().cat.master(format="json")[0]["node"].split("-")[1])

    def stop_node(self, number):
        subprocess.run(self.script("stop", f"es-node-{number}"), cwd=ROOT, env=self.env, check=True, timeout=120)
