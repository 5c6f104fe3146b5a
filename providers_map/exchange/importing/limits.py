"""Limits on imported files, enforced while reading so that no file under the upload limit can make the
import use unbounded memory or more than about 30 s of CPU (`bench/bench_import.py --hostile` measures it).
"""

MAX_FILE_BYTES = 20 * 1024 * 1024  # the upload limit (the command applies it too)
MAX_ROWS = 60_000  # data rows, empty ones included
MAX_COLUMNS = 100  # cells per row (the layout has 37 columns)
MAX_CELLS = 2_500_000  # cells in the whole sheet
MAX_CELL_CHARS = 32_767  # what Excel itself allows in a cell
MAX_SHEET_XML_BYTES = 120 * 1024 * 1024  # a worksheet, uncompressed
MAX_SHARED_STRINGS_XML_BYTES = 48 * 1024 * 1024
MAX_SMALL_PART_BYTES = 8 * 1024 * 1024  # workbook.xml, styles.xml, relationships
MAX_ZIP_MEMBERS = 2_000
