"""Stream the data sheet of an XLSX workbook with hard limits (no whole-sheet load, no zip bombs).

openpyxl's read-only reader checks nothing until a row is complete and is about ten times slower, so the
worksheet XML is parsed here with the standard library's pull parser straight from the compressed stream,
with every limit of `limits.py` checked as bytes and cells arrive. openpyxl still does the spreadsheet
arithmetic: cell references, date formats and serial dates. Cell values arrive as Python values: text, int
or float for numbers, datetime for date-formatted numbers, bool. A number cell that holds no number, a
truncated part, a DTD or a broken reference make the file unusable, with a message saying so.
"""

import contextlib
import re
import zipfile
from xml.etree.ElementTree import ParseError, XMLPullParser

from django.utils.translation import gettext as _

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from . import limits
from .readers import Table, UnusableInput

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
PREFERRED_SHEETS = ("реестр", "организации")
CHUNK = 64 * 1024
REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def damaged(detail=""):
    message = _("The XLSX file is damaged (perhaps it was not downloaded completely): open it in Excel and save again.")
    return UnusableInput(f"{message} {detail}".strip())


class Limited:
    """A member stream that refuses to yield more than `limit` uncompressed bytes."""

    def __init__(self, stream, limit, what):
        self.stream, self.limit, self.what, self.read_bytes = stream, limit, what, 0

    def chunks(self):
        while True:
            try:
                chunk = self.stream.read(CHUNK)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
                raise damaged() from exc
            if not chunk:
                return
            self.read_bytes += len(chunk)
            if self.read_bytes > self.limit:
                raise UnusableInput(
                    _("The %(what)s of the workbook unpacks to more than %(size)s MB: this is not a registry file.")
                    % {"what": self.what, "size": self.limit // (1024 * 1024)}
                )
            yield chunk


def events(archive, name, limit, what, wanted=("end",)):
    """(event, element) pairs of a workbook part, parsed as it is unpacked."""
    try:
        stream = archive.open(name)
    except KeyError as exc:
        raise damaged() from exc
    except (zipfile.BadZipFile, NotImplementedError, OSError) as exc:
        raise damaged() from exc
    parser = XMLPullParser(events=wanted)
    first = True
    with stream:
        try:
            for chunk in Limited(stream, limit, what).chunks():
                if first and (b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk):
                    raise damaged(_("(it declares a DTD, which spreadsheets never do)"))
                first = False
                parser.feed(chunk)
                yield from parser.read_events()
            parser.close()
            yield from parser.read_events()
        except ParseError as exc:
            raise damaged() from exc


def small_part(archive, name, what):
    """A small part as a list of (event, element), the elements kept (workbook, relationships, styles)."""
    return [element for _event, element in events(archive, name, limits.MAX_SMALL_PART_BYTES, what)]


def sheet_path(archive):
    """(path of the data worksheet, uses the 1904 calendar)."""
    workbook = small_part(archive, "xl/workbook.xml", _("workbook"))
    date1904 = any(el.tag == f"{MAIN}workbookPr" and el.get("date1904") in ("1", "true") for el in workbook)
    sheets = [(el.get("name") or "", el.get(f"{REL}id")) for el in workbook if el.tag == f"{MAIN}sheet"]
    if not sheets:
        raise damaged()
    chosen = next((s for s in sheets if s[0].strip().lower() in PREFERRED_SHEETS), sheets[0])
    targets = {}
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        for el in small_part(archive, "xl/_rels/workbook.xml.rels", _("workbook")):
            if el.tag == f"{PACKAGE_REL}Relationship":
                targets[el.get("Id")] = el.get("Target") or ""
    target = targets.get(chosen[1], "")
    if not target:
        raise damaged()
    path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return path.replace("xl/./", "xl/"), date1904


def date_styles(archive):
    """The set of cell style indexes whose number format is a date."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    custom, xfs, in_cell_xfs = {}, [], False
    for event, el in events(archive, "xl/styles.xml", limits.MAX_SMALL_PART_BYTES, _("styles"), ("start", "end")):
        if el.tag == f"{MAIN}cellXfs":
            in_cell_xfs = event == "start"
        elif event == "end" and el.tag == f"{MAIN}numFmt":
            custom[el.get("numFmtId")] = el.get("formatCode") or ""
        elif event == "end" and el.tag == f"{MAIN}xf" and in_cell_xfs:
            xfs.append(el.get("numFmtId") or "0")
    dates = set()
    for index, format_id in enumerate(xfs):
        code = custom.get(format_id)
        if code is None and format_id.isdecimal():
            code = BUILTIN_FORMATS.get(int(format_id), "")
        if code and is_date_format(code):
            dates.add(index)
    return dates


def shared_strings(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings = []
    for _event, el in events(archive, "xl/sharedStrings.xml", limits.MAX_SHARED_STRINGS_XML_BYTES, _("text table")):
        if el.tag != f"{MAIN}si":
            continue
        plain = el.find(f"{MAIN}t")
        if plain is not None:
            text = plain.text or ""
        else:  # rich text: the runs' texts, without phonetic hints
            text = "".join(t.text or "" for run in el.findall(f"{MAIN}r") for t in run.findall(f"{MAIN}t"))
        if len(text) > limits.MAX_CELL_CHARS:
            raise UnusableInput(
                _("A cell is longer than %(count)s characters: this is not a registry file.")
                % {"count": limits.MAX_CELL_CHARS}
            )
        strings.append(text)
        el.clear()
    return strings


class SheetReader:
    def __init__(self, archive, path, strings, dates, date1904):
        self.archive, self.path = archive, path
        self.strings, self.dates = strings, dates
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        self.dimension_rows = None

    def value(self, cell):
        kind = cell.get("t") or "n"
        v = cell.find(f"{MAIN}v")
        raw = v.text if v is not None else None
        ref = cell.get("r") or ""
        if kind == "inlineStr":
            box = cell.find(f"{MAIN}is")
            return "".join(t.text or "" for t in box.iter(f"{MAIN}t")) if box is not None else ""
        if raw is None:
            return None
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                raise damaged(_("(cell %(ref)s refers to a missing text)") % {"ref": ref}) from None
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return raw
        try:
            number = float(raw)
        except ValueError:
            raise damaged(
                _("(cell %(ref)s is a number cell but holds “%(value)s”)") % {"ref": ref, "value": raw[:40]}
            ) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise damaged(_("(cell %(ref)s holds no number)") % {"ref": ref})
        style = cell.get("s")
        if style and style.isdecimal() and int(style) in self.dates:
            try:
                return from_excel(number, self.epoch)
            except (ValueError, OverflowError):
                return number
        return int(number) if number.is_integer() and "." not in raw and "E" not in raw.upper() else number

    def rows(self):
        row_count = cell_count = 0
        row_number, cells, next_column = 0, [], 1
        for _event, el in events(self.archive, self.path, limits.MAX_SHEET_XML_BYTES, _("worksheet")):
            tag = el.tag
            if tag == f"{MAIN}c":
                column = self.column_of(el, next_column)
                if column > limits.MAX_COLUMNS:
                    raise UnusableInput(
                        _("Row %(row)s has a cell beyond column %(count)s: this is not the registry's layout.")
                        % {"row": row_number or row_count + 1, "count": limits.MAX_COLUMNS}
                    )
                cell_count += 1
                if cell_count > limits.MAX_CELLS:
                    raise UnusableInput(_("The file has too many cells: split it into parts."))
                value = self.value(el)
                if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
                    raise UnusableInput(
                        _("A cell is longer than %(count)s characters: this is not a registry file.")
                        % {"count": limits.MAX_CELL_CHARS}
                    )
                if value is not None and value != "":
                    cells.extend([None] * (column - 1 - len(cells)))
                    cells.append(value)
                next_column = column + 1
                el.clear()
            elif tag == f"{MAIN}row":
                row_count += 1
                if row_count > limits.MAX_ROWS + 1:
                    raise UnusableInput(
                        _("The file has more than %(count)s rows: split it into parts.") % {"count": limits.MAX_ROWS}
                    )
                number = el.get("r")
                row_number = int(number) if number and number.isdecimal() else row_number + 1
                yield row_number, cells
                cells, next_column = [], 1
                el.clear()
            elif tag == f"{MAIN}dimension":
                self.note_dimension(el.get("ref") or "")

    @staticmethod
    def column_of(cell, default):
        ref = cell.get("r")
        if not ref:
            return default
        match = REF.match(ref)
        if not match:
            raise damaged(_("(a cell has the reference “%(ref)s”)") % {"ref": ref[:20]})
        return column_index_from_string(match[1])

    def note_dimension(self, ref):
        last = ref.split(":")[-1]
        match = REF.match(last)
        if match:
            self.dimension_rows = int(match[2])


@contextlib.contextmanager
def open_workbook_table(handle):
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise damaged() from exc
    with archive:
        path, date1904 = sheet_path(archive)
        if path not in archive.namelist():
            raise damaged()
        reader = SheetReader(archive, path, shared_strings(archive), date_styles(archive), date1904)
        rows = reader.rows()
        try:
            header = next(rows)[1]
        except StopIteration:
            raise UnusableInput(_("The file is empty.")) from None

        def estimate(done):
            return max(done, (reader.dimension_rows or done + 1) - 1)

        yield Table(header=header, rows=rows, format="xlsx", estimate_rows=estimate)
