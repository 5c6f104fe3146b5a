"""`make run`'s embedded default: SQLite, no Elasticsearch, demo content, a real HTTP server."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.mark.slow
@pytest.mark.xdist_group("embedded")
def test_embedded_sqlite_default_serves_the_portal(embedded_site):
    """`migrate` and `load_demo --if-empty` made the SQLite file (`embedded_site`); a runserver serves it."""
    env = embedded_site
    manage = [sys.executable, "manage.py"]
    assert (Path(env["PORTAL_VAR_DIR"]) / "portal.sqlite3").exists()

    port = _free_port()
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base + "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, "runserver did not come up"
                time.sleep(0.3)
        for path in ("/", "/admin/login/", "/healthz", "/sitemap.xml", "/robots.txt"):
            status, _ = _get(base + path)
            assert status == 200, path
        status, home = _get(base + "/")
        assert "Ранняя помощь" in home
        health = json.loads(_get(base + "/healthz")[1])
        assert health["database"]["vendor"] == "sqlite"
        assert health["search"]["backend"] == "database"
    finally:
        server.terminate()
        server.wait(timeout=20)
