"""Every coverage figure as open data: CSV files (one table each), one XLSX workbook with all of them, and JSON.
Every row is stamped with the computation's time and the method's version; links use the canonical address."""

import csv
import io
import json

from django.core.cache import cache
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openpyxl import Workbook

from core.canonical import canonical_base_url
from core.spreadsheet_cells import guard

from .measures import BAND_NAMES
from .models import CoverageSnapshot, LocalityCoverage

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JSON_TYPE = "application/json"
CACHE_SECONDS = 3600
BAND_KEYS = {name: name.replace("-", "_").replace("+", "_plus") for name in BAND_NAMES}  # "60+" -> "60_plus"

REGION_COLUMNS = (
    ("code", gettext_lazy("Region code")),
    ("name", gettext_lazy("Federal subject")),
    ("population", gettext_lazy("Population")),
    ("children", gettext_lazy("Children aged 0–3")),
    *((f"people_{BAND_KEYS[b]}", format_lazy(gettext_lazy("People, {band} km"), band=b)) for b in BAND_NAMES),
    *((f"children_{BAND_KEYS[b]}", format_lazy(gettext_lazy("Children, {band} km"), band=b)) for b in BAND_NAMES),
    ("share_beyond_30", gettext_lazy("Share of people beyond 30 km")),
    ("children_beyond_30", gettext_lazy("Children beyond 30 km")),
    ("localities", gettext_lazy("Localities")),
    ("localities_beyond_30", gettext_lazy("Localities beyond 30 km")),
    ("children_from_table", gettext_lazy("Localities with uploaded child counts")),
    ("providers", gettext_lazy("Providers")),
    ("locations", gettext_lazy("Addresses")),
    ("locations_without_coordinates", gettext_lazy("Addresses without coordinates")),
    ("services", gettext_lazy("Services (type × address)")),
    ("services_per_10k_children", gettext_lazy("Services per 10 000 children")),
    ("state", gettext_lazy("State providers")),
    ("municipal", gettext_lazy("Municipal providers")),
    ("non_state", gettext_lazy("Non-state providers")),
    ("non_state_share", gettext_lazy("Non-state share")),
    ("stale", gettext_lazy("Entries not verified for 12 months")),
    ("stale_share", gettext_lazy("Share not verified for 12 months")),
    ("home_visits", gettext_lazy("Providers visiting families at home")),
    ("remote", gettext_lazy("Providers serving remotely")),
    ("beyond_30_with_home_visits", gettext_lazy("People beyond 30 km in a region with home visits")),
    ("beyond_30_with_remote", gettext_lazy("People beyond 30 km in a region with remote services")),
    ("zero_result_searches", gettext_lazy("Searches without results (12 months)")),
)
STAMP_COLUMNS = (("computed_at", gettext_lazy("Computed at")), ("method_version", gettext_lazy("Method version")))
LOCALITY_COLUMNS = (
    ("region_code", gettext_lazy("Region code")),
    ("name", gettext_lazy("Locality")),
    ("lat", gettext_lazy("Latitude")),
    ("lon", gettext_lazy("Longitude")),
    ("population", gettext_lazy("Population")),
    ("children", gettext_lazy("Children aged 0–3")),
    ("children_from_table", gettext_lazy("Children from the uploaded table")),
    ("distance_km", gettext_lazy("Distance to the nearest service, km")),
    ("band", gettext_lazy("Distance band, km")),
    ("nearest_name", gettext_lazy("Nearest provider")),
    ("nearest_url", gettext_lazy("Its page")),
    ("nearest_region_code", gettext_lazy("Its region")),
    ("home_visits", gettext_lazy("Home visits in the region")),
    ("remote", gettext_lazy("Remote services in the region")),
)
SERVICE_COLUMNS = (
    ("region_code", gettext_lazy("Region code")),
    ("service_type", gettext_lazy("Service type code")),
    ("service_name", gettext_lazy("Service type")),
    *((f"people_{BAND_KEYS[b]}", format_lazy(gettext_lazy("People, {band} km"), band=b)) for b in BAND_NAMES),
    ("share_beyond_30", gettext_lazy("Share of people beyond 30 km")),
)
HISTORY_COLUMNS = (
    ("day", gettext_lazy("Day")),
    ("code", gettext_lazy("Region code")),
    ("name", gettext_lazy("Federal subject")),
    ("population", gettext_lazy("Population")),
    ("share_beyond_30", gettext_lazy("Share of people beyond 30 km")),
    ("children_beyond_30", gettext_lazy("Children beyond 30 km")),
    ("providers", gettext_lazy("Providers")),
    ("services_per_10k_children", gettext_lazy("Services per 10 000 children")),
)


def stamp(snapshot):
    return {"computed_at": snapshot.computed_at.isoformat(), "method_version": snapshot.method_version}


def region_record(figures, snapshot):
    record = {key: figures.get(key) for key, _label in REGION_COLUMNS}
    record["name"] = figures["name"] or _("Russian Federation")
    for band in BAND_NAMES:
        record[f"people_{BAND_KEYS[band]}"] = figures["bands"][band]
        record[f"children_{BAND_KEYS[band]}"] = figures["children_bands"][band]
    record.update(figures["ownership"])
    return {**record, **stamp(snapshot)}


def region_records(snapshot):
    figures = snapshot.figures
    return [region_record(figures["national"], snapshot)] + [region_record(r, snapshot) for r in figures["regions"]]


def service_columns(snapshot):
    return [(f"distance_km_{item['slug']}", item["name"]) for item in snapshot.figures.get("service_types", [])]


def locality_json(row):
    """A locality as the API and the JSON file give it."""
    nearest = row.nearest[0] if row.nearest else None
    return {
        "name": row.name,
        "lat": row.latitude,
        "lon": row.longitude,
        "population": row.population,
        "children": row.children,
        "children_from_table": row.children_from_table,
        "distance_km": row.distance_km,
        "band": row.band,
        "nearest": {key: nearest[key] for key in ("name", "url", "distance_km")} if nearest else None,
        "nearest_services": row.nearest,
        "by_service": row.by_service,
        "home_visits": row.home_visits,
        "remote": row.remote,
    }


def locality_record(row, base_url, snapshot):
    """A locality as a flat row of the CSV and XLSX tables (links on the canonical address)."""
    item = locality_json(row)
    nearest = row.nearest[0] if row.nearest else {}
    record = {"region_code": row.region_code}
    record.update({key: item[key] for key, _label in LOCALITY_COLUMNS if key in item})
    record.update(
        nearest_name=nearest.get("name", ""),
        nearest_url=base_url + nearest["url"] if nearest else "",
        nearest_region_code=nearest.get("region_code", ""),
    )
    record.update({f"distance_km_{slug}": distance for slug, distance in row.by_service.items()})
    return {**record, **stamp(snapshot)}


def locality_records(snapshot):
    base_url = canonical_base_url()
    rows = LocalityCoverage.objects.order_by("region_code", "-population", "name").iterator(chunk_size=2000)
    return [locality_record(row, base_url, snapshot) for row in rows]


def service_records(snapshot):
    names = {item["slug"]: item["name"] for item in snapshot.figures.get("service_types", [])}
    records = []
    for region in snapshot.figures["regions"]:
        for slug, values in region["by_service"].items():
            record = {"region_code": region["code"], "service_type": slug, "service_name": names.get(slug, slug)}
            record.update({f"people_{BAND_KEYS[b]}": values["bands"][b] for b in BAND_NAMES})
            records.append({**record, "share_beyond_30": values["share_beyond_30"], **stamp(snapshot)})
    return records


def history_records():
    records = []
    for snapshot in CoverageSnapshot.objects.order_by("day"):
        for figures in [snapshot.figures["national"], *snapshot.figures["regions"]]:
            record = {key: figures.get(key) for key, _label in HISTORY_COLUMNS}
            record.update(day=snapshot.day.isoformat(), name=figures["name"] or _("Russian Federation"))
            records.append({**record, **stamp(snapshot)})
    return records


def table_builders(snapshot):
    """{file stem: () -> (sheet title, columns, records)}: a table is read only when asked for."""
    localities = LOCALITY_COLUMNS + tuple(service_columns(snapshot)) + STAMP_COLUMNS
    return {
        "regions": lambda: (_("Regions"), REGION_COLUMNS + STAMP_COLUMNS, region_records(snapshot)),
        "services": lambda: (_("By service type"), SERVICE_COLUMNS + STAMP_COLUMNS, service_records(snapshot)),
        "localities": lambda: (_("Localities"), localities, locality_records(snapshot)),
        "history": lambda: (_("Year of snapshots"), HISTORY_COLUMNS + STAMP_COLUMNS, history_records()),
    }


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return guard(str(value)) if isinstance(value, str) else str(value)


def to_csv(columns, records):
    """UTF-8 with BOM, ","-separated, keys in the header (stable names for programs)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([key for key, _label in columns])
    for record in records:
        writer.writerow([csv_value(record.get(key)) for key, _label in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(sheets):
    """One sheet per table: a heading row in words, the keys in the second row, then the records."""
    workbook = Workbook(write_only=True)
    for title, columns, records in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.freeze_panes = "A3"
        sheet.append([str(label) for _key, label in columns])
        sheet.append([key for key, _label in columns])
        for record in records:
            sheet.append([guard(v) if isinstance(v, str) else v for v in (record.get(k) for k, _l in columns)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_json(snapshot):
    figures = snapshot.figures
    rows = LocalityCoverage.objects.order_by("region_code", "-population", "name").iterator(chunk_size=2000)
    document = {
        **stamp(snapshot),
        "children_estimate": figures["children_estimate"],
        "service_types": figures.get("service_types", []),
        "national": figures["national"],
        "regions": figures["regions"],
        "localities": [{"region_code": row.region_code, **locality_json(row)} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


FILES = {
    "coverage-regions.csv": (CSV_TYPE, gettext_lazy("regions and the country: every figure")),
    "coverage-services.csv": (CSV_TYPE, gettext_lazy("regions by service type")),
    "coverage-localities.csv": (CSV_TYPE, gettext_lazy("every locality with its distances")),
    "coverage-history.csv": (CSV_TYPE, gettext_lazy("a year of daily snapshots")),
    "coverage.xlsx": (XLSX_TYPE, gettext_lazy("all the tables above as sheets of one workbook")),
    "coverage.json": (JSON_TYPE, gettext_lazy("the figures and every locality in one JSON document")),
}


def _build(name, snapshot):
    builders = table_builders(snapshot)
    if name == "coverage.json":
        return to_json(snapshot)
    if name == "coverage.xlsx":
        return to_xlsx([builder() for builder in builders.values()])
    _title, columns, records = builders[name.removeprefix("coverage-").removesuffix(".csv")]()
    return to_csv(columns, records)


def build(name, snapshot):
    """(content type, bytes) of a file, cached until the next computation."""
    content_type = FILES[name][0]
    key = f"coverage:file:{name}:{snapshot.pk}:{snapshot.computed_at.timestamp()}"
    data = cache.get(key)
    if data is None:
        data = _build(name, snapshot)
        cache.set(key, data, CACHE_SECONDS)
    return content_type, data
