"""Spreadsheet import of the provider registry: read → clean/validate → check → match/geocode → plan → write.

`pipeline.run_import(data, file_name, dry_run=False, user=None, progress=None)` and `pipeline.run_import_path(path,
...)` return an ImportResult (counts, problems with row/column/value/reason, per-organisation plans with their
changes, exit code).
"""
