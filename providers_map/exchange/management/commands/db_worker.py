"""`manage.py db_worker --backend imports`: django-tasks' database worker, which outlives a database restart.

django-tasks-db's own worker exits when PostgreSQL stops answering while it looks for tasks; under a Procfile
runner (`make serve`) that also stops the web server. This one waits for the database to come back and goes on
(a task that was running records its own outcome: `jobs.run_job`). Everything else, options included, is the
library's command, which this app's command shadows (it comes before django_tasks_db in INSTALLED_APPS).
"""

import logging

from django_tasks_db.management.commands import db_worker

from core.db_outage import DATABASE_UNAVAILABLE, wait_for_database

logger = logging.getLogger("django_tasks_db")


class Command(db_worker.Command):
    help = f"{db_worker.Command.help}; it waits for the database while the database is unavailable"

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except DATABASE_UNAVAILABLE as exc:
                logger.warning("The database is unavailable (%s): the worker waits for it", exc)
                if not wait_for_database():
                    raise
