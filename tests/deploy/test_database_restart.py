"""PostgreSQL restarted under traffic, on a private throwaway cluster holding a copy of the test database with the
demo: answers degrade to 503 with Retry-After (JSON under /api/, a Russian page elsewhere), never 500, and come
back without restarting the application; an import cut by the restart leaves nothing and runs again."""

import subprocess
import sys
import threading
import time
from urllib.parse import urlencode

from django.db import connection

import psutil
import pytest

from tests.conftest import require_service
from tests.deploy.private_postgres import PrivatePostgres, pg_bindir
from tests.deploy.servers import ROOT, ProductionServer, production_env
from tests.providers_map.exchange.importing.registry_file import generate

pytestmark = [pytest.mark.xdist_group("production"), pytest.mark.slow]

PATHS = ["/", "/parents/", "/api/v1/providers?" + urlencode({"near": "55.03,82.92"}), "/api/hsds/services"]
TABLE = "providers_map_organisation"
ORGANISATIONS = f"SELECT count(*) FROM {TABLE}"
ROWS = 300


@pytest.fixture(scope="module")
def private_db(django_db_setup, committed_demo):
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL, e.g. `make services`")
    require_service("PostgreSQL's server programs", pg_bindir() is not None, "apt-get install postgresql")
    database = PrivatePostgres().create(connection.settings_dict)
    yield database
    database.destroy()


def until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


class Traffic:
    """Requests to PATHS round after round in a thread, every answer kept."""

    def __init__(self, server):
        self.server, self.answers, self.running = server, [], True
        self.thread = threading.Thread(target=self.run)

    def run(self):
        while self.running:
            for path in PATHS:
                self.answers.append((path, self.server.get(path)))

    def seen(self, status, api):
        return any(a.status == status and path.startswith("/api/") == api for path, a in self.answers)

    def all_fine_since(self, index):
        recent = self.answers[index:]
        return len(recent) >= 2 * len(PATHS) and all(a.status == 200 for _path, a in recent[-len(PATHS) :])


def test_a_database_restart_under_traffic_answers_503_and_recovers_without_a_restart(
    private_db, collected_static, tmp_path, db
):
    env = production_env(collected_static, DATABASE_URL=private_db.url, ELASTICSEARCH_URL="")
    with ProductionServer(env, log_dir=tmp_path) as server:
        assert [server.get(path).status for path in PATHS] == [200] * len(PATHS)
        workers = {child.pid for child in psutil.Process(server.process.pid).children()}
        traffic = Traffic(server)
        traffic.thread.start()
        try:
            private_db.stop()
            until(lambda: traffic.seen(503, api=True) and traffic.seen(503, api=False), 30, "503 answers")
            private_db.start()
            restarted = len(traffic.answers)
            until(lambda: traffic.all_fine_since(restarted), 30, "the answers to recover")
        finally:
            traffic.running = False
            traffic.thread.join(timeout=60)
        assert {child.pid for child in psutil.Process(server.process.pid).children()} == workers
        assert server.get("/healthz").json()["database"]["status"] == "ok"

    statuses = {answer.status for _path, answer in traffic.answers}
    assert statuses == {200, 503}, statuses  # never a 500
    for path, answer in traffic.answers:
        if answer.status != 503:
            continue
        assert int(answer.headers["Retry-After"]) > 0
        if path.startswith("/api/"):
            assert answer.headers["Content-Type"].startswith("application/json")
            assert answer.json()["error"] == "Сайт временно недоступен"
        else:
            assert answer.headers["Content-Type"].startswith("text/html")
            assert "Сайт временно недоступен" in answer.text and "через минуту" in answer.text


def run_import(env, path):
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_providers", str(path), "--progress"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_an_import_cut_by_a_database_restart_writes_nothing_and_runs_again(private_db, collected_static, tmp_path, db):
    registry = tmp_path / "registry.csv"
    registry.write_bytes(generate(ROWS))
    env = production_env(collected_static, DATABASE_URL=private_db.url, ELASTICSEARCH_URL="")
    before = private_db.query(ORGANISATIONS)[0][0]

    with private_db.writes_held(TABLE):
        cut = run_import(env, registry)
        until(lambda: private_db.waits_to_write(TABLE), 60, "the import to write")
        private_db.stop()
    _out, error = cut.communicate(timeout=120)
    private_db.start()
    assert cut.returncode == 3, error.decode()[-2000:]
    assert "ничего не импортировано" in error.decode()
    assert "Traceback" not in error.decode()
    assert private_db.query(ORGANISATIONS)[0][0] == before  # the import's one transaction was rolled back

    again = run_import(env, registry)
    out, error = again.communicate(timeout=300)
    assert again.returncode == 1, error.decode()[-2000:]  # some rows of the file are bad on purpose
    created = private_db.query(ORGANISATIONS)[0][0] - before
    assert created > 0 and f"{created}" in out.decode()


ENQUEUE = """
from pathlib import Path
from providers_map.exchange.importing import jobs
from providers_map.exchange.models import ImportJob
from providers_map.exchange.importing.tasks import apply_import
job = ImportJob.objects.create(file_name="registry.csv")
jobs.store_upload(job, [Path({path!r}).read_bytes()])
jobs.run_job(job.pk, apply=False)
job.refresh_from_db()
job.status = ImportJob.Status.IMPORTING
job.save()
apply_import.enqueue(str(job.pk))
print(job.pk)
"""
APPLY_AGAIN = """
from providers_map.exchange.models import ImportJob
from providers_map.exchange.importing.tasks import apply_import
ImportJob.objects.filter(pk={pk!r}).update(status=ImportJob.Status.IMPORTING)
apply_import.enqueue({pk!r})
"""


def manage_shell(env, code):
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_the_import_worker_outlives_a_database_restart_and_the_cut_import_can_be_confirmed_again(
    private_db, collected_static, tmp_path, db
):
    registry = tmp_path / "registry.csv"
    registry.write_bytes(generate(ROWS, seed=11))  # not the rows the other test imported
    imports = tmp_path / "imports"
    env = production_env(
        collected_static, DATABASE_URL=private_db.url, ELASTICSEARCH_URL="", PROVIDER_IMPORT_DIR=imports
    )
    before = private_db.query(ORGANISATIONS)[0][0]
    job_status = "SELECT status, error FROM providers_import_importjob WHERE id = '{pk}'"
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "imports", "--no-reload", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=(tmp_path / "worker.log").open("wb"),  # read as `log` below
        stderr=subprocess.STDOUT,
    )
    log = tmp_path / "worker.log"
    try:
        # Idle, the worker polls its queue: the database goes away under it and comes back.
        private_db.stop()
        until(lambda: "the worker waits for it" in log.read_text(), 30, "the worker to notice")
        private_db.start()
        assert worker.poll() is None, log.read_text()[-3000:]

        # Busy: the import it runs is cut, and the job says so once the database is back.
        with private_db.writes_held(TABLE):
            pk = manage_shell(env, ENQUEUE.format(path=str(registry))).splitlines()[-1]
            until(lambda: private_db.waits_to_write(TABLE), 60, "the import to write")
            private_db.stop()
        until(lambda: "The database is not answering" in log.read_text(), 30, "the import to fail")
        private_db.start()
        until(lambda: private_db.query(job_status.format(pk=pk))[0][0] == "checked", 120, "the job's outcome")
        assert worker.poll() is None, log.read_text()[-3000:]
        assert "ничего не изменено" in private_db.query(job_status.format(pk=pk))[0][1]
        assert private_db.query(ORGANISATIONS)[0][0] == before

        manage_shell(env, APPLY_AGAIN.format(pk=pk))  # what «Import» on the job's page does
        until(lambda: private_db.query(job_status.format(pk=pk))[0][0] == "done", 300, "the import again")
        assert private_db.query(ORGANISATIONS)[0][0] > before
    finally:
        worker.terminate()
        worker.wait(timeout=30)
