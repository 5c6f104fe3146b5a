"""What a deployed site serves from its database, written to a folder so two versions of the code can be compared.

Run from the root of the code version being checked (it uses only what every version since the HSDS export has:
`export_providers`, the public URLs and the HSDS and /api/v1 APIs):

    DJANGO_SETTINGS_MODULE=portal.settings.dev DATABASE_URL=… python /path/to/scripts/upgrade_snapshot.py OUT_DIR

Writes every export (CSV, XLSX as its cell values, GeoJSON, the HSDS package's files), the answers of the public
APIs, a sample of pages (their <main>, CSRF tokens and CSP nonces blanked), and the content types, permissions and
groups (by natural key). scripts/check_upgrade.sh compares two such folders.
"""

import json
import os
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Page  # noqa: E402

from openpyxl import load_workbook  # noqa: E402

from providers_map.models import Organisation  # noqa: E402

VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken" value=""'),
    (re.compile(r'nonce="[^"]+"'), 'nonce=""'),
    # the clock, which moves between the two snapshots
    (re.compile(r"\(местное время \d\d:\d\d\)"), "(местное время --:--)"),
    # the page links' markup was made one include on purpose when the house was restructured (756c1c4)
    (re.compile(r'<nav class="pagination".*?</nav>', re.S), '<nav class="pagination"></nav>'),
]
MAIN = re.compile(r"<main\b.*?</main>", re.S)


def export(out, fmt):
    target = out / f"export.{ {'hsds': 'zip'}.get(fmt, fmt) }"
    call_command("export_providers", "--format", fmt, "--output", str(target))
    if fmt == "xlsx":
        book = load_workbook(target, read_only=True)
        cells = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
        target.with_suffix(".xlsx.json").write_text(json.dumps(cells, default=str, ensure_ascii=False, indent=0))
        target.unlink()
    elif fmt == "hsds":
        with zipfile.ZipFile(target) as package:
            for name in sorted(package.namelist()):
                (out / f"hsds-{name.replace('/', '_')}").write_bytes(package.read(name))
        target.unlink()


def fetch(client, path):
    response = client.get(path, HTTP_HOST="127.0.0.1")
    body = response.content.decode("utf-8", "replace")
    if "json" in response.get("Content-Type", ""):
        body = json.dumps(json.loads(body), ensure_ascii=False, indent=1, sort_keys=True)
    elif "html" in response.get("Content-Type", ""):
        found = MAIN.search(body)
        body = found.group(0) if found else body
        for pattern, replacement in VOLATILE:
            body = pattern.sub(replacement, body)
        body = "\n".join(line.strip() for line in body.splitlines() if line.strip())  # indentation is not content
    return f"{response.status_code}\n{body}"


def api_paths():
    paths = ["/api/v1/openapi.json", "/api/hsds/", "/api/hsds/services", "/api/hsds/organizations"]
    paths += ["/api/hsds/service_at_locations", "/api/hsds/taxonomies", "/api/hsds/taxonomy_terms"]
    paths += ["/api/v1/providers?region=54", "/api/v1/providers?near=55.03,82.92", "/api/v1/providers?page=3"]
    paths += [f"/api/v1/providers/map?bbox=19,41,180,82&zoom={zoom}" for zoom in (3, 6, 9)]
    paths += [f"/api/v1/search?q={q}" for q in ("логопед", "ранняя помощь", "Новосибирск", "ДЦП")]
    paths += ["/api/v1/search/suggest?q=лог", "/api/v1/providers/places?q=Берд"]
    return paths


def page_paths():
    pages = []
    seen = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        kind = type(page).__name__
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= 3:
            pages.append(page.url)
    return pages + ["/providers/open-data/", "/search/?q=логопед", "/sitemap.xml", "/robots.txt"]


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    for fmt in ("csv", "xlsx", "geojson", "hsds"):
        export(out, fmt)
    client = Client()
    slugs = Organisation.objects.filter(live=True).order_by("pk").values_list("slug", flat=True)
    provider_pages = [f"/providers/{slug}/" for slug in slugs[::25][:40]]
    paths = api_paths() + page_paths() + provider_pages
    answers = {path: fetch(client, path) for path in paths}
    (out / "answers.json").write_text(json.dumps(answers, ensure_ascii=False, indent=0, sort_keys=True))
    model_keys = {(ct.app_label, ct.model) for ct in ContentType.objects.all()}
    groups = {
        group.name: sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())
        for group in Group.objects.all()
    }
    (out / "auth.json").write_text(
        json.dumps({"content_types": sorted(model_keys), "groups": groups}, ensure_ascii=False, indent=0)
    )
    print(f"{len(answers)} answers, {len(list(out.iterdir()))} files in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
