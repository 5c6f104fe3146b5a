import datetime as dt
import io
import json
import zipfile

from django.utils import translation

import pypdf
import pytest

from materials import demo_office, demo_pdf, files


@pytest.mark.parametrize(
    "size, text",
    [(900, "900 Б"), (12 * 1024, "12 КБ"), (int(1.2 * 1024 * 1024), "1,2 МБ"), (3 * 1024**3, "3,0 ГБ")],
)
def test_human_sizes_are_russian(size, text):
    with translation.override("ru"):
        assert files.human_size(size) == text


def test_pdf_has_real_selectable_russian_text_and_stays_small():
    data = demo_pdf.build_pdf("Реабилитация на дому", ["Семья — главный участник. " * 40, "Второй абзац."])
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.startswith("Реабилитация на дому Семья — главный участник.")
    assert text.endswith("Второй абзац.")
    assert reader.metadata.title == "Реабилитация на дому"
    assert reader.trailer["/Root"]["/Lang"] == "ru-RU"
    assert len(data) < 20_000  # only the glyphs used are embedded
    assert data == demo_pdf.build_pdf("Реабилитация на дому", ["Семья — главный участник. " * 40, "Второй абзац."])


def test_long_pdf_text_flows_onto_more_pages():
    data = demo_pdf.build_pdf("Сборник", ["Длинный абзац о ранней помощи семье и ребёнку. " * 60] * 4)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert "Сборник" in reader.pages[0].extract_text()


def test_committed_font_has_every_character_of_the_demo_texts():
    """The demo PDF and video cards use the committed subset font: no demo text may need a missing glyph."""
    from fontTools.ttLib import TTFont

    from materials.demo_data import MATERIALS, XLSX_ROWS
    from materials.demo_videos import VIDEOS

    covered = TTFont(demo_pdf.FONT_PATH).getBestCmap()
    text = json.dumps([MATERIALS, XLSX_ROWS, VIDEOS], ensure_ascii=False, default=str)
    assert sorted({char for char in text if ord(char) not in covered and char.isprintable()}) == []


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
    assert data == demo_office.build_xlsx("Лист", [["Оборудование", "Количество"], ["Мяч", 3]])  # deterministic
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.properties.created == workbook.properties.modified == dt.datetime(2024, 1, 1)  # not "now"
