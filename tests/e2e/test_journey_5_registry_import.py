"""Journey 5. A registry operator uploads a spreadsheet with bad rows in the admin → the background check shows
the preview (what will be created, which rows are rejected and why) → imports → the good rows are public: the
finder and /api/v1/providers list them and the provider page shows them on its map; the bad rows are nowhere.

The import runs as on the real site: a background job of django-tasks' database worker (`import_worker` in
tests/e2e/conftest.py, as in tests/e2e/test_registry_import.py), over the committed demo.
"""

import time
from urllib.parse import urlencode

import pytest

from tests.e2e.conftest import admin_log_in, registry_operator
from tests.e2e.journeys import timed
from tests.providers_map.exchange.importing.helpers import FIXTURES

pytestmark = pytest.mark.e2e

SPREADSHEET = FIXTURES / "registry_cp1251_semicolon.csv"  # Windows-1251, «;»: 13 rows, 4 good, 9 bad
PASSWORD = "journey-operator-pw"
CENTRE, PARTNER = "ГБУ НСО «Областной центр ранней помощи»", "АНО «Шаг навстречу»"
CENTRE_OGRN = "1025400000010"
# The places of the good rows (locality, address); the bad rows are at ул. Мира, 3–8 and ул. Гоголя, 1–2.
GOOD_PLACES = {
    ("Новосибирск", "ул. Ленина, д. 1"),
    ("г. Бердск", "ул. Ленина, д. 1"),
    ("Новосибирск", "пр. Карла Маркса, 5"),
    ("с. Неизвестное-Тестовое", "ул. Школьная, 1"),
}
BAD_INNS = ["5400000037", "5400000043", "5400000050", "5400000068", "5400000075", "5400000082", "5400000090"]
FILE_NAMES = {CENTRE, PARTNER, "ГБУ НСО «Центр ранней помощи»"}
SEARCH_WAIT = 60  # seconds for the search update that follows the import (a background task of its own)


@pytest.fixture(scope="module")
def operator(import_worker, django_db_blocker):
    return registry_operator(django_db_blocker, "journey-operator", PASSWORD)


def listed_by_api(page, base_url):
    """(name, locality, address) of every place from the file that /api/v1/providers lists, as the browser reads it."""
    found, number = set(), 1
    while True:
        query = urlencode({"region": "54", "page_size": 100, "page": number})
        response = page.request.get(f"{base_url}/api/v1/providers?{query}")
        assert response.ok, response.text()
        data = response.json()
        found |= {
            (card["full_name"], card["locality"], card["address"])
            for card in data["results"]
            if card["full_name"] in FILE_NAMES
        }
        if number >= data["pages"]:
            return found
        number += 1


def test_operator_imports_a_spreadsheet_and_the_good_rows_are_on_the_map(page, finder_url, operator):
    from providers_map.models import Organisation

    page.set_default_timeout(30_000)
    before = Organisation.objects.count()
    with timed("5. Registry operator: spreadsheet with bad rows → preview → import → map"):
        admin_log_in(page, finder_url, "journey-operator", PASSWORD)
        page.get_by_role("link", name="Импорт реестра").first.click()
        page.wait_for_url("**/admin/providers-import/")
        page.set_input_files("#id_file", str(SPREADSHEET))
        page.get_by_role("button", name="Проверить файл").click()

        # The check runs in the background; its preview lists what will be created and every bad row.
        page.get_by_role("heading", name="Новые организации", exact=False).wait_for(timeout=120_000)
        assert page.get_by_text("Это только проверка").is_visible()
        counts = dict(
            zip(
                page.locator(".import-counts dt").all_inner_texts(),
                page.locator(".import-counts dd").all_inner_texts(),
                strict=True,
            )
        )
        assert (counts["Строк в файле"], counts["Строк принято"], counts["Строк отклонено"]) == ("13", "4", "9")
        assert counts["Организаций будет создано"] == "3"
        new = page.locator("table.listing").first.locator("tbody tr td:first-child").all_inner_texts()
        assert sorted(new) == sorted([CENTRE, PARTNER, "ГБУ НСО «Центр ранней помощи»"])
        assert page.get_by_role("heading", name="Отклонённые строки и предупреждения").is_visible()
        problems = {}
        for row in page.locator("table.listing").last.locator("tbody tr").all():
            number, column, value, reason, kind = row.locator("td").all_inner_texts()
            problems.setdefault(int(number or 0), []).append((column, value, reason, kind))
        assert {n for n, found in problems.items() if any(p[3] == "строка отклонена" for p in found)} == set(
            range(5, 14)
        )
        assert problems[5][0][0] == "ИНН" and "контрольная цифра" in problems[5][0][2]
        assert problems[6][0][:2] == ("Широта", "10.5") and "за пределами России" in problems[6][0][2]
        assert ("Услуги", "иппотерапия") in {p[:2] for p in problems[8]}
        assert Organisation.objects.count() == before  # the check writes nothing

        page.get_by_role("button", name="Импортировать").click()
        page.get_by_text("Импорт завершён").wait_for(timeout=120_000)
        created = page.get_by_role("heading", name="Созданные организации", exact=False)
        assert created.inner_text().endswith("(3)")
        assert Organisation.objects.count() == before + 3
        assert not Organisation.objects.filter(inn__in=BAD_INNS).exists()

        # A visitor: the finder lists the new entries once the search has followed the import …
        page.context.clear_cookies()
        deadline = time.monotonic() + SEARCH_WAIT
        while True:
            page.goto(finder_url + "/providers/?" + urlencode({"q": "Областной центр ранней помощи"}))
            titles = page.locator(".finder-card__title").all_inner_texts()
            if any("Областной центр ранней помощи" in title for title in titles):
                break
            assert time.monotonic() < deadline, f"the imported centre is not in the finder: {titles}"
            time.sleep(1)
        listed = listed_by_api(page, finder_url)
        assert {(locality, address) for _, locality, address in listed} == GOOD_PLACES, listed
        assert {name for name, *_ in listed} == FILE_NAMES  # the good row named like the bad ones is listed too

        # … and the provider page shows each of its addresses on the map.
        centre = Organisation.objects.get(ogrn=CENTRE_OGRN, live=True)
        page.goto(finder_url + centre.get_absolute_url())
        page.wait_for_selector("#provider-map .leaflet-marker-icon")
        assert page.locator("#provider-map .leaflet-marker-icon").count() == centre.locations.count() == 2
