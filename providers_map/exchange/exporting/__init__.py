"""Exports of the public registry: CSV and XLSX in the import layout, GeoJSON (RFC 7946).

Only published (live) organisations are exported. Spreadsheet text that a spreadsheet program would run as
a formula gets a leading apostrophe; the importer removes it again, so an export re-imports unchanged.
"""

from .geojson import export_geojson
from .spreadsheet import export_csv, export_xlsx, template_csv, template_xlsx

__all__ = ["export_csv", "export_geojson", "export_xlsx", "template_csv", "template_xlsx"]
