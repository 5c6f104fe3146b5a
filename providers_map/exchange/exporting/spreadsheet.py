"""CSV and XLSX in the import template's layout, protected against formula injection."""

import csv
import datetime as dt
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheet_cells import guard
from providers_map.exchange.importing.columns import COLUMNS, HEADERS
from providers_map.exchange.importing.vocabulary import Vocabulary

from .rows import export_rows


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return guard(str(value))


def export_csv(rows=None):
    """UTF-8 with BOM, ";"-separated: what Russian Excel opens directly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in export_rows() if rows is None else rows:
        writer.writerow([csv_value(row.get(column.key)) for column in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return guard(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _workbook(rows):
    """The layout as the sheet «Реестр» of a streamed (write-only) workbook: bold header, frozen, dates as dates."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Реестр")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(45, max(12, len(column.header) + 2))
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        values = []
        for column in COLUMNS:
            value = xlsx_value(row.get(column.key))
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD.MM.YYYY"
                values.append(cell)
            else:
                values.append(value)
        sheet.append(values)
    return workbook


def _to_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_xlsx(rows=None):
    return _to_bytes(_workbook(export_rows() if rows is None else rows))


def template_csv():
    return export_csv(rows=[])


def template_xlsx():
    """The empty layout plus a second sheet explaining every column and its allowed values."""
    workbook = _workbook([])
    help_sheet = workbook.create_sheet("Справка")
    for letter, width in zip("ABCDE", (28, 12, 60, 40, 80), strict=True):
        help_sheet.column_dimensions[letter].width = width
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def cells(values, **style):
        row = []
        for value in values:
            cell = WriteOnlyCell(help_sheet, value=value)
            for name, setting in style.items():
                setattr(cell, name, setting)
            row.append(cell)
        return row

    help_sheet.append(
        cells([_("Column"), _("Required"), _("What to write"), _("Example"), _("Allowed values")], font=bold)
    )
    allowed = allowed_values(Vocabulary.from_db())
    for column in COLUMNS:
        values = [
            column.header,
            _("yes") if column.required else "",
            str(column.help),
            guard(column.example),
            guard("; ".join(allowed.get(column.key, []))),
        ]
        help_sheet.append(cells(values, alignment=wrap))
    return _to_bytes(workbook)


def allowed_values(vocabulary):
    """Column key -> the list of allowed values (Russian labels or taxonomy names)."""
    return {
        "ownership": vocabulary.ownership.all_labels(),
        "sector": vocabulary.sector.all_labels(),
        "referral_required": vocabulary.referral_required.all_labels(),
        "cost": vocabulary.cost.all_labels(),
        "status": vocabulary.status.all_labels(),
        "services": vocabulary.service_types.all_names(),
        "concerns": vocabulary.concerns.all_names(),
        "languages": vocabulary.languages.all_names(),
        "region": sorted(vocabulary.regions.all_names()),
        "accessibility": vocabulary.accessibility.all_labels(),
        "delivery_modes": vocabulary.delivery_modes.all_labels(),
        "in_official_registry": ["да", "нет"],
        "coordinates_approximate": ["да", "нет"],
        "coordinates_source": vocabulary.coordinates_source.all_labels(),
        "row_kind": vocabulary.row_kind.all_labels(),
    }
