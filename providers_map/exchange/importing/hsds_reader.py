"""Read an HSDS 3.0 tabular data package (a folder or a ZIP with datapackage.json) as rows of our layout.

Each organisation becomes its "адрес" rows (or one "организация" row) and one "услуга" row per service, in the
layout's column keys, plus the HSDS identifiers (kept as the entries' `uuid`), the page's slug and the last
change, so the rest of the import (cleaning, checks, matching, the preview, the bulk writer) is the same as
for a spreadsheet. The mapping is the inverse of `providers_map.exchange.hsds.mapping`; values HSDS cannot carry (where
coordinates came from) are not mentioned, so they never overwrite the registry's. Tables are read as streams
with the same limits as spreadsheets. Rows are numbered in the order they are produced (organisation by
organisation), which is also the order of the package's organizations.csv.
"""

import contextlib
import csv
import io
import json
import re
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from providers_map.exchange.hsds import Vocabulary as HsdsVocabulary
from providers_map.exchange.hsds import decoding
from providers_map.exchange.hsds.mapping import SERVICE_STATUS
from providers_map.exchange.hsds.texts import months
from providers_map.hours import format_hours
from providers_map.models import Organisation

from . import limits
from .columns import COLUMNS
from .readers import NOT_GIVEN, Table, UnusableInput
from .vocabulary import russian

DESCRIPTOR = "datapackage.json"
TABLES = (
    "organization",
    "organization_identifier",
    "phone",
    "location",
    "address",
    "schedule",
    "accessibility",
    "service",
    "language",
    "cost_option",
    "required_document",
    "attribute",
)
HIDDEN_KEYS = ("organisation_uuid", "location_uuid", "service_uuid", "slug", "last_modified")
STATUS = {hsds_value: code for code, hsds_value in SERVICE_STATUS.items()}
SLUG = re.compile(r"/providers/([A-Za-z0-9-]+)/?$")
MAX_TABLE_BYTES = 64 * 1024 * 1024


def package_error(detail):
    return UnusableInput(_("The HSDS package cannot be read: %(detail)s") % {"detail": detail})


class Source:
    """The package's files, from a ZIP archive or a folder, each read with a size limit."""

    def __init__(self, archive=None, folder=None):
        self.archive, self.folder = archive, folder

    def names(self):
        if self.archive is not None:
            return set(self.archive.namelist())
        return {path.name for path in self.folder.iterdir() if path.is_file()}

    def read(self, name, limit):
        try:
            if self.archive is not None:
                info = self.archive.getinfo(name)
                if info.file_size > limit:
                    raise package_error(_("%(name)s is too large.") % {"name": name})
                with self.archive.open(info) as stream:
                    data = stream.read(limit + 1)
            else:
                path = self.folder / name
                if path.stat().st_size > limit:
                    raise package_error(_("%(name)s is too large.") % {"name": name})
                data = path.read_bytes()
        except (KeyError, FileNotFoundError):
            raise package_error(_("the file %(name)s is missing.") % {"name": name}) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise package_error(_("%(name)s is damaged.") % {"name": name}) from exc
        if len(data) > limit:
            raise package_error(_("%(name)s is too large.") % {"name": name})
        return data


def read_package(source):
    """{table: [records]} for the tables the registry uses, from the descriptor's resources."""
    try:
        descriptor = json.loads(source.read(DESCRIPTOR, limits.MAX_SMALL_PART_BYTES).decode("utf-8"))
        resources = {resource["name"]: resource["path"] for resource in descriptor["resources"]}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise package_error(_("datapackage.json is not a data package descriptor.")) from exc
    if "organization" not in resources:
        raise package_error(_("it has no organization table."))
    tables, total = {}, 0
    for table in TABLES:
        path = resources.get(table)
        if not path:
            tables[table] = []
            continue
        if not isinstance(path, str) or "/" in path.strip("./") or ".." in path:
            raise package_error(_("the path of the %(table)s table is not a file of the package.") % {"table": table})
        data = source.read(path, MAX_TABLE_BYTES)
        try:
            reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
            records = []
            for record in reader:
                total += 1
                if total > limits.MAX_ROWS * 10:
                    raise UnusableInput(_("The file has too many cells: split it into parts."))
                records.append({key: value for key, value in record.items() if key and value not in (None, "")})
        except (csv.Error, UnicodeDecodeError) as exc:
            raise package_error(_("%(name)s is not CSV in UTF-8.") % {"name": path}) from exc
        tables[table] = records
    return tables


class Flattener:
    """HSDS records → rows of the layout (dicts of column keys)."""

    def __init__(self, tables, vocabulary=None):
        """`vocabulary` looks up taxonomy term ids (`lookup(term_id)` → (key, code)): ours by default; the
        harvester passes its crosswalk of a feed's terms."""
        self.tables = tables
        self.vocabulary = vocabulary or HsdsVocabulary()
        self.by = {}
        for table, key in (
            ("organization_identifier", "organization_id"),
            ("phone", "organization_id"),
            ("location", "organization_id"),
            ("address", "location_id"),
            ("schedule", "location_id"),
            ("accessibility", "location_id"),
            ("service", "organization_id"),
            ("language", "service_id"),
            ("required_document", "service_id"),
            ("attribute", "link_id"),
        ):
            index = {}
            for record in tables[table]:
                index.setdefault(record.get(key), []).append(record)
            self.by[table] = index

    def related(self, table, owner):
        return self.by[table].get(owner, [])

    def codes(self, link_id):
        return decoding.codes_by_taxonomy(self.related("attribute", link_id), self.vocabulary)

    def rows(self):
        for organization in self.tables["organization"]:
            yield from self.organisation_rows(organization)

    def organisation_rows(self, organization):
        org_id = organization.get("id", "")
        services = self.related("service", org_id)
        cells = self.organisation_cells(organization, services)
        locations = self.related("location", org_id)
        if not locations:
            yield {"row_kind": "организация", **cells}
        for location in locations:
            yield {"row_kind": "адрес", **cells, **self.location_cells(location)}
        for service in services:
            yield {
                "row_kind": "услуга",
                "name": cells["name"],
                "inn": cells.get("inn", ""),
                "ogrn": cells.get("ogrn", ""),
                **self.service_cells(service),
            }

    def organisation_cells(self, organization, services):
        org_id = organization.get("id", "")
        numbers = {record.get("identifier_scheme"): record.get("identifier", "") for record in self.related(
            "organization_identifier", org_id)}  # fmt: skip
        codes = self.codes(org_id)
        uri = organization.get("uri", "")
        slug = SLUG.search(uri)
        cells = {
            "organisation_uuid": org_id,
            "slug": slug[1] if slug else "",
            "name": organization.get("name", ""),
            "short_name": organization.get("alternate_name", ""),
            "inn": numbers.get("RU-INN", ""),
            "ogrn": numbers.get("RU-OGRN", ""),
            "ownership": first(codes.get("ownership")),
            "sector": first(codes.get("sectors")),
            "website": organization.get("website", ""),
            "email": organization.get("email", ""),
            "phones": "; ".join(record.get("number", "") for record in self.related("phone", org_id)),
            "description": organization.get("description", ""),
            "in_official_registry": "да" if "official-registry" in codes.get("registry-marks", []) else "нет",
        }
        if services:  # what HSDS keeps on each service is the organisation's: read it from the first
            service = services[0]
            service_codes = self.codes(service.get("id"))
            cost = first(service_codes.get("cost"))
            cells.update(
                how_to_get_help=service.get("application_process", ""),
                referral_required=first(service_codes.get("referral")),
                cost=cost,
                cost_note=cost_note(service.get("fees_description", ""), cost),
                verified_at=service.get("assured_date", ""),
                status=STATUS.get(service.get("status", ""), ""),
                documents="\n".join(
                    record.get("document", "") for record in self.related("required_document", service.get("id"))
                ),
                last_modified=service.get("last_modified", ""),
            )
        return cells

    def location_cells(self, location):
        location_id = location.get("id", "")
        address = next(iter(self.related("address", location_id)), {})
        codes = self.codes(location_id)
        accessibility = []
        for record in self.related("accessibility", location_id):
            accessibility.extend(self.codes(record.get("id")).get("accessibility", []))
        has_point = location.get("latitude") and location.get("longitude")
        try:
            hours = format_hours(decoding.hours_from_schedules(self.related("schedule", location_id)))
        except ValueError as exc:
            hours = f"!{exc}"  # reported by the cleaning of the hours column
        return {
            "location_uuid": location_id,
            "location_name": location.get("name", ""),
            "region": address.get("state_province", ""),
            "locality": address.get("city", ""),
            "address": address.get("address_1", ""),
            "postcode": address.get("postal_code", ""),
            "latitude": location.get("latitude", ""),
            "longitude": location.get("longitude", ""),
            "coordinates_approximate": "да" if "approximate-coordinates" in codes.get("registry-marks", []) else "",
            "coordinates_source": "" if has_point else "не указано",
            "opening_hours": hours,
            "accessibility": "; ".join(accessibility),
            "delivery_modes": "; ".join(codes.get("delivery-modes", [])),
        }

    def service_cells(self, service):
        service_id = service.get("id", "")
        codes = self.codes(service_id)
        languages = [record.get("code", "") for record in self.related("language", service_id)]
        # (the mapping writes Russian for a service without languages: the planner treats the two alike)
        type_code = first(codes.get("service-types")) or service.get("name", "")
        return {
            "service_uuid": service_id,
            "services": type_code,
            "service_description": service.get("description", ""),
            "age_min_months": as_months(service.get("minimum_age")),
            "age_max_months": as_months(service.get("maximum_age")),
            "concerns": "; ".join(codes.get("developmental-concerns", [])),
            "languages": "; ".join(languages),
        }


def first(values):
    return values[0] if values else ""


def as_months(value):
    if value in (None, ""):
        return ""
    try:
        return str(months(value))
    except ValueError:
        return str(value)


def cost_note(fees_description, cost):
    """The mapping writes "<cost label>. <note>": take the note back."""
    labels = dict(Organisation.Cost.choices)
    text = (fees_description or "").strip()
    if cost in labels:
        prefix = russian(labels[cost]).capitalize() + "."
        if text.lower().startswith(prefix.lower()):
            return text[len(prefix) :].strip()
    return text


def header_keys():
    return [column.key for column in COLUMNS] + [f"_{key}" for key in HIDDEN_KEYS]


def tables_table(tables, vocabulary=None):
    """HSDS tables ({table: [records]}, as `read_package` gives them) as a Table of the import's layout."""
    keys = header_keys()
    flat_keys = [key.lstrip("_") for key in keys]

    def rows():
        for number, row in enumerate(Flattener(tables, vocabulary).rows(), start=2):
            yield number, [row.get(key, NOT_GIVEN) for key in flat_keys]

    total = sum(1 for _ in tables["organization"])
    return Table(header=keys, rows=rows(), format="hsds", estimate_rows=lambda done: max(done, total), sparse=True)


@contextlib.contextmanager
def open_package_table(source):
    yield tables_table(read_package(source))


@contextlib.contextmanager
def open_package_path(path):
    """A package folder (with datapackage.json) as a Table."""
    with open_package_table(Source(folder=Path(path))) as table:
        yield table


@contextlib.contextmanager
def open_package_zip(handle):
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise package_error(_("the ZIP archive is damaged.")) from exc
    with archive, open_package_table(Source(archive=archive)) as table:
        yield table
