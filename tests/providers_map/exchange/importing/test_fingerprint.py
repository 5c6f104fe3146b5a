"""An unchanged re-run is recognised from what the last import read, and only while nothing changed since."""

import pytest

from providers_map.exchange.importing import fingerprint
from providers_map.exchange.importing.pipeline import run_import_path
from providers_map.exchange.models import ImportedState
from providers_map.models import Organisation
from tests.providers_map.exchange.importing.helpers import base_row, write_csv
from tests.providers_map.factories import valid_inn

pytestmark = pytest.mark.django_db


@pytest.fixture
def spy(monkeypatch):
    """Which groups the run took from the stored state (their rows are not cleaned again)."""
    found = []
    original = fingerprint.fresh_plans

    def fresh_plans(groups, context, *more):
        result = original(groups, context, *more)
        found.append(set(result))
        return result

    monkeypatch.setattr(fingerprint, "fresh_plans", fresh_plans)
    return found


def rows():
    return [
        base_row(),
        base_row(**{"Адрес": "ул. Мира, 5", "Телефоны": "12-34"}),  # rejected: a bad phone
        base_row(**{"Адрес": "ул. Мира, 7", "Населённый пункт": "с. Неизвестное-Тестовое"}),  # warning: no point
    ]


def test_an_unchanged_re_run_replays_the_problems_with_todays_row_numbers(tmp_path, spy):
    first = run_import_path(write_csv(tmp_path, rows()))
    assert first.created == 1 and ImportedState.objects.count() == 1
    # the same rows, now after an empty line and with another organisation's row between them
    other = base_row(**{"ИНН": valid_inn(901), "Полное наименование": "Другая"})
    again = run_import_path(write_csv(tmp_path, [{}, rows()[0], other, rows()[1], rows()[2]]))
    assert spy[-1] == {first.plans[0].key}
    assert (again.created, again.unchanged, again.rows_rejected, again.exit_code) == (1, 1, 1, 1)
    assert {(p.row, p.column, p.kind) for p in again.problems} == {(5, "phones", "error"), (6, "locality", "warning")}
    unchanged = next(plan for plan in again.plans if plan.action == "unchanged")
    assert unchanged.rows == [3, 6] and unchanged.rejected == [
        {"row": 5, "kind": "location", "what": unchanged.rejected[0]["what"]}
    ]


def test_an_edit_since_the_import_is_seen(tmp_path, spy):
    path = write_csv(tmp_path, rows())
    run_import_path(path)
    organisation = Organisation.objects.get()
    organisation.description = "Изменено в редакторе."
    revision = organisation.save_revision()
    revision.publish()
    again = run_import_path(path, dry_run=True)
    assert spy[-1] == set()
    assert again.updated == 1
    assert again.plans[0].changes == [("Описание", "Изменено в редакторе.", "Помогаем семьям.")]


def test_an_unpublished_or_locked_entry_is_not_taken_as_unchanged(tmp_path, spy, django_user_model):
    path = write_csv(tmp_path, rows())
    run_import_path(path)
    Organisation.objects.update(live=False)
    assert run_import_path(path, dry_run=True).updated == 1 and spy[-1] == set()
    Organisation.objects.update(live=True, locked=True)
    assert run_import_path(path, dry_run=True).errors and spy[-1] == set()


def test_other_reference_values_make_the_rows_new_again(tmp_path, spy):
    from core.models import Region

    path = write_csv(tmp_path, rows())
    run_import_path(path)
    Region.objects.filter(code="54").update(name="Новосибирская обл.")
    result = run_import_path(path, dry_run=True)
    assert spy[-1] == set() and result.rows_rejected == 3  # «Новосибирская область» is no longer a known region


def test_a_dry_run_stores_nothing(tmp_path):
    run_import_path(write_csv(tmp_path, rows()), dry_run=True)
    assert ImportedState.objects.count() == 0
