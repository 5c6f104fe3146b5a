"""`manage.py import_providers PATH [--dry-run] [--report PATH]`: import the registry from CSV or XLSX.

Exit codes: 0 every row accepted, 1 some rows rejected (and reported), 2 the file is unusable.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from providers_map.importing import run_import_path
from providers_map.importing.problems import report_csv
from providers_map.importing.summary import summary_lines


class Command(BaseCommand):
    help = "Import providers from a CSV or XLSX file in the template's layout (one transaction)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV (UTF-8 or Windows-1251, ';' or ',') or XLSX file.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, write nothing.")
        parser.add_argument("--report", help="Write rejected rows and warnings to this CSV file.")

    def handle(self, *args, path, dry_run, report, **options):
        result = run_import_path(path, dry_run=dry_run)
        out = self.stderr if result.unusable else self.stdout
        for line in summary_lines(result):
            out.write(line)
        if report:
            Path(report).write_text(report_csv(result.problems), encoding="utf-8", newline="")
        if result.exit_code:
            sys.exit(result.exit_code)
