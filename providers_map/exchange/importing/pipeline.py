"""The import run: read → clean/validate → cross-check → match → plan (geocode) → write (one transaction).

`run_import_path(path, dry_run=False, user=None, progress=None)` (and `run_import(data, name, ...)` for bytes)
return an ImportResult and never raise for bad input. `progress(phase, done, total)` is called as rows are
read ("read") and written ("write"); `total` is an estimate while reading.
"""

import io
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from . import fingerprint
from .checks import cross_check
from .cleaning import clean_row
from .columns import BY_KEY, COLUMNS, KIND_SERVICE, REQUIRED_KEYS, column_for_header, header
from .hsds_reader import open_package_path
from .opening import open_table
from .planning import CREATE, UNCHANGED, UPDATE, Planner
from .problems import ERROR, WARNING, Problem
from .readers import NOT_GIVEN, UnusableInput
from .row_cleaner import cell_text
from .snapshot import find_existing
from .upsert import Writer, update_search
from .vocabulary import Vocabulary

MAX_KEPT_PLANS = 5000


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
    notices: list = field(default_factory=list)  # about the file as a whole
    rejected_organisations: list = field(default_factory=list)  # {"key", "name", "rows"}
    written: list = field(default_factory=list)  # ids of the entries this run created or changed

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
        return self.count(UNCHANGED)

    @property
    def changes(self):
        """Organisations the run creates or changes (0 for an unchanged file)."""
        return self.created + self.updated

    @property
    def rows_changed(self):
        """Accepted rows whose organisation is created or changed by this run (0 on a repeated run)."""
        return sum(len(plan.rows) for plan in self.plans if plan.action in (CREATE, UPDATE))

    @property
    def exit_code(self):
        if self.unusable:
            return 2
        return 1 if self.errors else 0

    def as_dict(self):
        """What the admin keeps of a run (JSON): counts, plans that change something, problems."""
        changing = [plan.as_dict() for plan in self.plans if plan.action != UNCHANGED]
        return {
            "file_name": self.file_name,
            "dry_run": self.dry_run,
            "unusable": self.unusable,
            "rows_total": self.rows_total,
            "rows_accepted": self.rows_accepted,
            "rows_rejected": self.rows_rejected,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "warnings": len(self.warnings),
            "exit_code": self.exit_code,
            "ignored_columns": self.ignored_columns,
            "notices": self.notices,
            "plans": changing[:MAX_KEPT_PLANS],
            "plans_hidden": max(0, len(changing) - MAX_KEPT_PLANS),
            "unchanged_names": [plan.name for plan in self.plans if plan.action == UNCHANGED][:MAX_KEPT_PLANS],
            "rejected_organisations": self.rejected_organisations,
            "problems": [problem.as_dict() for problem in sorted(self.problems, key=lambda p: (p.row, p.kind))],
        }


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


class CellPicker:
    """{column key: cell} for many rows of one header, at C speed."""

    def __init__(self, mapping):
        self.keys = list(mapping)
        self.width = max(mapping.values()) + 1
        self.pick = operator.itemgetter(*mapping.values())

    def __call__(self, values):
        if len(values) < self.width:
            values = list(values) + [None] * (self.width - len(values))
        picked = self.pick(values)
        return dict(zip(self.keys, picked if len(self.keys) > 1 else (picked,), strict=True))


def is_blank(values):
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def raw_key(cells):
    """The organisation a rejected row was meant for (its ОГРН, else ИНН), as well as the text allows."""
    for column in ("ogrn", "inn"):
        digits = re.sub(r"\D", "", cell_text(cells.get(column)))
        if column == "inn" and len(digits) in (9, 11):
            digits = "0" + digits
        if digits:
            return digits
    return ""


def row_summary(cells):
    """What a row was about, for "published without row N (…)"."""
    kind = cell_text(cells.get("row_kind")).lower()
    if kind.startswith("услуг") or kind == KIND_SERVICE:
        return KIND_SERVICE, _("service %(name)s") % {"name": cell_text(cells.get("services"))}
    place = ", ".join(p for p in (cell_text(cells.get("locality")), cell_text(cells.get("address"))) if p)
    return "location", _("address %(place)s") % {"place": place or "—"}


class Analysis:
    """Steps 1–4 for one table; keeps the rejected rows' details to explain them per organisation."""

    def __init__(self, table, file_name, dry_run, progress):
        self.table, self.progress = table, progress
        self.result = ImportResult(file_name=file_name, dry_run=dry_run)
        self.rejected_cells = {}  # row -> raw cells of rows with errors

    def run(self):
        result = self.result
        mapping, result.ignored_columns = map_header(self.table.header)
        self.note_missing_columns(mapping)
        vocabulary = Vocabulary.from_db()
        read = self.read(CellPicker(mapping))
        self.raw_groups = {}
        for number, cells in read:
            self.raw_groups.setdefault(raw_key(cells), []).append((number, cells))
        self.context = fingerprint.context_digest(mapping, vocabulary)
        self.digests = {}  # raw key -> digest of its rows, for this run
        fresh = fingerprint.fresh_plans(self.raw_groups, self.context, self.digests)
        for plan, problems in fresh.values():
            result.plans.append(plan)
            result.problems.extend(problems)
            result.rows_accepted += plan.accepted_rows
        cleaned = []
        to_clean = [(number, cells) for number, cells in read if raw_key(cells) not in fresh]
        for done, (number, cells) in enumerate(to_clean, start=1):
            clean, problems = clean_row(number, cells, vocabulary)
            if problems:
                result.problems.extend(problems)
                self.rejected_cells[number] = cells
            if clean is not None:
                cleaned.append(clean)
            if done % 500 == 0:
                self.progress("check", done, len(to_clean))
        self.progress("check", len(to_clean), len(to_clean))
        accepted = self.checked(cross_check(cleaned))
        groups = {}
        for clean in accepted:
            groups.setdefault(clean.org_key, []).append(clean)
        existing, problems = find_existing(groups)
        rejected = set(self.add(problems, groups))
        groups = {key: rows for key, rows in groups.items() if not rejected.intersection(r.row for r in rows)}
        planner = Planner(vocabulary, self.rejected_by_key(groups))
        for key, rows in groups.items():
            plan, problems = planner.plan(key, rows, existing[key])
            self.add(problems, groups)
            if plan is not None:
                plan.state_target = (existing[key].pk, existing[key].revision_id) if existing[key] else (None, None)
                result.plans.append(plan)
                result.rows_accepted += len(rows)
        result.rejected_organisations = self.rejected_organisations({plan.key for plan in result.plans})
        return result

    def read(self, pick):
        """Every non-empty row as (number, cells), with progress; the limits are checked by the reader."""
        rows = []
        self.progress("read", 0, self.table.estimate_rows(0))
        sparse = self.table.sparse
        for number, values in self.table.rows:
            if is_blank(values):
                continue
            cells = pick(values)
            if sparse:
                cells = {key: value for key, value in cells.items() if value is not NOT_GIVEN}
            rows.append((number, cells))
            if len(rows) % 1000 == 0:
                self.progress("read", len(rows), self.table.estimate_rows(len(rows)))
        self.result.rows_total = len(rows)
        self.progress("read", len(rows), len(rows))
        return rows

    def checked(self, outcome):
        accepted, problems = outcome
        self.add(problems)
        return accepted

    def add(self, problems, groups=None):
        """Record problems; rows with errors are remembered for the per-organisation explanation."""
        rows = []
        for problem in problems:
            self.result.problems.append(problem)
            if problem.kind == ERROR and problem.row not in self.rejected_cells:
                self.rejected_cells[problem.row] = self.cells_of(problem.row, groups)
            if problem.kind == ERROR:
                rows.append(problem.row)
        return rows

    def cells_of(self, row, groups):
        for rows in (groups or {}).values():
            for clean in rows:
                if clean.row == row:
                    return clean.cells
        return {}

    def rejected_by_key(self, groups):
        found = {}
        for row in sorted(self.rejected_cells):
            cells = self.rejected_cells[row]
            kind, what = row_summary(cells)
            found.setdefault(raw_key(cells), []).append({"row": row, "kind": kind, "what": what})
        return found

    def rejected_organisations(self, planned):
        organisations = {}
        for row in sorted(self.rejected_cells):
            cells = self.rejected_cells[row]
            key = raw_key(cells)
            if key in planned:
                continue
            entry = organisations.setdefault(
                key or f"row-{row}",
                {"key": key, "name": cell_text(cells.get("short_name")) or cell_text(cells.get("name")), "rows": []},
            )
            entry["name"] = entry["name"] or cell_text(cells.get("name"))
            entry["rows"].append(row)
            entry.setdefault("problems", []).extend(
                problem.as_dict() for problem in self.result.problems if problem.row == row and problem.kind == ERROR
            )
        return list(organisations.values())

    def note_missing_columns(self, mapping):
        absent = [
            column.header for column in COLUMNS if column.key not in mapping and column.key not in ("inn", "ogrn")
        ]
        if absent:
            self.result.notices.append(
                _(
                    "The file has no columns %(columns)s: these details stay as they are in the registry "
                    "(new entries get the usual defaults)."
                )
                % {"columns": ", ".join(f"«{name}»" for name in absent)}
            )


def _no_progress(phase, done, total):
    pass


SEARCH_NOW, SEARCH_LATER = "now", "later"


def run_table(table, file_name, dry_run=False, user=None, progress=None, search=SEARCH_NOW, data_source=""):
    """Analyse (and, unless dry_run, write) in one transaction. The site's search is then updated for the
    written entries at once (`search="now"`), or left to the caller (`"later"`: `result.written` lists them).
    `data_source` is what the written entries say they come from (the file's name by default)."""
    progress = progress or _no_progress
    with transaction.atomic():
        analysis = Analysis(table, file_name, dry_run, progress)
        result = analysis.run()
        if not dry_run:
            source = data_source or _("import from the file “%(name)s”") % {"name": file_name[:150]}
            total = result.rows_changed
            writer = Writer(data_source=source, user=user, progress=lambda done: progress("write", done, total))
            writer.write(result.plans)
            result.written = writer.written
            fingerprint.store(result.plans, analysis.raw_groups, analysis.context, result.problems, analysis.digests)
    if result.written and search == SEARCH_NOW:
        update_search(result.written)
    return result


def run_import_file(handle, file_name, dry_run=False, user=None, progress=None, search=SEARCH_NOW):
    """Import from a binary file object. Never raises for bad input: the result says what happened."""
    try:
        with open_table(handle, file_name) as table:
            return run_table(table, file_name, dry_run=dry_run, user=user, progress=progress, search=search)
    except UnusableInput as exc:
        return ImportResult(file_name=file_name, dry_run=dry_run, unusable=str(exc))


def run_import(data, file_name, dry_run=False, user=None, progress=None, search=SEARCH_NOW):
    return run_import_file(io.BytesIO(data), file_name, dry_run=dry_run, user=user, progress=progress, search=search)


def run_import_path(path, dry_run=False, user=None, progress=None, search=SEARCH_NOW):
    path = Path(path)
    if path.is_dir():  # an HSDS tabular data package unpacked into a folder
        try:
            with open_package_path(path) as table:
                return run_table(table, path.name, dry_run=dry_run, user=user, progress=progress, search=search)
        except UnusableInput as exc:
            return ImportResult(file_name=str(path), dry_run=dry_run, unusable=str(exc))
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return ImportResult(
            file_name=str(path), dry_run=dry_run, unusable=_("File not found: %(path)s.") % {"path": path}
        )
    except (IsADirectoryError, PermissionError):
        return ImportResult(
            file_name=str(path), dry_run=dry_run, unusable=_("The file cannot be read: %(path)s.") % {"path": path}
        )
    with handle:
        return run_import_file(handle, path.name, dry_run=dry_run, user=user, progress=progress, search=search)


__all__ = ["BY_KEY", "ImportResult", "Problem", "run_import", "run_import_file", "run_import_path"]
