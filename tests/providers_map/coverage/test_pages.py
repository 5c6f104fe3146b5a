"""The public pages without JavaScript (on the demo registry, computed by load_demo): the table sorted on the
server by its headings' links, a region's largest localities beyond 30 km with the nearest services, kind answers
to unknown parameters, and the open-data files."""

import csv
import io
import json
import re

from openpyxl import load_workbook

from providers_map.coverage.models import LocalityCoverage


def region_order(html):
    return re.findall(r'<tr data-region="(\d\d)">', html)


def test_the_table_sorts_by_any_column_through_links(client, demo_site):
    page = client.get("/coverage/").content.decode()
    assert "<table" in page and 'id="coverage-map" class="coverage-map" hidden' in page  # the map waits for JS
    default = region_order(page)
    assert len(default) == 89 and default[-1] == "54"  # beyond 30 km, most first: the demo's region last
    link = re.search(r'<a href="(\?sort=name[^"]*)">', page).group(1).replace("&amp;", "&")
    by_name = client.get("/coverage/" + link).content.decode()
    assert 'aria-sort="ascending"' in by_name
    names = re.findall(r'<th scope="row"><a href="/coverage/\d\d/">([^<]+)</a>', by_name)
    assert names == sorted(names, key=str.lower)
    descending = client.get("/coverage/", {"sort": "population", "order": "desc"}).content.decode()
    assert region_order(descending)[0] == "77"  # Moscow


def test_unknown_table_parameters_are_named_kindly(client, demo_site):
    response = client.get("/coverage/", {"sort": "<b>x</b>", "service": "nothing", "order": "up"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page and "<b>x</b>" not in page
    assert len(region_order(page)) == 89  # the default table is still there


def test_a_service_type_changes_the_bands(client, demo_site):
    page = client.get("/coverage/", {"service": "communication", "sort": "name"}).content.decode()
    assert '<option value="communication" selected>' in page


def test_a_region_lists_its_largest_uncovered_localities_with_the_nearest_services(client, demo_site):
    page = client.get("/coverage/54/").content.decode()
    far = page.split('id="coverage-far-heading"', 1)[1].split("</section>", 1)[0]
    names = re.findall(r'class="coverage-far__name">([^<]+)<', far)
    biggest = LocalityCoverage.objects.filter(region_code="54", distance_km__gt=30).order_by("-population")
    assert names == [locality.name for locality in biggest[:25]]
    assert "Новосибирск" not in names and "Бердск" not in names
    first = far.split('class="coverage-far__nearest"', 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'<a href="(/providers/[^"]+/)">', first)
    assert links == [item["url"] for item in biggest[0].nearest] and len(links) == 3
    assert client.get(links[0]).status_code == 200
    assert client.get("/coverage/99/").status_code == 404


def test_open_data_files_carry_every_figure_with_the_stamp(client, demo_site):
    regions = client.get("/coverage/data/coverage-regions.csv")
    rows = list(csv.DictReader(io.StringIO(regions.content.decode("utf-8-sig"))))
    assert len(rows) == 90 and rows[0]["code"] == "RU"
    novosibirsk = next(row for row in rows if row["code"] == "54")
    assert novosibirsk["method_version"] == "1" and novosibirsk["computed_at"]
    assert sum(int(novosibirsk[f"people_{band}"]) for band in ("0_10", "10_30", "30_60", "60_plus")) == int(
        novosibirsk["population"]
    )
    localities = list(
        csv.DictReader(io.StringIO(client.get("/coverage/data/coverage-localities.csv").content.decode("utf-8-sig")))
    )
    assert len(localities) == 6473 and "distance_km_iprp" in localities[0]
    workbook = load_workbook(io.BytesIO(client.get("/coverage/data/coverage.xlsx").content), read_only=True)
    assert len(workbook.sheetnames) == 4
    document = json.loads(client.get("/coverage/data/coverage.json").content)
    assert document["method_version"] == "1" and len(document["localities"]) == 6473
    assert client.get("/coverage/data/other.csv").status_code == 404


def test_the_page_is_linked_from_every_footer_and_in_the_sitemap(client, demo_site):
    assert 'href="/coverage/"' in client.get("/providers/open-data/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/coverage/</loc>" in sitemap and "/coverage/54/</loc>" in sitemap
