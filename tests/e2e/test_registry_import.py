"""An operator imports a 5 000-row registry file in the admin, in a real Chromium, with the real worker.

The background worker is django-tasks' database worker (`db_worker --backend imports`) running in a thread
of this process against the test database. What the import creates is removed afterwards, so the committed
demo the other browser tests use stays as it was.
"""

import threading

from django.db import connection
from django.test import override_settings

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e

ROWS = 5000
PASSWORD = "import-operator-pw"


@pytest.fixture(scope="module")
def import_setup(committed_demo, django_db_blocker, tmp_path_factory):
    """A registry operator, a 5 000-row file and a running worker; afterwards everything they made is removed."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from django_tasks_db.management.commands.db_worker import Worker

    from providers_map.importing.models import ImportJob
    from providers_map.models import Organisation
    from tests.providers_map.registry_file import generate

    folder = tmp_path_factory.mktemp("imports")
    with django_db_blocker.unblock(), override_settings(PROVIDER_IMPORT_DIR=folder):
        existing = set(Organisation.objects.values_list("pk", flat=True))
        user = get_user_model().objects.create_user("import-operator", "import-operator@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name="Операторы реестра"))
        path = folder / "registry-5000.csv"
        path.write_bytes(generate(ROWS))
        worker = Worker(
            queue_names=["default"],
            interval=0.2,
            batch=False,
            backend_name="imports",
            startup_delay=False,
            max_tasks=None,
            worker_id="e2e-import-worker",
            excluded_queue_names=[],
        )

        def work():
            try:
                worker.run()
            finally:
                connection.close()

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        try:
            yield {"path": path, "user": user}
        finally:
            worker.running = False  # it finishes the task at hand (the search update that follows an import)
            thread.join(timeout=900)
            Organisation.objects.exclude(pk__in=existing).delete()
            ImportJob.objects.filter(user=user).delete()
            user.delete()


def test_operator_uploads_5000_rows_sees_progress_then_the_report(import_setup, site_url, page):
    page.set_default_timeout(30_000)
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "import-operator")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.get_by_role("link", name="Импорт реестра").first.click()
    page.set_input_files("#id_file", str(import_setup["path"]))
    page.get_by_role("button", name="Проверить файл").click()

    # The check runs in the background: a progress page, then the preview with the changes.
    page.wait_for_selector("#import-progress")
    assert page.get_by_role("heading", name="Проверка файла").is_visible()
    page.get_by_role("heading", name="Новые организации", exact=False).wait_for(timeout=240_000)
    preview = page.content()
    assert "Это только проверка" in preview and "Отклонённые строки и предупреждения" in preview
    assert page.locator(".import-counts").inner_text().count(str(ROWS)) >= 1

    # The import itself: progress with rows, rate and time left while it runs, then the report.
    page.get_by_role("button", name="Импортировать").click()
    page.wait_for_selector("#import-progress")
    assert page.get_by_role("heading", name="Импорт файла").is_visible()
    seen = set()
    for _ in range(2400):
        if page.locator("#import-progress").count() == 0:
            break
        text = page.locator("#import-progress-text").inner_text()
        seen.add(text)
        page.wait_for_timeout(100)
    assert any("из примерно" in text and "строк/с" in text for text in seen), seen
    page.get_by_text("Импорт завершён").wait_for(timeout=240_000)
    report = page.content()
    assert "Созданные организации" in report and "Скачать отчёт" in report
    assert "строка отклонена" in report  # the file's bad rows, each with its row, column, value and reason
    assert axe_violations(page) == []
