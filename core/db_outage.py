"""PostgreSQL that stops answering for a while (a restart, a fail-over, no free connections).

Requests then get 503 with Retry-After instead of a 500 (`core.errors.server_error`), and the next request
after the database is back is served as usual: persistent connections are health-checked (CONN_MAX_AGE with
conn_health_checks), so no process needs a restart. Background work waits for the database to come back
(`wait_for_database`) before it records what happened.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connection, connections

logger = logging.getLogger(__name__)

# What the driver raises while the server is unreachable, restarting ("the database system is starting up") or
# has dropped the connection.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before trying again (about what a restart of PostgreSQL takes).
RETRY_AFTER_SECONDS = 10
# How long background work waits for the database before it gives up.
WAIT_SECONDS = 300


def is_database_unavailable(exc):
    return isinstance(exc, DATABASE_UNAVAILABLE)


def wait_for_database(timeout=WAIT_SECONDS, interval=1.0):
    """Drop this thread's broken connections and reconnect until the database answers; False after `timeout`."""
    # An OperationalError does not always cost the connection (a lock timeout, a cancelled statement): one that
    # still answers is kept, with whatever transaction encloses it.
    if connection.connection is not None and connection.is_usable():
        return True
    deadline = time.monotonic() + timeout
    while True:
        connections.close_all()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True
        except DATABASE_UNAVAILABLE as exc:
            if time.monotonic() >= deadline:
                return False
            logger.warning("The database is not answering (%s); trying again in %s s", exc, interval)
            time.sleep(interval)
