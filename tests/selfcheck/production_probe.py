"""Run as `python -m tests.selfcheck.production_probe` with DJANGO_SETTINGS_MODULE=portal.settings.production,
LOG_LEVEL=DEBUG (the most verbose logging the settings allow) and DATABASE_URL pointing at a database with the demo
(test_privacy.py does). A parent goes through the self-check while every SQL statement and every log record the
configured loggers emit (SQL included) is captured; prints one JSON line with what was captured for the test.

Imports are inside main(): Django must be set up with the production settings first. The one setting changed is
the static files' storage: production's needs collectstatic's manifest, a deployment step that has nothing to do
with what is stored or logged.
"""

import json
import logging
import re
import sys

SPEECH_NOT_YET = 2  # how many speech milestones the parent answers «Пока нет»


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(f"{record.name} {record.levelname} {record.getMessage()}")


def capture_every_logger():
    """One more handler wherever the configuration sends records: the root and every logger that does not
    propagate (levels are left as the settings made them)."""
    handler = Capture()
    logging.getLogger().addHandler(handler)
    for name in list(logging.root.manager.loggerDict):
        logger = logging.getLogger(name)
        if not logger.propagate:
            logger.addHandler(handler)
    return handler


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from selfcheck.models import MilestoneChecklist

    checklist = MilestoneChecklist.objects.get(months=24, live=True)
    answers = {}
    speech = 0
    for position, milestone in enumerate(checklist.ordered_milestones, 1):
        not_yet = milestone.area == "communication" and speech < SPEECH_NOT_YET
        speech += not_yet
        answers[f"q{position}"] = "not_yet" if not_yet else "yes"
    plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    plain_static = {**settings.STORAGES, "staticfiles": plain_static}
    override_settings(STORAGES=plain_static).enable()
    logs = capture_every_logger()
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="portal.example")
    responses = []
    with CaptureQueriesContext(connection) as queries:
        responses.append(client.get("/self-check/", {"months": "24", "where": "Бердск"}))
        responses.append(client.get(responses[-1]["Location"]))
        version = re.search(r'name="v" value="(\w+)"', responses[-1].content.decode())[1]
        submitted = {"v": version, "months": "24", "where": "Бердск", "s1": "1", **answers}
        responses.append(client.get("/self-check/24-months/result/", submitted))
        result_url = responses[-1]["Location"]
        responses.append(client.get(result_url))
        reminder = re.search(r'href="(/self-check/reminder\.ics[^"]+)"', responses[-1].content.decode())[1]
        responses.append(client.get(reminder.replace("&amp;", "&")))
        # a forged and an outdated-looking link: refused, and the refusal logged by Django (4xx) — without them
        responses.append(client.get(result_url.replace("a=A", "a=B")))
        responses.append(client.get("/self-check/24-months/result/", {**submitted, "v": "00000000"}))
    token = re.search(r"[?&]a=([^&]+)", result_url)[1]
    connection.close()  # end the session now: the test database is dropped when the run ends
    print(
        json.dumps(
            {
                "statuses": [response.status_code for response in responses],
                "cookies": sorted({name for response in responses for name in response.cookies}),
                "statements": [query["sql"] for query in queries.captured_queries],
                "log_lines": logs.lines,
                "submitted": submitted,
                "token": token,
                "result_html": responses[3].content.decode(),
                "ics": responses[4].content.decode(),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
