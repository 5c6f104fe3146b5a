"""The HSDS tabular package passes frictionless (Table Schema and Data Package) with no error, its columns typed
as HSDS's own tabular schema types them."""

import json

import pytest
from frictionless import validate

from providers_map.exchange.exporting import hsds_package
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_package_validates_with_frictionless_with_no_error(tmp_path):
    for number in range(2):
        organisation = OrganisationFactory(name=f"Центр «Сверка-{number}»")
        LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation, concerns=["autism"])
    hsds_package.write_directory(tmp_path, base_url="https://portal.example")
    report = validate(str(tmp_path / "datapackage.json"))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert errors == [] and report.valid
    fields = {
        (resource["name"], field["name"]): field
        for resource in json.loads((tmp_path / "datapackage.json").read_text())["resources"]
        for field in resource["schema"]["fields"]
    }
    assert fields[("service", "last_modified")]["type"] == "datetime"
    assert fields[("service", "assured_date")]["type"] == "date"
    assert fields[("schedule", "opens_at")]["type"] == "time"
    assert report.stats["tasks"] == len(hsds_package.PACKAGE_TABLES)
