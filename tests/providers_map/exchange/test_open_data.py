"""Public open-data page and downloads: published entries only, correct formats."""

import csv
import io
import json
import zipfile

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from tests.providers_map.factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    published = OrganisationFactory(name="Центр «Опубликованный»")
    LocationFactory(organisation=published)
    draft = OrganisationFactory(name="Центр «Черновик»", live=False)
    LocationFactory(organisation=draft)
    unpublished = OrganisationFactory(name="Центр «Снят с публикации»")
    LocationFactory(organisation=unpublished)
    unpublished.unpublish()
    return published


def test_page_lists_downloads_columns_and_counts(client, registry):
    response = client.get("/providers/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Открытые данные: реестр поставщиков" in html
    for fmt in ("csv", "xlsx", "geojson", "zip"):
        assert f'href="/providers/open-data/registry.{fmt}"' in html
    assert "Населённый пункт" in html and "CC BY 4.0" in html
    assert "1 организация, адресов: 1." in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson", "zip"])
def test_downloads_exclude_drafts_and_unpublished(client, registry, fmt):
    response = client.get(reverse("providers:download", args=[fmt]))
    assert response.status_code == 200
    assert f"registry.{fmt}" in response["Content-Disposition"]
    data = response.content
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        names = [row[rows[0].index("Полное наименование")] for row in rows[1:]]
    elif fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(data)).active
        column = [cell.value for cell in sheet[1]].index("Полное наименование")
        names = [row[column].value for row in sheet.iter_rows(min_row=2)]
    elif fmt == "zip":
        assert response["Content-Type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert "datapackage.json" in package.namelist()
            table = package.read("organizations.csv").decode("utf-8")
        names = [row["name"] for row in csv.DictReader(io.StringIO(table))]
    else:
        assert response["Content-Type"] == "application/geo+json"
        names = [f["properties"]["organisation"] for f in json.loads(data)["features"]]
    assert names == ["Центр «Опубликованный»"]


def test_download_reflects_a_new_publication(client, registry):
    client.get("/providers/open-data/registry.csv")
    LocationFactory(organisation=OrganisationFactory(name="Центр «Новый»"))
    text = client.get("/providers/open-data/registry.csv").content.decode("utf-8-sig")
    assert "Центр «Новый»" in text


def test_unknown_format_is_404(client):
    assert client.get("/providers/open-data/registry.pdf").status_code == 404
    assert client.post("/providers/open-data/registry.csv").status_code == 405


def test_page_states_licence_update_time_formats_and_the_api(client, registry):
    html = client.get("/providers/open-data/").content.decode()
    assert "CC BY 4.0" in html and "Последнее обновление:" in html and "<time datetime=" in html
    assert 'href="/api/hsds/services?format=ndjson&amp;full=true"' in html
    assert 'href="/api/v1/docs"' in html and 'href="/api/hsds/"' in html and 'href="/api/v1/"' in html
    assert "organization_identifier (identifier_scheme RU-INN, RU-OGRN)" in html
    assert "Виды услуг ранней помощи" in html and "Особенности развития" in html


def test_every_page_footer_links_to_open_data(client, registry):
    for url in ("/providers/", "/providers/open-data/", "/api/v1/docs"):
        html = client.get(url).content.decode()
        footer = html[html.index("<footer") :]
        assert '<a href="/providers/open-data/">Открытые данные и API</a>' in footer, url
