"""Builders of hostile registry files (shared by the tests and `bench/bench_import.py --hostile`)."""

import io
import zipfile

from providers_map.exchange.importing.columns import HEADERS

WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Реестр" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def column_letter(index):
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_row():
    cells = "".join(
        f'<c r="{column_letter(i)}1" t="inlineStr"><is><t>{text}</t></is></c>' for i, text in enumerate(HEADERS, 1)
    )
    return f'<row r="1">{cells}</row>'


def workbook(sheet_chunks, extra=None):
    """A minimal XLSX whose sheet XML is written from an iterable of text chunks (streamed into the zip)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELS)
        for name, chunks in (extra or {}).items():
            with archive.open(name, "w") as part:
                for chunk in chunks:
                    part.write(chunk.encode("utf-8"))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in sheet_chunks:
                sheet.write(chunk.encode("utf-8"))
    return buffer.getvalue()


def row_bomb(rows=5_000_000):
    """A small file whose sheet unpacks to millions of rows."""

    def chunks():
        yield SHEET_HEAD + header_row()
        block = "<row/>" * 50_000  # rows without numbers follow each other
        for _ in range(rows // 50_000):
            yield block
        yield SHEET_TAIL

    return workbook(chunks())


def text_bomb(megabytes=300):
    """A small file whose shared-strings part unpacks to hundreds of megabytes."""

    def strings():
        yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        block = "<si><t>" + "а" * 1000 + "</t></si>"
        for _ in range(megabytes * 500):
            yield block
        yield "</sst>"

    return workbook([SHEET_HEAD, header_row(), SHEET_TAIL], extra={"xl/sharedStrings.xml": strings()})


def number_cell_with_text():
    row = '<row r="2"><c r="B2"><v>пятьдесят пять</v></c></row>'
    return workbook([SHEET_HEAD, header_row(), row, SHEET_TAIL])


def doctype_bomb():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    return workbook([laughs, header_row(), SHEET_TAIL])


def truncated(data):
    return data[: len(data) // 2]


def word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)
ELF = b"\x7fELF\x02\x01\x01" + bytes(300)
PDF = b"%PDF-1.7\n" + b"1 0 obj << >> endobj\n" * 20


def utf16_without_bom(text):
    return text.encode("utf-16-le")


def mixed_encodings(utf8_text, cp1251_text):
    return utf8_text.encode("utf-8") + cp1251_text.encode("cp1251")
