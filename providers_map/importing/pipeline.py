"""The import run: read → clean/validate → cross-check → geocode → plan → write (one transaction)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .checks import cross_check
from .cleaning import clean_row
from .columns import REQUIRED_KEYS, column_for_header, header
from .geocode import place
from .problems import ERROR, WARNING, Problem
from .readers import UnusableInput, read_path, read_table
from .upsert import CREATE, UPDATE, Writer, find_existing, plan_organisation
from .vocabulary import Vocabulary


@dataclass
class ImportResult:
    file_name: str
    dry_run: bool = False
    unusable: str = ""  # why the file could not be used at all
    rows_total: int = 0
    rows_accepted: int = 0
    problems: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    ignored_columns: list = field(default_factory=list)

    @property
    def errors(self):
        return [p for p in self.problems if p.kind == ERROR]

    @property
    def warnings(self):
        return [p for p in self.problems if p.kind == WARNING]

    @property
    def rows_rejected(self):
        return len({p.row for p in self.errors if p.row})

    def count(self, action):
        return sum(1 for plan in self.plans if plan.action == action)

    @property
    def created(self):
        return self.count(CREATE)

    @property
    def updated(self):
        return self.count(UPDATE)

    @property
    def unchanged(self):
        return self.count("unchanged")

    @property
    def rows_changed(self):
        """Accepted rows whose organisation is created or changed by this run (0 on a repeated run)."""
        return sum(len(plan.rows) for plan in self.plans if plan.action in (CREATE, UPDATE))

    @property
    def exit_code(self):
        if self.unusable:
            return 2
        return 1 if self.errors else 0


def map_header(cells):
    """{column key: cell index} for the header row, or raise UnusableInput for a broken header."""
    mapping, unknown = {}, []
    for index, cell in enumerate(cells):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        key = column_for_header(text)
        if key is None:
            unknown.append(text)
        elif key in mapping:
            raise UnusableInput(_("The column “%(header)s” appears twice in the header.") % {"header": text})
        else:
            mapping[key] = index
    if not mapping:
        raise UnusableInput(
            _("The first row is not the template's header: none of its cells is a known column. Use the template.")
        )
    missing = [header(key) for key in REQUIRED_KEYS if key not in mapping]
    if "inn" not in mapping and "ogrn" not in mapping:
        missing.append(f"{header('inn')} / {header('ogrn')}")
    if missing:
        raise UnusableInput(_("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
    return mapping, unknown


def row_cells(values, mapping):
    return {key: (values[index] if index < len(values) else None) for key, index in mapping.items()}


def is_blank(values):
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def analyse(table, file_name, dry_run):
    """Everything up to the plans, without writing."""
    result = ImportResult(file_name=file_name, dry_run=dry_run)
    mapping, result.ignored_columns = map_header(table.header)
    vocabulary = Vocabulary.from_db()
    cleaned = []
    for number, values in table.rows:
        if is_blank(values):
            continue
        result.rows_total += 1
        clean, problems = clean_row(number, row_cells(values, mapping), vocabulary)
        result.problems.extend(problems)
        if clean is not None:
            cleaned.append(clean)
    accepted, problems = cross_check(cleaned)
    result.problems.extend(problems)
    groups = {}
    for clean in accepted:
        groups.setdefault(clean.org_key, []).append(clean)
    existing, problems = find_existing(groups)
    result.problems.extend(problems)
    rejected = {p.row for p in problems}
    groups = {key: rows for key, rows in groups.items() if not rejected.intersection(r.row for r in rows)}
    accepted_rows = [row for rows in groups.values() for row in rows]
    result.problems.extend(place(accepted_rows, vocabulary.region_codes))
    result.plans = [plan_organisation(key, rows, existing[key]) for key, rows in groups.items()]
    result.rows_accepted = len(accepted_rows)
    return result


def run_import(data, file_name, dry_run=False, user=None):
    """Import raw file bytes. Never raises for bad input: the result says what happened."""
    try:
        table = read_table(data, file_name)
        with transaction.atomic():
            result = analyse(table, file_name, dry_run)
            if not dry_run:
                source = _("import from the file “%(name)s”") % {"name": file_name[:150]}
                writer = Writer(data_source=source, user=user)
                for plan in result.plans:
                    writer.write(plan)
    except UnusableInput as exc:
        return ImportResult(file_name=file_name, dry_run=dry_run, unusable=str(exc))
    return result


def run_import_path(path, dry_run=False, user=None):
    from pathlib import Path

    try:
        data = read_path(path)
    except UnusableInput as exc:
        return ImportResult(file_name=str(path), dry_run=dry_run, unusable=str(exc))
    return run_import(data, Path(path).name, dry_run=dry_run, user=user)


__all__ = ["ImportResult", "Problem", "run_import", "run_import_path"]
