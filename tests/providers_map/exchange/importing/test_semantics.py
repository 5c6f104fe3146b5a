"""Import semantics: one transaction, idempotent upsert, what an update keeps, locked entries."""

from decimal import Decimal

from wagtail.models import Revision

import pytest

from providers_map.exchange.importing import upsert
from providers_map.exchange.importing.pipeline import run_import_path
from providers_map.models import Organisation
from tests.providers_map.exchange.importing.helpers import FIXTURES, base_row, run_command, write_csv
from tests.providers_map.factories import LocationFactory, OrganisationFactory, valid_inn

pytestmark = pytest.mark.django_db

CP1251 = FIXTURES / "registry_cp1251_semicolon.csv"


class Boom(Exception):
    pass


def fail_on_second_write(monkeypatch, exception):
    original = upsert.Writer.write_batch
    calls = []

    def write_batch(self, plans):
        calls.append([plan.key for plan in plans])
        if len(calls) == 2:
            raise exception
        return original(self, plans)

    monkeypatch.setattr(upsert, "BATCH", 1)
    monkeypatch.setattr(upsert.Writer, "write_batch", write_batch)
    return calls


@pytest.mark.parametrize("exception", [Boom("disk full"), KeyboardInterrupt()])
def test_a_failure_mid_import_leaves_the_database_unchanged(monkeypatch, exception):
    existing = OrganisationFactory(name="Уже в реестре")
    revisions = Revision.objects.count()
    calls = fail_on_second_write(monkeypatch, exception)
    with pytest.raises(type(exception)):
        run_command("import_providers", str(CP1251))
    assert len(calls) == 2  # the first organisation had been written before the failure
    assert list(Organisation.objects.all()) == [existing]
    assert Revision.objects.count() == revisions


def test_second_run_counts_nothing_changed():
    first = run_import_path(CP1251)
    assert (first.created, first.updated, first.rows_changed) == (3, 0, 4)
    second = run_import_path(CP1251)
    assert (second.created, second.updated, second.unchanged, second.rows_changed) == (0, 0, 3, 0)
    assert second.exit_code == 1  # the same rows are still rejected and reported


def test_changed_file_updates_with_a_new_published_revision(tmp_path):
    path = write_csv(tmp_path, [base_row()])
    run_import_path(path)
    organisation = Organisation.objects.get()
    assert Revision.objects.for_instance(organisation).count() == 1
    path = write_csv(tmp_path, [base_row(**{"Описание": "Новый текст.", "Адрес": "ул. Ленина, 1"})])
    result = run_import_path(path)
    assert (result.created, result.updated) == (0, 1)
    organisation.refresh_from_db()
    assert organisation.description == "Новый текст."
    assert organisation.live and not organisation.has_unpublished_changes
    assert Revision.objects.for_instance(organisation).count() == 2


def test_update_keeps_locations_missing_from_the_file_and_editor_points(tmp_path):
    organisation = OrganisationFactory(inn=valid_inn(900), name="АНО «Тестовый центр»")
    kept = LocationFactory(organisation=organisation, address="ул. Другая, 5")
    on_map = LocationFactory(
        organisation=organisation,
        address="ул. Ленина, 1",
        latitude=Decimal("55.100000"),
        longitude=Decimal("82.800000"),
        coordinates_source="editor",
    )
    path = write_csv(tmp_path, [base_row(**{"Часы работы": "Пн-Пт 10:00-17:00"})])
    result = run_import_path(path)
    assert result.updated == 1
    organisation.refresh_from_db()
    assert {loc.pk for loc in organisation.locations.all()} == {kept.pk, on_map.pk}
    on_map.refresh_from_db()
    # The file has no coordinates: the editor's point stays, it is not replaced by the gazetteer's.
    assert (on_map.latitude, on_map.longitude, on_map.coordinates_source) == (
        Decimal("55.100000"),
        Decimal("82.800000"),
        "editor",
    )
    assert on_map.opening_hours["mon"] == [["10:00", "17:00"]]


def test_coordinates_in_the_file_replace_the_point(tmp_path):
    path = write_csv(tmp_path, [base_row(**{"Широта": "55.05", "Долгота": "82.95"})])
    run_import_path(path)
    location = Organisation.objects.get().locations.get()
    assert (location.latitude, location.longitude) == (Decimal("55.050000"), Decimal("82.950000"))
    assert location.coordinates_source == "import" and not location.coordinates_approximate


def test_locked_entry_is_not_overwritten(tmp_path, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    organisation = OrganisationFactory(inn=valid_inn(900), locked=True, locked_by=editor)
    path = write_csv(tmp_path, [base_row(**{"Описание": "Другое"})])
    result = run_import_path(path)
    assert result.exit_code == 1
    assert "заблокирована" in result.errors[0].reason
    organisation.refresh_from_db()
    assert organisation.description != "Другое"


def test_inn_and_ogrn_of_different_entries_are_rejected(tmp_path):
    first = OrganisationFactory(inn=valid_inn(901))
    OrganisationFactory(inn=valid_inn(902), ogrn="1025400000010")
    path = write_csv(tmp_path, [base_row(**{"ИНН": first.inn, "ОГРН": "1025400000010"})])
    result = run_import_path(path)
    assert result.rows_rejected == 1
    assert result.errors[0].reason == "ИНН и ОГРН относятся к разным записям реестра."


def test_adding_an_ogrn_finds_the_entry_by_its_inn(tmp_path):
    organisation = OrganisationFactory(inn=valid_inn(900), name="АНО «Тестовый центр»")
    path = write_csv(tmp_path, [base_row(**{"ОГРН": "1025400000010"})])
    result = run_import_path(path)
    assert (result.created, result.updated) == (0, 1)
    organisation.refresh_from_db()
    assert organisation.ogrn == "1025400000010" and organisation.import_key == "1025400000010"


def test_drafts_created_by_import_are_never_left_unpublished():
    run_import_path(CP1251)
    assert not Organisation.objects.filter(live=False).exists()
    assert not Organisation.objects.filter(has_unpublished_changes=True).exists()


def test_the_sites_search_knows_imported_entries_after_the_import(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    from search.models import SearchRecord

    settings.ELASTICSEARCH_URL = ""  # the database records are what is checked here
    path = write_csv(tmp_path, [base_row(**{"Краткое наименование": "Центр «Импорт»"})])
    with django_capture_on_commit_callbacks(execute=True):
        result = run_import_path(path)
    organisation = Organisation.objects.get()
    assert result.written == [organisation.pk]
    record = SearchRecord.objects.get(kind="providers", key=str(organisation.pk))
    assert "Импорт" in record.title
