"""The HSDS 3.0 tabular data package: the lossless exchange format between portals.

The demo registry exported as a package, imported into an empty registry and exported again gives the same
files, byte for byte; the package re-imported into its own registry changes nothing; every table validates
against HSDS's own tabular schema.
"""

import csv
import io
import json
import zipfile

import pytest

from providers_map.exchange.exporting import hsds_package
from providers_map.exchange.importing.pipeline import run_import, run_import_path
from providers_map.models import Organisation
from tests.providers_map.exchange.hsds.schemas import validate
from tests.providers_map.exchange.importing.helpers import run_command

pytestmark = pytest.mark.django_db


def export_folder(path):
    code, output = run_command("export_providers", "--format", "hsds", "--output", str(path))
    assert code == 0, output
    return {file.name: file.read_bytes() for file in sorted(path.iterdir())}


def typed(table, record):
    """A CSV record with HSDS's types (numbers as numbers), empty cells left out."""
    types = {field["name"]: field["type"] for field in hsds_package.tabular()[table]["fields"]}
    result = {}
    for name, value in record.items():
        if value == "":
            continue
        result[name] = float(value) if types[name] == "number" else value
    return result


def test_demo_round_trips_through_the_package_byte_for_byte(demo_site, tmp_path):
    first = export_folder(tmp_path / "first")
    assert Organisation.objects.filter(live=True).count() > 10

    preview = run_import_path(tmp_path / "first", dry_run=True)
    assert (preview.exit_code, preview.changes) == (0, 0), [p.reason for p in preview.problems]

    Organisation.objects.all().delete()
    result = run_import_path(tmp_path / "first")
    assert result.exit_code == 0, [(p.row, p.column, p.reason) for p in result.problems]
    second = export_folder(tmp_path / "second")
    assert sorted(second) == sorted(first)
    for name in first:
        assert second[name] == first[name], name


def test_the_package_validates_against_the_hsds_tabular_schema(demo_site, tmp_path):
    files = export_folder(tmp_path / "package")
    descriptor = json.loads(files["datapackage.json"])
    assert descriptor["profile"] == "tabular-data-package"
    tables = {}
    for resource in descriptor["resources"]:
        rows = list(csv.DictReader(io.StringIO(files[resource["path"]].decode("utf-8"))))
        header = next(csv.reader(io.StringIO(files[resource["path"]].decode("utf-8"))))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
        tables[resource["name"]] = [typed(resource["name"], row) for row in rows]
    assert len(tables["organization"]) == Organisation.objects.filter(live=True).count()
    errors = validate(tables, "compiled/tabular.json")
    assert errors == [], errors[:10]


def test_a_zip_package_is_an_upload_like_any_other(tmp_path):
    from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

    organisation = OrganisationFactory(name="Центр «Пакет»")
    LocationFactory(organisation=organisation)
    ServiceFactory(organisation=organisation, concerns=["autism"], age_min_months=6, age_max_months=30)
    data = hsds_package.export_hsds_zip()
    assert zipfile.ZipFile(io.BytesIO(data)).namelist()[-1] == "datapackage.json"
    uuid = organisation.uuid
    Organisation.objects.all().delete()
    result = run_import(data, "registry-hsds.zip")
    assert (result.exit_code, result.created) == (0, 1), [p.reason for p in result.problems]
    again = Organisation.objects.get()
    assert again.uuid == uuid and again.slug == organisation.slug
    service = again.services.get()
    assert (service.age_min_months, service.age_max_months) == (6, 30)
    assert [c.slug for c in service.concerns.all()] == ["autism"]


def test_a_damaged_package_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("datapackage.json", "{not json")
    result = run_import(buffer.getvalue(), "package.zip")
    assert result.exit_code == 2 and "HSDS" in result.unusable
