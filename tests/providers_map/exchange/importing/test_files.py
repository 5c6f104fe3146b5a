"""import_providers on real fixture files: encodings, delimiters, XLSX cells, reports and exit codes."""

import datetime as dt
from decimal import Decimal

from wagtail.models import ModelLogEntry, Revision

import pytest

from providers_map.models import Organisation
from tests.providers_map.exchange.importing.helpers import FIXTURES, problems_by_row, read_report, run_command

pytestmark = pytest.mark.django_db

CP1251 = FIXTURES / "registry_cp1251_semicolon.csv"
UTF8_BOM = FIXTURES / "registry_utf8_bom_comma.csv"
XLSX = FIXTURES / "registry_dates_duplicates.xlsx"


def test_fixture_files_really_are_what_they_claim():
    assert not CP1251.read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        CP1251.read_bytes().decode("utf-8")
    assert CP1251.read_bytes().decode("cp1251").splitlines()[0].count(";") == 33
    assert UTF8_BOM.read_bytes().startswith(b"\xef\xbb\xbf")
    assert UTF8_BOM.read_bytes().decode("utf-8-sig").startswith("Полное наименование,Краткое наименование,ИНН,")
    assert XLSX.read_bytes()[:2] == b"PK"


def test_windows_1251_semicolon_file_reports_every_rejected_row(tmp_path):
    report = tmp_path / "report.csv"
    code, output = run_command("import_providers", str(CP1251), "--report", str(report))
    assert code == 1
    assert "Строк: 13, принято: 4, отклонено: 9." in output
    header, rows = read_report(report)
    assert header == ["Строка", "Столбец", "Значение", "Причина", "Тип"]
    found = problems_by_row(rows)
    assert set(found) == {5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
    assert found[5][0][0] == "ИНН" and "контрольная цифра" in found[5][0][2]
    assert found[6][0][:2] == ("Широта", "10.5") and "за пределами России" in found[6][0][2]
    assert {p[0] for p in found[7]} == {"Телефоны", "Электронная почта", "Сайт"}
    assert {(p[0], p[1]) for p in found[8]} == {("Услуги", "иппотерапия"), ("Регион", "Новосибирский край")}
    assert found[9][0][0] == "Часы работы" and "по будням с утра" in found[9][0][2]
    assert found[10][0][:3] == ("Описание", "", "Обязательный столбец не заполнен.")
    assert found[11][0][0] == "Адрес" and "строке 2" in found[11][0][2]
    assert found[12][0][0] == "Форма собственности" and "строке 13" in found[12][0][2]
    assert found[13][0][0] == "Форма собственности" and "строке 12" in found[13][0][2]
    assert all(kind == "строка отклонена" for row, problems in found.items() if row != 14 for *_, kind in problems)
    assert found[14] == [
        (
            "Населённый пункт",
            "с. Неизвестное-Тестовое",
            found[14][0][2],
            "предупреждение",
        )
    ]
    assert "без координат" in found[14][0][2]


def test_windows_1251_rows_land_in_the_registry_published(tmp_path):
    run_command("import_providers", str(CP1251))
    assert Organisation.objects.count() == 3
    centre = Organisation.objects.get(ogrn="1025400000010")
    assert centre.live and not centre.has_unpublished_changes
    assert centre.import_key == "1025400000010"
    assert centre.phones == "+73832223344\n+79130000001"
    assert centre.website == "https://www.example.ru"
    assert centre.data_source == "импорт из файла «registry_cp1251_semicolon.csv»"
    assert sorted(s.service_type.slug for s in centre.services.all()) == ["determining-need", "family-counselling"]
    novosibirsk = centre.locations.get(locality="Новосибирск")
    berdsk = centre.locations.get(locality="г. Бердск")
    assert (novosibirsk.latitude, novosibirsk.longitude) == (Decimal("55.030200"), Decimal("82.920400"))
    assert novosibirsk.coordinates_source == "import" and not novosibirsk.coordinates_approximate
    assert novosibirsk.opening_hours["sat"] == [["10:00", "14:00"]]
    assert berdsk.locality == "г. Бердск"
    assert berdsk.coordinates_source == "gazetteer" and berdsk.coordinates_approximate
    assert 54.7 < float(berdsk.latitude) < 54.8
    # The history shows the import: a revision, a creation and a publication.
    assert Revision.objects.for_instance(centre).count() == 1
    actions = set(ModelLogEntry.objects.filter(object_id=str(centre.pk)).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.publish"} <= actions

    partner = Organisation.objects.get(inn="5400000029")
    assert partner.ogrn == "" and partner.import_key == "5400000029"
    assert (partner.ownership, partner.sector, partner.referral_required, partner.cost) == (
        "nonprofit",
        "other",
        "yes",
        "mixed",
    )
    assert partner.verified_at == dt.date(2026, 2, 1)
    service = partner.services.get()
    assert sorted(c.slug for c in service.concerns.all()) == ["autism", "down-syndrome"]
    assert sorted(lang.slug for lang in service.languages.all()) == ["russian", "russian-sign"]
    location = partner.locations.get()
    assert location.accessibility == ["lift", "step_free"]
    assert location.delivery_modes == ["home", "remote"]

    unknown_village = Organisation.objects.get(inn="5400000100").locations.get()
    assert unknown_village.latitude is None and unknown_village.coordinates_source == ""


def test_utf8_bom_comma_file_is_accepted_entirely():
    code, output = run_command("import_providers", str(UTF8_BOM))
    assert code == 0, output
    municipal = Organisation.objects.get(inn="5400000212")
    assert (municipal.ownership, municipal.sector) == ("municipal", "education")
    assert sorted(loc.locality for loc in municipal.locations.all()) == ["Москва", "Обь"]
    assert {loc.region.code for loc in municipal.locations.all()} == {"54"}
    first = Organisation.objects.get(inn="5400000205")
    assert first.in_official_registry
    assert first.description == "Консультации, «занятия» и группы, в том числе: для родителей."


def test_xlsx_date_cells_numbers_and_duplicates(tmp_path):
    report = tmp_path / "report.csv"
    code, output = run_command("import_providers", str(XLSX), "--report", str(report))
    assert code == 1
    found = problems_by_row(read_report(report)[1])
    assert set(found) == {4, 5, 6, 9}
    assert found[4][0][0] == "Адрес" and "строке 2" in found[4][0][2]
    assert found[9][0][0] == "Адрес" and "строке 7" in found[9][0][2]
    assert found[5][0][:2] == ("Дата проверки", "01.01.2099") and "не наступила" in found[5][0][2]
    assert found[6][0][:2] == ("Дата проверки", "вчера")

    organisation = Organisation.objects.get(ogrn="1025400000306")
    assert organisation.inn == "5400000300"  # a number cell, not "5400000300.0"
    assert organisation.verified_at == dt.date(2026, 3, 15)
    assert {loc.postcode for loc in organisation.locations.all()} == {"630099"}
    assert organisation.services.count() == 0
    guarded = Organisation.objects.get(inn="5400000332")
    assert guarded.phones == "+73832000007"  # the export's formula guard is removed again
    assert guarded.verified_at == dt.date(2026, 1, 20)


@pytest.mark.parametrize(
    "name, message",
    [
        ("broken_header.csv", "не заголовок шаблона"),
        ("missing_columns.csv", "Нет обязательных столбцов: Описание, Как получить помощь, Регион"),
        ("undecodable.csv", "не удаётся прочитать как текст"),
        ("no-such-file.csv", "Файл не найден"),
    ],
)
def test_unusable_files_exit_2_and_write_nothing(name, message, tmp_path):
    report = tmp_path / "report.csv"
    code, output = run_command("import_providers", str(FIXTURES / name), "--report", str(report))
    assert code == 2
    assert message in output
    assert Organisation.objects.count() == 0


def test_unknown_format_and_old_excel_exit_2(tmp_path):
    pdf = tmp_path / "registry.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    code, output = run_command("import_providers", str(pdf))
    assert code == 2 and "документ PDF" in output
    xls = tmp_path / "registry.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    code, output = run_command("import_providers", str(xls))
    assert code == 2 and "XLSX" in output


def test_dry_run_reports_the_same_and_writes_nothing():
    code, output = run_command("import_providers", str(CP1251), "--dry-run")
    assert code == 1
    assert "Проверка: ничего не записано." in output
    assert "создано 3" in output
    assert Organisation.objects.count() == 0
    assert Revision.objects.count() == 0


def test_rerunning_the_same_file_changes_nothing():
    run_command("import_providers", str(CP1251))
    run_command("import_providers", str(XLSX))
    before = {o.pk: o.updated_at for o in Organisation.objects.all()}
    revisions = Revision.objects.count()
    code, output = run_command("import_providers", str(CP1251))
    assert code == 1
    assert "Организаций: создано 0, обновлено 0, без изменений 3." in output
    code, output = run_command("import_providers", str(XLSX))
    assert "создано 0, обновлено 0, без изменений 2." in output
    assert {o.pk: o.updated_at for o in Organisation.objects.all()} == before
    assert Revision.objects.count() == revisions
