"""Spreadsheet import of the provider registry: read → clean/validate → check → match/geocode → plan → write.

`run_import(data, file_name, dry_run=False, user=None, progress=None)` and `run_import_path(path, ...)` return
an ImportResult (counts, problems with row/column/value/reason, per-organisation plans with their changes,
exit code). Imported lazily: this package is also a Django app (its ImportJob model), loaded before models.
"""


def __getattr__(name):
    if name in ("ImportResult", "run_import", "run_import_path", "run_import_file"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["ImportResult", "run_import", "run_import_file", "run_import_path"]
