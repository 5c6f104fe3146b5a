"""Demo PDF documents with fpdf2: a title and paragraphs of real, selectable Russian text on A4 pages.

The font is a small Cyrillic subset of DejaVu Sans committed beside this module (demo_fonts/, with its licence),
so every machine makes the same files without system fonts; fpdf2 embeds only the glyphs a file uses. A fixed
creation date keeps the bytes the same for the same text.
"""

import datetime as dt
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONT_PATH = Path(__file__).resolve().parent / "demo_fonts" / "DejaVuSans-demo.ttf"
FONT_FAMILY = "DejaVuSans"
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
MARGIN_MM = 20
TITLE_SIZE, TEXT_SIZE = 18, 12


def build_pdf(title, paragraphs):
    """PDF bytes: the title, then each paragraph, as many A4 pages as needed; language ru-RU."""
    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_lang("ru-RU")
    pdf.set_title(title)  # also asks viewers to show the title instead of the file name
    pdf.add_font(FONT_FAMILY, fname=str(FONT_PATH))
    pdf.add_page()
    for size, text in [(TITLE_SIZE, title), *((TEXT_SIZE, paragraph) for paragraph in paragraphs)]:
        pdf.set_font(FONT_FAMILY, size=size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(size * 0.25)
    return bytes(pdf.output())
