"""Nothing stored, under the production settings (a subprocess with portal.settings.production and LOG_LEVEL=DEBUG
on the test database with the committed demo): answering writes no database row, no log line of any logger holds
an answer or the answer link, no cookie is set, and the reminder holds a date and a link only."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

from django.db import connection

import pytest
from icalendar import Calendar

from tests.conftest import require_service

pytestmark = pytest.mark.xdist_group("selfcheck-privacy")  # one probe for both tests
ROOT = Path(__file__).resolve().parents[2]
WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE", "COPY")


@pytest.fixture(scope="module")
def probe(committed_demo):
    # The probe reaches the test database from another process: PostgreSQL (SQLite's test database is in memory).
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL, e.g. `make services`")
    db = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if key not in {"ELASTICSEARCH_URL", "CACHE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        SECRET_KEY="production-probe-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP",
        ALLOWED_HOSTS="portal.example",
        WAGTAILADMIN_BASE_URL="https://portal.example",
        LOG_LEVEL="DEBUG",
        PYTHONWARNINGS="ignore",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.selfcheck.production_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_answering_writes_nothing_logs_no_answer_and_sets_no_cookie(probe):
    found, stderr = probe
    assert found["statuses"] == [302, 200, 302, 200, 200, 400, 400]
    assert "стоит поговорить со специалистом" in found["result_html"]  # the parent did get the result
    assert [sql for sql in found["statements"] if sql.lstrip().upper().startswith(WRITES)] == []
    assert found["cookies"] == []
    lines = found["log_lines"]
    assert any(line.startswith("django.request WARNING Bad Request") for line in lines)  # the capture works
    token = unquote(found["token"])
    secrets = [token, token.split(":")[0], token.split(":")[1], "not_yet", "q1=", "s1="]
    logged = "\n".join(found["log_lines"]) + stderr
    leaks = [line for line in logged.splitlines() if any(secret in line for secret in secrets)]
    assert leaks == []


def test_the_reminder_holds_only_a_date_and_a_link(probe):
    found, _stderr = probe
    calendar = Calendar.from_ical(found["ics"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["url"]) == "https://portal.example/self-check/30-months/"
    offered = re.search(r"reminder\.ics\?checkpoint=30&amp;on=(\d{4}-\d\d-\d\d)", found["result_html"])[1]
    assert event.decoded("dtstart").isoformat() == offered
    text = found["ics"]
    token = unquote(found["token"])
    assert token.split(":")[0] not in text and "not_yet" not in text and "Бердск" not in text
    for milestone_word in ("Говорит", "Показывает", "Бегает"):
        assert milestone_word not in text
