"""Spreadsheet import of the provider registry: read → clean/validate → geocode → upsert.

`run_import(data, file_name, dry_run=False, user=None)` and `run_import_path(path, ...)` return an
ImportResult (counts, problems with row/column/value/reason, per-organisation plans, exit code).
"""

from .pipeline import ImportResult, run_import, run_import_path

__all__ = ["ImportResult", "run_import", "run_import_path"]
