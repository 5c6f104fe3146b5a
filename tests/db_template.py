"""A migrated PostgreSQL template that test databases are cloned from, instead of each migrating on its own.

Migrating the project's 233 migrations takes about 20 s of one core; every pytest process (each parallel worker)
did it, side by side. Now one process (`python -m tests.db_template`, which scripts/test.sh starts beside pytest,
or else the first worker) migrates a template named after a hash of every migration file, under a PostgreSQL
advisory lock the others wait on; each test database is then created from it
(`CREATE DATABASE … TEMPLATE`, under the same lock, since PostgreSQL refuses to copy a database being read), and
Django's own migrate finds nothing left to apply. A changed migration gives a new name, so a template is never
stale; older templates are dropped when a new one is made.
"""

import hashlib
from pathlib import Path

LOCK_KEY = 0x706F7274616C  # any fixed 64-bit number: "portal"


def migrations_hash():
    """A digest of every installed app's migration files (their names and contents)."""
    from django.apps import apps

    digest = hashlib.sha256()
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        for path in sorted(Path(app.path, "migrations").glob("*.py")):
            digest.update(f"{app.label}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class TemplateLock:
    """A session-level advisory lock on its own connection (held from the template's check to the clone)."""

    def __init__(self, connection):
        import psycopg2

        params = connection.get_connection_params()
        try:
            self._connection = psycopg2.connect(**{**params, "dbname": "postgres"})
        except psycopg2.OperationalError:  # no maintenance database here: the project's own will do
            self._connection = psycopg2.connect(**params)
        self._connection.autocommit = True

    def __enter__(self):
        with self._connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        return self

    def release(self):
        if self._connection.closed:
            return
        with self._connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        self._connection.close()

    def __exit__(self, *exc_info):
        self.release()


def ensure_template(connection):
    """The name of a migrated template for this set of migrations, made now if there is none (call under the
    lock). Django's migrate runs on it as on a test database; what post_migrate adds is in it too."""
    from django.core.management import call_command

    base_name = f"test_{connection.settings_dict['NAME']}"  # named like the test databases cloned from it
    name = f"{base_name}_tpl_{migrations_hash()}"
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:  # on the maintenance database
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{base_name}\\_tpl\\_%"])
        existing = {row[0] for row in cursor.fetchall()}
        if name in existing:
            return name
        for stale in existing:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(stale)}")
        cursor.execute(f"CREATE DATABASE {quote(name + '_partial')}")
    settings_dict = connection.settings_dict
    original = settings_dict["NAME"]
    connection.close()
    settings_dict["NAME"] = name + "_partial"
    try:
        call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
    finally:
        connection.close()
        settings_dict["NAME"] = original
    with connection._nodb_cursor() as cursor:  # on the maintenance database
        # renamed only once complete: an interrupted run leaves a `_partial` that the next run drops
        cursor.execute(f"ALTER DATABASE {quote(name + '_partial')} RENAME TO {quote(name)}")
    return name


def main():
    """Build the template ahead of the suite: scripts/test.sh starts this beside pytest's start-up (collection),
    so the first worker to need a test database waits less, or not at all, under the same lock."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    django.setup()
    from django.db import connection

    if connection.vendor == "postgresql":
        with TemplateLock(connection):
            print(ensure_template(connection))


if __name__ == "__main__":
    main()
