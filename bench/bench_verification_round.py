"""Verification round benchmark: queue and send a round of 20 000 messages to a local SMTP server.

    .venv/bin/python bench/bench_verification_round.py [--entries 20000]

In a fresh benchmark database (PostgreSQL behind DATABASE_URL, cloned from the tests' migrated template; the
registry there is never touched): 20 000 published entries due for verification, each with its own address.
A real SMTP server (aiosmtpd, accepting and discarding) runs in a process of its own on loopback. The round
runs as the mail worker runs it (`tasks.send_round`'s body): first it queues one message per entry (bulk
writes), then it renders each message (plain text and HTML) and sends it over one SMTP connection, writing
outcomes and progress per batch. Prints the time of each phase, messages per second, and the CPU time.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["ELASTICSEARCH_URL"] = ""

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from providers_map.models import Organisation  # noqa: E402
from providers_map.verification import rounds  # noqa: E402
from providers_map.verification.models import Message  # noqa: E402
from tests.db_template import ensure_template  # noqa: E402
from tests.providers_map.verification.smtp import free_port  # noqa: E402

settings.DEBUG = False  # as in production: no query log
BATCH = 2000


def make_entries(count):
    long_ago = timezone.localdate() - timedelta(days=400)
    batch = []
    for n in range(count):
        batch.append(
            Organisation(
                name=f"Центр ранней помощи «Бенч-{n}»",
                slug=f"bench-{n}",
                ownership="state",
                sector="social",
                inn=f"{n:010d}",
                email=f"centre-{n}@bench.example.org",
                phones="+73832223344",
                description="Помогаем семьям с малышами.",
                how_to_get_help="Позвоните нам.",
                verified_at=long_ago,
                live=True,
            )
        )
        if len(batch) == BATCH:
            Organisation.objects.bulk_create(batch)
            batch = []
    Organisation.objects.bulk_create(batch)


def smtp_server(port):
    """aiosmtpd in its own process, accepting every message and discarding it (no parsing in our process)."""
    command = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"]
    server = subprocess.Popen(command)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit(f"the SMTP server did not start on port {port}")


def bench(entries):
    started = time.perf_counter()
    make_entries(entries)
    print(f"   {entries} entries due, made in {time.perf_counter() - started:.1f} s")
    port = free_port()
    server = smtp_server(port)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 10
    settings.PORTAL_BASE_URL = "https://portal.example"
    try:
        round_ = rounds.start_round()
        round_.status, round_.started_at = round_.Status.SENDING, timezone.now()
        round_.save()
        wall, cpu = time.perf_counter(), time.process_time()
        queued = rounds.queue_round(round_)
        queue_wall, queue_cpu = time.perf_counter() - wall, time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        counts = rounds.deliver(round_.messages.filter(status=Message.Status.QUEUED), round_)
        send_wall, send_cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        server.terminate()
        server.wait(timeout=10)
    sent = counts[Message.Status.SENT]
    print(f"   queue: {queued} messages written in {queue_wall:.1f} s (CPU {queue_cpu:.1f} s)")
    print(
        f"   send:  {sent} sent, {counts[Message.Status.REFUSED]} refused, {counts[Message.Status.FAILED]} not sent "
        f"in {send_wall:.1f} s = {sent / send_wall:.0f} messages/s (CPU {send_cpu:.1f} s)"
    )
    print(f"   round of {queued}: {queue_wall + send_wall:.1f} s to queue and send")
    return sent == queued == entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (`make services`).")
    settings_db = connection.settings_dict
    settings_db.setdefault("TEST", {})["NAME"] = f"bench_verification_{settings_db['NAME']}"[:60]
    settings_db["TEST"]["TEMPLATE"] = ensure_template(connection)
    print(f"== fresh benchmark database {settings_db['TEST']['NAME']} (PostgreSQL)")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        ok = bench(args.entries)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
