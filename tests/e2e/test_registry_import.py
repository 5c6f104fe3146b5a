"""An operator imports a 5 000-row registry file in the admin, in a real Chromium, with the real worker.

The background worker is django-tasks' database worker (`db_worker --backend imports`) running in a thread
of this process against the test database (`import_worker` in tests/e2e/conftest.py). What the import creates
is removed afterwards, so the committed demo the other browser tests use stays as it was.
"""

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import admin_log_in, axe_violations, registry_operator

pytestmark = pytest.mark.e2e

ROWS = 5000
PASSWORD = "import-operator-pw"


@pytest.fixture(scope="module")
def import_setup(import_worker, django_db_blocker):
    """A registry operator and a 5 000-row file, with the worker running."""
    from tests.providers_map.exchange.importing.registry_file import generate

    user = registry_operator(django_db_blocker, "import-operator", PASSWORD)
    path = import_worker / "registry-5000.csv"
    path.write_bytes(generate(ROWS))
    return {"path": path, "user": user}


@pytest.mark.slow
def test_operator_uploads_5000_rows_sees_progress_then_the_report(import_setup, site_url, page):
    page.set_default_timeout(30_000)
    admin_log_in(page, site_url, "import-operator", PASSWORD)

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
        # read without waiting: the progress block disappears when the page turns into the report
        try:
            text = page.evaluate("() => document.querySelector('#import-progress-text')?.textContent ?? null")
        except PlaywrightError:  # the page was navigating (a refresh of the progress page, or the report)
            page.wait_for_load_state()
            continue
        if text is None:
            break
        seen.add(" ".join(text.split()))
        page.wait_for_timeout(100)
    assert any("из примерно" in text and "строк/с" in text for text in seen), seen
    page.get_by_text("Импорт завершён").wait_for(timeout=240_000)
    report = page.content()
    assert "Созданные организации" in report and "Скачать отчёт" in report
    assert "строка отклонена" in report  # the file's bad rows, each with its row, column, value and reason
    assert axe_violations(page) == []
