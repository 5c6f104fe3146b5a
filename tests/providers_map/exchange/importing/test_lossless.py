"""What the issue found: per-service details, coordinate sources, branches at one address, honest previews."""

from decimal import Decimal

import pytest

from providers_map.exchange.importing.pipeline import run_import_path
from providers_map.models import Location, Organisation, Service
from tests.providers_map.exchange.importing.helpers import base_row, registry_snapshot, write_csv
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory, service_type, valid_inn

pytestmark = pytest.mark.django_db


def file_organisation(**values):
    """An entry with the values `base_row()` gives, so only what a test changes differs."""
    defaults = dict(
        inn=valid_inn(900),
        name="АНО «Тестовый центр»",
        short_name="",
        ownership="nonprofit",
        sector="social",
        description="Помогаем семьям.",
        how_to_get_help="Позвоните нам.",
    )
    return OrganisationFactory(**{**defaults, **values})


OLD_HEADER = [
    "Полное наименование", "ИНН", "Форма собственности", "Ведомство", "Описание", "Как получить помощь", "Услуги",
    "Возраст от, мес.", "Возраст до, мес.", "Нарушения развития", "Языки", "Регион", "Населённый пункт", "Адрес",
    "Широта", "Долгота", "Координаты приблизительные", "Часы работы",
]  # fmt: skip


@pytest.fixture
def centre():
    """A centre with four services of different ages and concerns, like the demo's regional centre."""
    organisation = file_organisation()
    LocationFactory(organisation=organisation, address="ул. Ленина, 1", locality="Новосибирск", name="")
    for slug, age_min, age_max, concerns in (
        ("iprp", 0, 36, ["autism"]),
        ("family-counselling", 6, 36, []),
        ("mobility", 12, 36, ["cerebral-palsy"]),
        ("psychological-support", 12, 84, []),
    ):
        ServiceFactory(
            organisation=organisation,
            service_type=service_type(slug),
            age_min_months=age_min,
            age_max_months=age_max,
            concerns=concerns,
            description=f"Описание {slug}",
        )
    return organisation


def old_export_row(organisation, **values):
    """The row the earlier flat export wrote: services joined, the widest ages, the union of concerns."""
    services = list(organisation.services.order_by("sort_order", "pk"))
    row = base_row(
        **{
            "Услуги": "; ".join(s.service_type.slug for s in services),
            "Возраст от, мес.": str(min(s.age_min_months for s in services)),
            "Возраст до, мес.": str(max(s.age_max_months for s in services)),
            "Нарушения развития": "; ".join(sorted({c.slug for s in services for c in s.concerns.all()})),
            "Широта": "55.030204",
            "Долгота": "82.92043",
            "Координаты приблизительные": "нет",
            "Часы работы": "Пн-Пт 09:00-18:00",
        }
    )
    row.update(values)
    return row


def test_an_older_flat_file_never_flattens_per_service_details(tmp_path, centre):
    before = registry_snapshot()
    path = write_csv(tmp_path, [old_export_row(centre)], header=OLD_HEADER)
    result = run_import_path(path)
    assert (result.exit_code, result.changes) == (0, 0), [p.changes for p in result.plans]
    assert registry_snapshot() == before  # 0–36, 6–36, 12–36 and 12–84 months stay
    notices = result.plans[0].notices
    assert any("у услуг разные" in notice for notice in notices), notices
    assert any("Источник координат" in notice for notice in result.notices)  # the missing columns are named


def test_a_shared_value_the_operator_changed_applies_and_says_it_replaces_the_differences(tmp_path, centre):
    path = write_csv(tmp_path, [old_export_row(centre, **{"Возраст до, мес.": "48"})], header=OLD_HEADER)
    result = run_import_path(path, dry_run=True)
    plan = result.plans[0]
    assert plan.action == "update" and any("будут заменены" in notice for notice in plan.notices)
    changed = {change["text"].split(",")[0]: change["changes"] for change in plan.service_changes}
    assert ["Возраст до, мес.", "36", "48"] in changed["Разработка индивидуальной программы ранней помощи (ИПРП)"]
    run_import_path(path)
    services = list(Service.objects.filter(organisation=centre).order_by("sort_order"))
    assert {(s.age_min_months, s.age_max_months) for s in services} == {(0, 48)}
    assert services[0].description == "Описание iprp"  # descriptions the file does not give are kept


def test_editor_points_stay_editor_points_when_an_export_is_re_imported(tmp_path):
    organisation = file_organisation()
    LocationFactory(organisation=organisation, address="ул. Ленина, 1", coordinates_source="editor")
    row = base_row(**{"Широта": "55.030204", "Долгота": "82.92043", "Часы работы": "Пн-Пт 09:00-18:00"})
    path = write_csv(tmp_path, [row], header=[h for h in OLD_HEADER if h in row or h == "Часы работы"])
    result = run_import_path(path)
    assert Location.objects.get().coordinates_source == "editor"
    assert result.changes == 0


def test_two_branches_or_points_at_one_street_address(tmp_path):
    rows = [
        base_row(**{"Филиал": "", "Широта": "55.03", "Долгота": "82.92"}),
        base_row(**{"Филиал": "Отделение ранней помощи", "Широта": "55.03", "Долгота": "82.92"}),
        base_row(**{"Филиал": "", "Широта": "55.04", "Долгота": "82.93"}),  # another point, same address
        base_row(**{"Филиал": "", "Широта": "55.03", "Долгота": "82.92"}),  # a real duplicate of row 2
        base_row(**{"Филиал": "Отделение ранней помощи"}),  # no point of its own: the same as row 3
    ]
    result = run_import_path(write_csv(tmp_path, rows))
    assert {p.row for p in result.errors} == {5, 6}
    assert all("Повтор" in p.reason for p in result.errors)
    assert Location.objects.count() == 3
    # and the export of such a registry re-imports without a duplicate
    from providers_map.exchange.exporting import export_csv

    path = tmp_path / "export.csv"
    path.write_bytes(export_csv())
    again = run_import_path(path, dry_run=True)
    assert (again.exit_code, again.changes) == (0, 0)


def test_a_partly_rejected_organisation_says_what_is_published_without(tmp_path):
    rows = [
        base_row(),
        base_row(**{"Адрес": "ул. Мира, 5", "Часы работы": "по будням"}),
    ]
    result = run_import_path(write_csv(tmp_path, rows), dry_run=True)
    plan = result.plans[0]
    assert plan.action == "create" and result.rows_rejected == 1
    assert plan.notices == ["Будет опубликована без отклонённых строк: 3 (адрес Новосибирск, ул. Мира, 5)."]


def test_service_rows_give_each_service_its_own_values(tmp_path):
    from providers_map.exchange.importing.columns import HEADERS

    rows = [
        base_row(**{"Вид строки": "адрес"}),
        {"Вид строки": "услуга", "ИНН": valid_inn(900), "Услуги": "iprp", "Возраст от, мес.": "0",
         "Возраст до, мес.": "36", "Нарушения развития": "autism", "Описание услуги": "Первая встреча дома."},
        {"Вид строки": "услуга", "ИНН": valid_inn(900), "Услуги": "family-counselling", "Возраст от, мес.": "12",
         "Возраст до, мес.": "84", "Языки": "tt"},
    ]  # fmt: skip
    result = run_import_path(write_csv(tmp_path, rows, header=HEADERS))
    assert result.exit_code == 0, [p.reason for p in result.problems]
    services = list(Organisation.objects.get().services.order_by("sort_order"))
    assert [(s.service_type.slug, s.age_min_months, s.age_max_months) for s in services] == [
        ("iprp", 0, 36),
        ("family-counselling", 12, 84),
    ]
    assert [c.slug for c in services[0].concerns.all()] == ["autism"] and services[0].description
    assert [lang.code for lang in services[1].languages.all()] == ["tt"]


def test_service_rows_of_an_unknown_organisation_are_rejected(tmp_path):
    from providers_map.exchange.importing.columns import HEADERS

    rows = [{"Вид строки": "услуга", "ИНН": valid_inn(950), "Услуги": "iprp"}]
    result = run_import_path(write_csv(tmp_path, rows, header=HEADERS))
    assert result.exit_code == 1 and "нет записи с этим ИНН/ОГРН" in result.errors[0].reason


def test_a_file_without_a_column_leaves_that_detail_alone(tmp_path):
    organisation = file_organisation(cost_note="По программе")
    location = LocationFactory(organisation=organisation, address="ул. Ленина, 1", accessibility=["lift"])
    header = ["Полное наименование", "ИНН", "Форма собственности", "Ведомство", "Описание", "Как получить помощь",
              "Регион", "Населённый пункт", "Адрес"]  # fmt: skip
    row = base_row(**{"Описание": "Новое описание."})
    result = run_import_path(write_csv(tmp_path, [row], header=header))
    organisation.refresh_from_db()
    location.refresh_from_db()
    assert organisation.description == "Новое описание."
    assert organisation.cost_note == "По программе" and location.accessibility == ["lift"]
    assert location.latitude == Decimal("55.030204")
    assert [change[0] for change in result.plans[0].changes] == ["Описание"]
