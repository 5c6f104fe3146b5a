"""A second portal instance for exchange tests: a real server process on loopback with its own PostgreSQL database
(cloned from the migrated test template) and another region's registry (`peer_registry`)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.db import connection

import pytest

from tests.db_template import TemplateLock

ROOT = Path(__file__).resolve().parents[4]
MODULE = "tests.providers_map.exchange.harvest.peer_registry"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Peer:
    def __init__(self, count):
        settings = connection.settings_dict
        template = settings["TEST"].get("TEMPLATE")
        if connection.vendor != "postgresql" or not template:
            pytest.skip("the second portal is cloned from the migrated PostgreSQL template (tests/db_template.py)")
        self.name = f"{settings['NAME']}_peer"
        with TemplateLock(connection) as lock:  # PostgreSQL copies a template only while nobody else reads it
            self.maintenance(
                lock, f"DROP DATABASE IF EXISTS {self.name}", f"CREATE DATABASE {self.name} TEMPLATE {template}"
            )
        url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{self.name}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("ELASTICSEARCH_URL", "PYTEST_XDIST_WORKER")},
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "API_RATE_LIMIT": "100000/60",
        }
        self.manage("load", str(count))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--skip-checks"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90  # a busy machine starts Django slowly
        while True:
            try:
                urllib.request.urlopen(self.base + "/api/hsds/", timeout=5).read()
                break
            except OSError:
                if self.server.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise AssertionError("the peer portal did not start") from None
                time.sleep(0.2)

    def manage(self, *args):
        done = subprocess.run(
            [sys.executable, "-m", MODULE, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    @staticmethod
    def maintenance(lock, *statements):
        with lock._connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def close(self):
        self.server.terminate()
        self.server.wait(timeout=20)
        with TemplateLock(connection) as lock:
            self.maintenance(lock, f"DROP DATABASE IF EXISTS {self.name}")
