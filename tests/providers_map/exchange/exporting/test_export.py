"""export_providers: the import layout round trip, formula injection, GeoJSON, templates."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from providers_map.exchange.importing.columns import HEADERS
from providers_map.exchange.importing.pipeline import run_import, run_import_path
from providers_map.models import Organisation
from tests.providers_map.exchange.importing.helpers import FIXTURES, registry_snapshot, run_command
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def load_everything():
    for name in ("registry_cp1251_semicolon.csv", "registry_utf8_bom_comma.csv", "registry_dates_duplicates.xlsx"):
        run_import_path(FIXTURES / name)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reimports_unchanged_into_an_empty_registry(fmt, tmp_path):
    load_everything()
    before = registry_snapshot()
    assert len(before) == 7
    output = tmp_path / f"registry.{fmt}"
    code, _ = run_command("export_providers", "--format", fmt, "--output", str(output))
    assert code == 0
    Organisation.objects.all().delete()
    result = run_import(output.read_bytes(), output.name)
    assert result.exit_code == 0, [p.reason for p in result.errors]
    assert result.created == 7
    assert registry_snapshot() == before
    # and once more: nothing changes
    assert run_import(output.read_bytes(), output.name).rows_changed == 0


def test_csv_export_is_excel_friendly_and_guards_formulas(tmp_path):
    organisation = OrganisationFactory(
        name='=HYPERLINK("http://evil")', short_name="@SUM(1)", cost_note="-1+1", phones="+73832223344"
    )
    LocationFactory(organisation=organisation, address="\tул. Ленина, 1", latitude=None, longitude=None)
    output = tmp_path / "registry.csv"
    run_command("export_providers", "--format", "csv", "--output", str(output))
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Полное наименование"] == '\'=HYPERLINK("http://evil")'
    assert row["Краткое наименование"] == "'@SUM(1)"
    assert row["Примечание о стоимости"] == "'-1+1"
    assert row["Телефоны"] == "'+73832223344"
    assert row["Адрес"] == "'\tул. Ленина, 1"
    # the importer reads the guarded cells back as they were
    Organisation.objects.all().delete()
    run_import(raw, "registry.csv")
    again = Organisation.objects.get()
    assert (again.name, again.short_name, again.cost_note, again.phones) == (
        '=HYPERLINK("http://evil")',
        "@SUM(1)",
        "-1+1",
        "+73832223344",
    )


def test_xlsx_export_has_no_formulas_and_real_dates(tmp_path):
    organisation = OrganisationFactory(name="=1+2")
    LocationFactory(organisation=organisation)
    output = tmp_path / "registry.xlsx"
    run_command("export_providers", "--format", "xlsx", "--output", str(output))
    sheet = load_workbook(output).active
    values = [cell.value for cell in sheet[2]]
    assert values[HEADERS.index("Полное наименование")] == "'=1+2"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    verified = sheet.cell(row=2, column=HEADERS.index("Дата проверки") + 1)
    assert verified.value.date() == organisation.verified_at and verified.number_format == "DD.MM.YYYY"


def test_exports_contain_only_published_entries(tmp_path):
    published = OrganisationFactory(name="Опубликованная")
    LocationFactory(organisation=published)
    draft = OrganisationFactory(name="Черновик", live=False)
    LocationFactory(organisation=draft)
    for fmt in ("csv", "xlsx", "geojson"):
        output = tmp_path / f"out.{fmt}"
        run_command("export_providers", "--format", fmt, "--output", str(output))
        if fmt == "xlsx":
            text = " ".join(str(c.value) for row in load_workbook(output).active.iter_rows() for c in row)
        else:
            text = output.read_bytes().decode("utf-8-sig")
        assert "Опубликованная" in text and "Черновик" not in text, fmt


def test_geojson_is_an_rfc7946_feature_collection(tmp_path):
    organisation = OrganisationFactory()
    LocationFactory(organisation=organisation)
    LocationFactory(organisation=organisation, latitude=None, longitude=None, coordinates_source="")
    ServiceFactory(organisation=organisation, concerns=["autism"])
    output = tmp_path / "registry.geojson"
    run_command("export_providers", "--format", "geojson", "--output", str(output))
    collection = json.loads(output.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    located, unlocated = sorted(collection["features"], key=lambda f: f["geometry"] is None)
    assert located["geometry"] == {"type": "Point", "coordinates": [82.92043, 55.030204]}  # lon, lat
    assert unlocated["geometry"] is None
    assert located["properties"]["organisation"] == organisation.name
    assert located["properties"]["region_code"] == "54"
    assert located["properties"]["services"] == ["Разработка индивидуальной программы ранней помощи (ИПРП)"]
    assert located["properties"]["opening_hours"] == "Пн-Пт 09:00-18:00"


def test_templates(tmp_path):
    code, _ = run_command("export_providers", "--template", "--format", "csv", "--output", str(tmp_path / "t.csv"))
    assert code == 0
    text = (tmp_path / "t.csv").read_bytes().decode("utf-8-sig")
    assert text.strip().split(";") == HEADERS
    run_command("export_providers", "--template", "--format", "xlsx", "--output", str(tmp_path / "t.xlsx"))
    workbook = load_workbook(tmp_path / "t.xlsx")
    assert [c.value for c in workbook["Реестр"][1]] == HEADERS
    assert workbook["Реестр"].max_row == 1
    help_rows = {row[0].value: row for row in workbook["Справка"].iter_rows(min_row=2)}
    assert set(help_rows) == set(HEADERS)
    assert "некоммерческая" in help_rows["Форма собственности"][4].value
    assert "Новосибирская область" in help_rows["Регион"][4].value
    # an empty template is a valid, empty import
    result = run_import((tmp_path / "t.xlsx").read_bytes(), "t.xlsx")
    assert (result.exit_code, result.rows_total) == (0, 0)
