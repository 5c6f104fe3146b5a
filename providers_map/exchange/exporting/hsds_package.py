"""The published registry as an Open Referral HSDS 3.0 tabular data package: one CSV per table + datapackage.json.

The records come from `providers_map.exchange.hsds` (the model → HSDS mapping shared with /api/hsds/); the file names,
columns and their order follow HSDS's own `tabular.json` (vendored as `hsds_tabular.json`). CSV files are
UTF-8, comma-separated, with a header row; optional fields without a value are empty cells. This is the
lossless exchange format between portals: `import_providers` reads it back (a folder or a ZIP).
"""

import csv
import io
import json
import zipfile
from functools import lru_cache
from pathlib import Path

from core.canonical import canonical_base_url
from providers_map.exchange import hsds
from providers_map.exchange.hsds.validation import load as load_standard

TABULAR = Path(__file__).resolve().parent / "hsds_tabular.json"
PACKAGE_TABLES = (*hsds.VOCABULARY_TABLES, *hsds.TABLES)
DESCRIPTOR = "datapackage.json"


@lru_cache(maxsize=1)
def tabular():
    return json.loads(TABULAR.read_text(encoding="utf-8"))["tables"]


@lru_cache(maxsize=1)
def table_schema_types():
    """{(table, field): Table Schema type} where HSDS's tabular schema gives one (`datapackage_type`): its JSON
    Schema says `string` with format `date-time` where the CSV column is a Table Schema `datetime`, and so on."""
    official = load_standard("compiled/tabular.json")["properties"]
    return {
        (table, name): field["datapackage_type"]
        for table, spec in official.items()
        for name, field in spec["items"]["properties"].items()
        if "datapackage_type" in field
    }


# HSDS's own words about these columns, where its tabular schema's constraint says otherwise: a term is identified
# by its taxonomy and its code together (one code, e.g. `other`, may name a term in two taxonomies).
NOT_UNIQUE = {("taxonomy_term", "code")}


def table_schema_field(table, field):
    """A field of the descriptor: HSDS's column, typed as its tabular schema says."""
    field = dict(field)
    kind = table_schema_types().get((table, field["name"]))
    if kind:
        field["type"] = kind
        field.pop("format", None)  # JSON Schema's format; the Table Schema type's default format reads ISO 8601
        if kind == "time":
            field["format"] = "any"  # HSDS writes HH:MM with the UTC offset, Table Schema's default is HH:MM:SS
    if (table, field["name"]) in NOT_UNIQUE:
        field["constraints"] = {**field.get("constraints", {}), "unique": False}
    return field


def site_base_url():
    """The site's public address for the records' links."""
    return canonical_base_url()


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def descriptor(base_url=""):
    """datapackage.json: one tabular-data-resource per table, its schema taken from HSDS."""
    resources = []
    for table in PACKAGE_TABLES:
        spec = tabular()[table]
        fields = [table_schema_field(table, field) for field in spec["fields"]]
        schema = {"fields": fields, "primaryKey": ["id"]}
        resources.append(
            {
                "name": table,
                "path": spec["path"],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": spec["description"],
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "early-care-registry",
        "title": "Реестр поставщиков услуг ранней помощи (HSDS 3.0)",
        "description": "Open Referral Human Services Data Specification 3.0, tabular data package.",
        "homepage": base_url or None,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }


def package_files(base_url="", organisations=None):
    """{file name: bytes} of the whole package."""
    writers, buffers = {}, {}
    for table in PACKAGE_TABLES:
        buffers[table] = io.StringIO()
        writers[table] = csv.writer(buffers[table], lineterminator="\r\n")
        writers[table].writerow([field["name"] for field in tabular()[table]["fields"]])
    for table, record in hsds.registry_records(base_url=base_url, organisations=organisations):
        names = [field["name"] for field in tabular()[table]["fields"]]
        unknown = set(record) - set(names)
        if unknown:
            raise ValueError(f"HSDS table {table} has no columns {sorted(unknown)}")
        writers[table].writerow([csv_cell(record.get(name)) for name in names])
    files = {tabular()[table]["path"]: buffers[table].getvalue().encode("utf-8") for table in PACKAGE_TABLES}
    descriptor_data = {key: value for key, value in descriptor(base_url).items() if value is not None}
    files[DESCRIPTOR] = (json.dumps(descriptor_data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def write_directory(directory, base_url=""):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    files = package_files(base_url)
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return files


def export_hsds_zip(base_url=""):
    """The package as one ZIP (what the admin upload and the open-data page use)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package_files(base_url).items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # the same registry, the same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
