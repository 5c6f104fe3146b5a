"""A throwaway PostgreSQL cluster of a test's own, so the shared one is never restarted: initialised in a temporary
folder (as the unprivileged service user when the tests run as root: initdb refuses root), on a free port,
loaded with a copy of the test database, and stopped and started by the test at will."""

import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

import psycopg2

from tests.deploy.servers import database_url, free_port

SERVICE_USER = os.environ.get("SERVICE_USER", "earlycare")
DATABASE = "portal"


def pg_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PrivatePostgres:
    def __init__(self):
        self.bindir = pg_bindir()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-private-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"

    @property
    def url(self):
        return f"postgres://portal@127.0.0.1:{self.port}/{DATABASE}"

    def _as_owner(self, *command):
        runner = ["runuser", "-u", SERVICE_USER, "--"] if os.getuid() == 0 else []
        return subprocess.run([*runner, *command], capture_output=True, text=True, timeout=120, check=True)

    def create(self, source_settings):
        """initdb, start, and restore a dump of the database `source_settings` describes."""
        if os.getuid() == 0:
            shutil.chown(self.folder, SERVICE_USER)
        self._as_owner(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "portal", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self.start()
        self._as_owner(str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "portal", DATABASE)
        dump = subprocess.Popen(
            [str(self.bindir / "pg_dump"), "--format=custom", "--no-owner", database_url(source_settings)],
            stdout=subprocess.PIPE,
        )
        restore = subprocess.run(
            [str(self.bindir / "pg_restore"), "--no-owner", "--dbname", self.url],
            stdin=dump.stdout,
            capture_output=True,
            text=True,
            timeout=300,
        )
        dump.stdout.close()
        assert dump.wait(timeout=60) == 0 and restore.returncode == 0, restore.stderr[-2000:]
        return self

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._as_owner(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options,
            "start",
        )  # fmt: skip

    def stop(self):
        """A fast shutdown, as a restart by an administrator does: open sessions are cut at once."""
        self._as_owner(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def query(self, sql):
        with closing(psycopg2.connect(self.url)) as connection, connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    @contextmanager
    def writes_held(self, table):
        """Other sessions can read `table` but wait to write it (SHARE lock) until the block ends or the server
        stops: an import is caught in its write phase, whatever the machine's speed."""
        holder = psycopg2.connect(self.url)
        try:
            with holder.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
            yield
        finally:
            try:
                holder.close()
            except psycopg2.Error:
                pass  # the server went away under it

    def waits_to_write(self, table):
        """True while another session waits for the lock `writes_held` keeps."""
        waiting = f"SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '{table}'::regclass"
        return self.query(waiting)[0][0] > 0
