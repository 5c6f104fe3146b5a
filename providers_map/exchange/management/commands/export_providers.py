"""`manage.py export_providers --format csv|xlsx|geojson|hsds [--output PATH] [--template]`.

Exports the published registry: CSV/XLSX in the import layout, GeoJSON, or the HSDS 3.0 tabular data package
(CSV files + datapackage.json into the folder --output names, or one ZIP when it ends in .zip or goes to
standard output). `--template` writes the empty import template instead. Without --output the data go to
standard output.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from providers_map.exchange import exporting
from providers_map.exchange.exporting import hsds_package

FORMATS = ("csv", "xlsx", "geojson", "hsds")


class Command(BaseCommand):
    help = "Export the published provider registry, or the empty import template."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--output", help="File to write (standard output when omitted).")
        parser.add_argument("--template", action="store_true", help="Write the empty import template (csv or xlsx).")

    def handle(self, *args, format, output, template, **options):
        if template:
            if format not in ("csv", "xlsx"):
                raise CommandError("The template exists as csv or xlsx.")
            data = exporting.template_csv() if format == "csv" else exporting.template_xlsx()
        elif format == "csv":
            data = exporting.export_csv()
        elif format == "xlsx":
            data = exporting.export_xlsx()
        elif format == "hsds":
            base_url = hsds_package.site_base_url()
            if output and not output.endswith(".zip"):
                files = hsds_package.write_directory(output, base_url=base_url)
                self.stderr.write(f"{len(files)} files -> {output}")
                return
            data = hsds_package.export_hsds_zip(base_url=base_url)
        else:
            data = exporting.export_geojson()
        if output:
            Path(output).write_bytes(data)
            self.stderr.write(f"{len(data)} bytes -> {output}")
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
