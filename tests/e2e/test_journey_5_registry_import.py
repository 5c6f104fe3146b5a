"""Journey 5. A registry operator uploads a spreadsheet with bad rows in the admin → sees the check (what will be
created, which rows are rejected and why) → imports → the good rows are public, on the map."""

import pytest

from tests.e2e.journeys import timed
from tests.providers_map.import_helpers import FIXTURES

pytestmark = pytest.mark.e2e

SPREADSHEET = FIXTURES / "registry_cp1251_semicolon.csv"


@pytest.fixture
def operator(transactional_db, live_server):
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal import demo_core
    from providers_map.editor.setup import set_up_registry_editing

    demo_core.ensure_taxonomies()
    set_up_registry_editing(apps.get_model)  # live-server tests flush what migrations created
    user = get_user_model().objects.create_user("operator", "operator@example.org", "operator-pw")
    user.groups.add(Group.objects.get(name="Операторы реестра"))
    return user


def test_operator_imports_a_spreadsheet_and_the_good_rows_are_on_the_map(page, live_server, operator):
    from providers_map.models import Organisation

    before = Organisation.objects.count()
    with timed("5. Registry operator: spreadsheet with bad rows → check → import → map"):
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "operator")
        page.fill("#id_password", "operator-pw")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

        page.get_by_role("link", name="Импорт реестра").click()
        page.wait_for_url("**/admin/providers-import/")
        page.locator("input[type=file]").set_input_files(str(SPREADSHEET))
        page.get_by_role("button", name="Проверить файл").click()

        page.wait_for_selector("text=Это только проверка")
        counts = dict(
            zip(
                page.locator(".import-counts dt").all_inner_texts(),
                page.locator(".import-counts dd").all_inner_texts(),
                strict=True,
            )
        )
        assert int(counts["Строк принято"]) >= 3 and int(counts["Строк отклонено"]) >= 3
        problems = page.locator("table.listing").last
        assert problems.get_by_text("иппотерапия").count() >= 1
        assert Organisation.objects.count() == before  # the check writes nothing

        page.get_by_role("button", name="Импортировать").click()
        page.wait_for_selector("text=Импорт завершён")
        assert Organisation.objects.count() == before + int(counts["Организаций будет создано"])

        page.goto(live_server.url + "/providers/")
        names = page.locator(".registry-item__title").all_inner_texts()
        assert any("Областной центр ранней помощи" in name for name in names)
        organisation = Organisation.objects.get(ogrn="1025400000010", live=True)
        page.goto(live_server.url + organisation.get_absolute_url())
        page.wait_for_selector("#provider-map .leaflet-marker-icon")
        assert page.locator("#provider-map .leaflet-marker-icon").count() == organisation.locations.count()
