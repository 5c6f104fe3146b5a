"""`manage.py import_providers PATH [--dry-run] [--report PATH] [--progress/--no-progress]`.

Imports the registry from XLSX or CSV (the template's or the export's layout) in one transaction; the dry
run lists per organisation what would be created or changed (column: old → new), what stays and what is
rejected. A progress bar goes to standard error (by default when it is a terminal).
Exit codes: 0 every row accepted, 1 some rows rejected (and reported), 2 the file is unusable, 3 the database
stopped answering (nothing was written: run the command again).
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.db_outage import DATABASE_UNAVAILABLE
from providers_map.exchange.importing.pipeline import run_import_path
from providers_map.exchange.importing.problems import report_csv
from providers_map.exchange.importing.summary import summary_lines


class ProgressBar:
    """`[#####-----] 5 000 / ~10 000 rows · 2 310 rows/s · 2 s left` on one line, redrawn at most 5 times a second."""

    WIDTH = 30

    def __init__(self, stream, clock=time.monotonic):
        self.stream, self.clock = stream, clock
        self.phase, self.started, self.drawn = None, 0.0, 0.0

    def __call__(self, phase, done, total):
        now = self.clock()
        if phase != self.phase:
            if self.phase is not None:
                self.stream.write("\n")
            self.phase, self.started = phase, now
        elif now - self.drawn < 0.2 and done < total:
            return
        self.drawn = now
        total = max(total, done, 1)
        filled = int(self.WIDTH * done / total)
        rate = done / max(now - self.started, 1e-3)
        left = (total - done) / rate if rate else 0
        label = {"write": _("writing"), "check": _("checking")}.get(phase, _("reading"))
        self.stream.write(
            f"\r{label:>8} [{'#' * filled}{'-' * (self.WIDTH - filled)}] {done} / ~{total} "
            + _("rows · %(rate)s rows/s · %(left)s s left") % {"rate": round(rate), "left": round(left)}
        )
        self.stream.flush()

    def close(self):
        if self.phase is not None:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Import providers from an XLSX or CSV file in the registry's layout (one transaction)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="XLSX, or CSV (UTF-8 or Windows-1251, ';' or ',') file.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change, write nothing.")
        parser.add_argument("--report", help="Write rejected rows and warnings to this CSV file.")
        parser.add_argument(
            "--progress",
            action="store_true",
            default=None,
            help="Show a progress bar (default: when standard error is a terminal).",
        )
        parser.add_argument("--no-progress", action="store_false", dest="progress")

    def handle(self, *args, path, dry_run, report, progress, **options):
        show = sys.stderr.isatty() if progress is None else progress
        bar = ProgressBar(self.stderr._out if hasattr(self.stderr, "_out") else self.stderr) if show else None
        try:
            result = run_import_path(path, dry_run=dry_run, progress=bar)
        except DATABASE_UNAVAILABLE as exc:
            raise CommandError(
                _("The database stopped answering (%(error)s); nothing was imported. Run the command again.")
                % {"error": str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__},
                returncode=3,
            ) from exc
        if bar:
            bar.close()
        out = self.stderr if result.unusable else self.stdout
        for line in summary_lines(result):
            out.write(line)
        if report:
            Path(report).write_text(report_csv(result.problems), encoding="utf-8", newline="")
        if result.exit_code:
            sys.exit(result.exit_code)
