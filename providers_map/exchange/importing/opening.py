"""Open an uploaded file as a Table, whatever its format (CSV, XLSX or an HSDS tabular package).

The data exchange's one public reading API for other apps (coverage reads its children tables with it): `open_table`,
`UnusableInput` and the size limit `MAX_FILE_BYTES`.
"""

import contextlib

from django.utils.translation import gettext as _

from . import limits
from .hsds_reader import open_package_zip
from .readers import UnusableInput, detect_format, file_size, read_csv
from .xlsx import open_workbook_table

MAX_FILE_BYTES = limits.MAX_FILE_BYTES
__all__ = ["MAX_FILE_BYTES", "UnusableInput", "open_table"]


@contextlib.contextmanager
def open_table(handle, name=""):
    """Open a binary file object as a Table (use as a context manager), or raise UnusableInput."""
    if file_size(handle) > limits.MAX_FILE_BYTES:
        raise UnusableInput(
            _("The file is larger than %(size)s MB: split it into parts.")
            % {"size": limits.MAX_FILE_BYTES // (1024 * 1024)}
        )
    kind = detect_format(handle)
    if kind == "hsds":
        with open_package_zip(handle) as table:
            yield table
        return
    if kind == "xlsx":
        with open_workbook_table(handle) as table:
            yield table
        return
    table, text = read_csv(handle)
    try:
        yield table
    finally:
        text.detach()
