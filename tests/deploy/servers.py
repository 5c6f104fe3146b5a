"""The production process in tests: gunicorn (or deploy/Procfile under honcho) with production settings on
loopback, against the test database, and a small HTTP client that talks to it as the TLS proxy would.

    with ProductionServer(production_env(static_root)) as server:
        answer = server.get("/healthz")
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

import urllib3

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
GUNICORN = [str(VENV_BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "portal.wsgi:application"]
HONCHO = [str(VENV_BIN / "honcho"), "--procfile", "deploy/Procfile", "--env", "/dev/null", "start"]
SECRET_KEY = "tests-production-process-" + "0123456789abcdefghijklmnopqrstuvwxyz"
# Environment of the test process that must not leak into the production process.
NOT_PASSED = {"DJANGO_SETTINGS_MODULE", "CACHE_URL", "PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict=None):
    """postgres:// URL of the database this test process uses (pytest-django's test database)."""
    db = settings_dict or connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def production_env(static_root, **overrides):
    """What a deployment sets, pointed at the test database, the test's search indices and its media folder."""
    env = {key: value for key, value in os.environ.items() if key not in NOT_PASSED}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        VENV=sys.prefix,
        DATABASE_URL=database_url(),
        ELASTICSEARCH_URL=settings.ELASTICSEARCH_URL,
        SEARCH_INDEX_PREFIX=settings.SEARCH_INDEX_PREFIX,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        STATIC_ROOT=str(static_root),
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL="https://127.0.0.1",
        WEB_CONCURRENCY="2",
        PYTHONWARNINGS="ignore::RuntimeWarning",  # the warning about a missing CACHE_URL, where a test wants none
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def static_digest():
    """What the collected static files depend on: the project's own assets, the installed packages' (by the
    lock) and the storage settings."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "static").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    for name in ("requirements.lock", "portal/settings/base.py"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()[:12]


def collect_static(folder):
    """`collectstatic` as a deployment runs it (hashed names, gzip and Brotli copies) into `folder`, once:
    later runs with the same inputs reuse it (var/ is git-ignored)."""
    if (folder / "staticfiles.json").exists():
        return folder
    building = Path(tempfile.mkdtemp(prefix="collecting-", dir=folder.parent))
    done = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=production_env(building),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        shutil.rmtree(building, ignore_errors=True)
        raise AssertionError(f"collectstatic failed:\n{done.stderr[-3000:]}")
    for old in folder.parent.glob("static-*"):
        shutil.rmtree(old, ignore_errors=True)
    building.rename(folder)
    return folder


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.body)


class ProductionServer:
    """A production process on a free loopback port; started on entering, stopped (SIGINT, then SIGKILL) on
    leaving. `command` is gunicorn's web process by default, or HONCHO for the whole Procfile."""

    def __init__(self, env, command=GUNICORN, name="server", log_dir=None):
        self.port = free_port()
        self.env = {**env, "PORT": str(self.port)}
        self.command = command
        self.log = Path(log_dir or tempfile.mkdtemp(prefix="portal-server-")) / f"{name}-{self.port}.log"
        self.process = None
        self.http = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=5, read=30))

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # honcho's and gunicorn's children stop with it
        )
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, f"the server exited:\n{self.output()[-3000:]}"
            try:
                self.get("/healthz")
                return self
            except urllib3.exceptions.HTTPError:
                assert time.monotonic() < deadline, f"the server did not answer:\n{self.output()[-3000:]}"
                time.sleep(0.2)

    def __exit__(self, *exc_info):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGINT)  # Ctrl+C: gunicorn's quick shutdown, honcho stops its processes
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def output(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def request(self, method, path, headers=None, body=None, https=True):
        """One request as the TLS proxy forwards it (X-Forwarded-Proto: https), redirects not followed."""
        sent = {"X-Forwarded-Proto": "https"} if https else {}
        sent.update(headers or {})
        response = self.http.request(
            method, self.base + path, headers=sent, body=body, redirect=False, preload_content=True
        )
        return Answer(response.status, dict(response.headers), response.data)

    def get(self, path, headers=None, https=True):
        return self.request("GET", path, headers=headers, https=https)
