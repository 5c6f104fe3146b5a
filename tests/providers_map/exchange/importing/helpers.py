"""Helpers shared by the import/export tests."""

import csv
import io
import os
from pathlib import Path

from django.core.management import call_command

from tests.providers_map.factories import valid_inn

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def run_command(name, *args):
    """Run a management command; return (exit code, stdout + stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue() + err.getvalue()


def read_report(path):
    raw = Path(path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the report must open in Excel: UTF-8 with BOM"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    return rows[0], rows[1:]


def problems_by_row(report_rows):
    found = {}
    for row, column, value, reason, kind in report_rows:
        found.setdefault(int(row), []).append((column, value, reason, kind))
    return found


def registry_snapshot():
    """Everything the registry holds that an export carries, per organisation key (order included)."""
    from providers_map.exchange.importing.planning import comparable
    from providers_map.exchange.importing.snapshot import LOCATION_FIELDS, ORGANISATION_FIELDS
    from providers_map.models import Organisation

    data = {}
    organisations = Organisation.objects.prefetch_related("locations", "services__concerns", "services__languages")
    for organisation in organisations:
        locations = [
            tuple((name, comparable(name, getattr(loc, name))) for name in LOCATION_FIELDS)
            for loc in sorted(organisation.locations.all(), key=lambda loc: (loc.sort_order or 0, loc.pk))
        ]
        services = [
            (
                s.service_type_id,
                s.description,
                s.age_min_months,
                s.age_max_months,
                sorted(c.pk for c in s.concerns.all()),
                sorted(lang.pk for lang in s.languages.all()),
            )
            for s in sorted(organisation.services.all(), key=lambda s: (s.sort_order or 0, s.pk))
        ]
        data[organisation.import_key] = (
            tuple((name, comparable(name, getattr(organisation, name))) for name in ORGANISATION_FIELDS),
            organisation.live,
            services,
            locations,
        )
    return data


def write_csv(tmp_path, rows, header=None, name="file.csv", encoding="utf-8-sig", delimiter=";"):
    from providers_map.exchange.importing.columns import HEADERS

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header or HEADERS)
    for row in rows:
        writer.writerow([row.get(h, "") for h in (header or HEADERS)])
    path = Path(tmp_path) / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def base_row(**values):
    row = {
        "Полное наименование": "АНО «Тестовый центр»",
        "ИНН": valid_inn(900),
        "Форма собственности": "некоммерческая",
        "Ведомство": "социальная защита",
        "Описание": "Помогаем семьям.",
        "Как получить помощь": "Позвоните нам.",
        "Регион": "Новосибирская область",
        "Населённый пункт": "Новосибирск",
        "Адрес": "ул. Ленина, 1",
    }
    row.update(values)
    return row


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def run_import_tasks():
    """Run the import tasks waiting in the database queue, as `db_worker --backend imports` would; return how many.

    (The worker's own loop closes database connections between tasks, which a test transaction cannot allow.)
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="imports",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    count = 0
    while (task := DBTaskResult.objects.ready().filter(backend_name="imports").get_locked()) is not None:
        task.claim(worker.worker_id)
        worker.run_task(task)
        task.refresh_from_db()
        assert task.status == "SUCCESSFUL", task.traceback
        count += 1
    return count
