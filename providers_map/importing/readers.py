"""Read a CSV or XLSX file into a header and numbered rows of raw cell values.

CSV: UTF-8, UTF-8 with BOM, UTF-16 with BOM (Excel's "Unicode text") and Windows-1251 are detected;
the delimiter (";", "," or tab) is sniffed from the header line. XLSX: the first worksheet, read with
openpyxl; date cells arrive as dates and numbers as numbers. Row numbers are the ones the spreadsheet
shows (the header is row 1).
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

MAX_ROWS = 200_000


class UnusableInput(Exception):
    """The file cannot be imported at all (exit code 2)."""


@dataclass
class Table:
    header: list
    rows: list = field(default_factory=list)  # [(row_number, [cell values])]
    format: str = "csv"
    encoding: str = ""
    delimiter: str = ""


def detect_format(name, data):
    suffix = Path(name or "").suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix == ".xls":
        raise UnusableInput(_("The old Excel format (.xls) is not supported: save the file as XLSX or CSV."))
    if suffix in ("", ".csv", ".txt", ".tsv"):
        return "csv"
    raise UnusableInput(_("Unknown file format “%(suffix)s”: use CSV or XLSX.") % {"suffix": suffix})


def decode(data):
    """Return (text, encoding name) or raise UnusableInput."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1251"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, encoding
    raise UnusableInput(_("The file cannot be decoded as text: save it as CSV in UTF-8 or Windows-1251, or as XLSX."))


def sniff_delimiter(text):
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def read_csv(data):
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise UnusableInput(_("The CSV file is damaged: %(error)s.") % {"error": exc}) from exc
    if not records:
        raise UnusableInput(_("The file is empty."))
    rows = [(number, record) for number, record in enumerate(records[1:], start=2)]
    return Table(header=records[0], rows=rows, format="csv", encoding=encoding, delimiter=delimiter)


def read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnusableInput(_("The XLSX file cannot be opened: it is damaged or not an Excel workbook.")) from exc
    try:
        sheet = workbook.worksheets[0]
        header, rows = None, []
        for row in sheet.iter_rows():
            cells = [cell.value for cell in row]
            number = next((cell.row for cell in row if getattr(cell, "row", None)), None)
            if header is None:
                header = cells
                continue
            rows.append((number or len(rows) + 2, cells))
    finally:
        workbook.close()
    if header is None:
        raise UnusableInput(_("The file is empty."))
    return Table(header=header, rows=rows, format="xlsx")


def read_table(data, name=""):
    """Read raw file bytes (the name only hints the format) into a Table."""
    kind = detect_format(name, data)
    table = read_xlsx(data) if kind == "xlsx" else read_csv(data)
    while table.header and table.header[-1] in (None, ""):
        table.header.pop()
    if len(table.rows) > MAX_ROWS:
        raise UnusableInput(_("The file has more than %(count)s rows: split it into parts.") % {"count": MAX_ROWS})
    return table


def read_path(path):
    """The file's bytes, or UnusableInput when it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnusableInput(_("File not found: %(path)s.") % {"path": path}) from exc
    except (IsADirectoryError, PermissionError) as exc:
        raise UnusableInput(_("The file cannot be read: %(path)s.") % {"path": path}) from exc
    return data
