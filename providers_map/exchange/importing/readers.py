"""Open an imported file as a table: a header and a stream of numbered rows of raw cell values.

The format is decided by the content, never by the name: a ZIP with an Excel workbook inside is XLSX (read
by `xlsx.py`), other known binary formats are refused by name ("a PDF document"), and anything else must be
text: CSV in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or Windows-1251, with
";", "," or tab between cells. Everything is read as a stream with the limits of `limits.py` checked on
the way, so a hostile file is stopped early. Row numbers are the ones a spreadsheet shows (header = 1).
"""

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

import filetype

from . import limits

NOT_GIVEN = type("NotGiven", (), {"__repr__": lambda self: "NOT_GIVEN"})()  # a cell a sparse table lacks


class UnusableInput(Exception):
    """The file cannot be imported at all (exit code 2)."""


@dataclass
class Table:
    header: list
    rows: object  # iterator of (row number, [cell values])
    format: str = "csv"
    encoding: str = ""
    delimiter: str = ""
    estimate_rows: object = None  # callable(rows read so far) -> the estimated number of rows
    sparse: bool = False  # rows may hold NOT_GIVEN: that column says nothing for that row


KIND_NAMES = {
    "docx": "документ Word",
    "doc": "документ Word",
    "odt": "текстовый документ OpenDocument",
    "pptx": "презентация PowerPoint",
    "ppt": "презентация PowerPoint",
    "pdf": "документ PDF",
    "exe": "программа Windows",
    "elf": "программа",
    "zip": "архив ZIP",
    "rar": "архив RAR",
    "7z": "архив 7-Zip",
    "gz": "архив gzip",
    "png": "изображение",
    "jpg": "изображение",
    "gif": "изображение",
    "sqlite": "база данных SQLite",
}


def file_size(handle):
    position = handle.tell()
    size = handle.seek(0, io.SEEK_END)
    handle.seek(position)
    return size


def not_a_spreadsheet(kind):
    name = KIND_NAMES.get(kind) or _("a “%(kind)s” file") % {"kind": kind}
    return UnusableInput(
        _("By its content this file is %(kind)s, not a spreadsheet: save the registry as XLSX or CSV.") % {"kind": name}
    )


def detect_format(handle):
    """ "xlsx" or "csv" from the first bytes (and the ZIP's table of contents), or UnusableInput."""
    head = handle.read(8192)
    handle.seek(0)
    if not head:
        raise UnusableInput(_("The file is empty."))
    if head.startswith(b"PK\x03\x04"):
        return zip_kind(handle)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnusableInput(_("The old Excel format (.xls) is not supported: save the file as XLSX or CSV."))
    kind = filetype.guess(head)
    if kind is not None:
        raise not_a_spreadsheet(kind.extension)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b"FeatureCollection" in head:
        raise UnusableInput(
            _(
                "This is the registry's GeoJSON map layer: it holds only the main facts and is not imported. "
                "Use the CSV or XLSX export (or the HSDS package)."
            )
        )
    return "csv"


def zip_kind(handle):
    try:
        archive = zipfile.ZipFile(handle)
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnusableInput(
            _("The XLSX file is damaged (perhaps it was not downloaded completely): open it in Excel and save again.")
        ) from exc
    finally:
        handle.seek(0)
    if len(names) > limits.MAX_ZIP_MEMBERS:
        raise UnusableInput(_("The archive has too many parts to be a spreadsheet."))
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "datapackage.json" in names:
        return "hsds"
    if "word/document.xml" in names:
        raise not_a_spreadsheet("docx")
    if any(name.startswith("ppt/") for name in names):
        raise not_a_spreadsheet("pptx")
    if "content.xml" in names:
        raise UnusableInput(_("OpenDocument spreadsheets (.ods) are not supported: save the file as XLSX or CSV."))
    raise not_a_spreadsheet("zip")


# --- CSV ---

UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")


def detect_encoding(handle):
    """The text encoding of a CSV file, checked over the whole file in chunks, or UnusableInput."""
    head = handle.read(4)
    handle.seek(0)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig" if _decodes(handle, "utf-8-sig") else _bad_text()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16" if _decodes(handle, "utf-16") else _bad_text()
    sample = handle.read(65536)
    handle.seek(0)
    if b"\x00" in sample:
        raise UnusableInput(
            _(
                "The file contains zero bytes: it is either not a text file or text in UTF-16 without a byte-order "
                "mark. Save it as CSV in UTF-8."
            )
        )
    if _decodes(handle, "utf-8"):
        return "utf-8"
    if _has_utf8_cyrillic(handle):
        raise UnusableInput(
            _(
                "Part of the file is in UTF-8 and part in another encoding (perhaps files were joined): save the "
                "whole file again as CSV in UTF-8."
            )
        )
    if _decodes(handle, "cp1251"):
        return "cp1251"
    return _bad_text()


def _bad_text():
    raise UnusableInput(_("The file cannot be decoded as text: save it as CSV in UTF-8 or Windows-1251, or as XLSX."))


def _decodes(handle, encoding):
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := handle.read(1 << 20):
            text = decoder.decode(chunk)
            if "\x00" in text:
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        handle.seek(0)
    return True


def _has_utf8_cyrillic(handle):
    found = 0
    try:
        while chunk := handle.read(1 << 20):
            found += len(UTF8_CYRILLIC.findall(chunk))
            if found >= 20:
                return True
    finally:
        handle.seek(0)
    return False


def sniff_delimiter(text):
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def csv_rows(reader):
    """(row number, cells) with the limits checked as rows arrive."""
    cells_seen = 0
    try:
        for index, record in enumerate(reader):
            if index > limits.MAX_ROWS:
                raise UnusableInput(
                    _("The file has more than %(count)s rows: split it into parts.") % {"count": limits.MAX_ROWS}
                )
            if len(record) > limits.MAX_COLUMNS:
                raise UnusableInput(
                    _("Row %(row)s has more than %(count)s cells: this is not the registry's layout.")
                    % {"row": index + 1, "count": limits.MAX_COLUMNS}
                )
            cells_seen += len(record)
            if cells_seen > limits.MAX_CELLS:
                raise UnusableInput(_("The file has too many cells: split it into parts."))
            yield index + 1, record
    except csv.Error as exc:
        raise UnusableInput(
            _("The CSV file is damaged near row %(row)s: %(error)s.") % {"row": reader.line_num, "error": exc}
        ) from exc


def read_csv(handle):
    encoding = detect_encoding(handle)
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    first_line = text.readline(limits.MAX_CELL_CHARS * limits.MAX_COLUMNS)
    text.seek(0)
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(text, delimiter=delimiter)
    size = file_size(handle) or 1
    rows = csv_rows(reader)
    try:
        header = next(rows)[1]
    except StopIteration:
        raise UnusableInput(_("The file is empty.")) from None
    for cell in header:
        if len(cell) > 500:
            raise UnusableInput(_("The first row is not the template's header: use the template."))

    def estimate(done):
        fraction = min(1.0, max(handle.tell() / size, 1e-6))
        return max(done, int(done / fraction))

    return Table(
        header=[cell_value_limited(cell) for cell in header],
        rows=((number, checked_cells(cells)) for number, cells in rows),
        format="csv",
        encoding=encoding,
        delimiter=delimiter,
        estimate_rows=estimate,
    ), text


def checked_cells(cells):
    if cells and max(map(len, cells)) > limits.MAX_CELL_CHARS:
        cell_value_limited(max(cells, key=len))
    return cells


def cell_value_limited(text):
    if len(text) > limits.MAX_CELL_CHARS:
        raise UnusableInput(
            _("A cell is longer than %(count)s characters: this is not a registry file.")
            % {"count": limits.MAX_CELL_CHARS}
        )
    return text
