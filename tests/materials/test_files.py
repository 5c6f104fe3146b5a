import io
import re
import zipfile
import zlib

from django.utils import translation

import pytest

from materials import demo_office, demo_pdf, files


@pytest.mark.parametrize(
    "size, text",
    [(900, "900 Б"), (12 * 1024, "12 КБ"), (int(1.2 * 1024 * 1024), "1,2 МБ"), (3 * 1024**3, "3,0 ГБ")],
)
def test_human_sizes_are_russian(size, text):
    with translation.override("ru"):
        assert files.human_size(size) == text


def _check_pdf(data):
    """Every xref offset points at its object; the trailer points at the xref."""
    assert data.startswith(b"%PDF-1.7") and data.rstrip().endswith(b"%%EOF")
    xref_at = int(re.search(rb"startxref\n(\d+)", data).group(1))
    assert data[xref_at : xref_at + 4] == b"xref"
    count = int(re.search(rb"xref\n0 (\d+)", data).group(1))
    table = data[xref_at:].split(b"\n")[3 : 3 + count - 1]
    for number, row in enumerate(table, start=1):
        offset = int(row[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number)


def test_pdf_with_embedded_font_has_real_russian_text():
    font = demo_pdf.find_font()
    if font is None:
        pytest.skip("no TrueType font with Cyrillic on this machine")
    data = demo_pdf.build_pdf("Реабилитация на дому", ["Семья — главный участник. " * 40])
    _check_pdf(data)
    assert b"/Type0" in data and b"/ToUnicode" in data and b"/Lang (ru-RU)" in data
    assert data.count(b"/Type /Page ") == 1
    assert len(data) < 60_000  # only the glyphs used are embedded
    # the ToUnicode map lets readers extract "Р" (U+0420)
    assert b"<0420>" in data


def test_pdf_without_font_falls_back_to_transliterated_helvetica():
    data = demo_pdf.build_pdf("Ранняя помощь", ["Текст"], font_path=None)
    _check_pdf(data)
    assert b"/Helvetica" in data
    streams = [zlib.decompress(m) for m in re.findall(rb"stream\n(.*?)\nendstream", data, re.S)]
    assert any(b"(Rannyaya pomoshch)" in stream for stream in streams)


def test_office_files_are_valid_zip_packages():
    docx = zipfile.ZipFile(io.BytesIO(demo_office.build_docx("Заголовок", ["Абзац <1> & 2"])))
    assert "word/document.xml" in docx.namelist()
    assert "Абзац &lt;1&gt; &amp; 2" in docx.read("word/document.xml").decode()
    odt = zipfile.ZipFile(io.BytesIO(demo_office.build_odt("Заголовок", ["Абзац"])))
    assert odt.namelist()[0] == "mimetype" and odt.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    assert demo_office.build_docx("А", ["Б"]) == demo_office.build_docx("А", ["Б"])  # deterministic


def test_xlsx_opens_in_openpyxl():
    import openpyxl

    data = demo_office.build_xlsx("Лист", [["Оборудование", "Количество"], ["Мяч", 3]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Лист"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["Оборудование", "Количество"], ["Мяч", 3]]
