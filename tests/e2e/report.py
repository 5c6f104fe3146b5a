"""Figures browser tests want in the closing summary of a run (axe totals, journey times).

Tests add lines with `add(section, line)`, or fill a table cell by cell with `table(...)` and `cell(...)`;
tests/conftest.py prints everything at the end of the run. Under pytest-xdist each worker collects its own part
and the main process merges them (`merge`), so a table filled by several workers is still printed once.
"""

SECTIONS = {}
TABLES = {}
_SEP = "\x1f"


def add(section, line):
    SECTIONS.setdefault(section, []).append(line)


def table(title, rows, columns, corner=""):
    """Declare a table (rows and columns in the order to print them, `corner` names the rows); cells start empty."""
    TABLES.setdefault(title, {"rows": list(rows), "columns": list(columns), "corner": corner, "cells": {}})


def cell(title, row, column, value):
    TABLES[title]["cells"][f"{row}{_SEP}{column}"] = str(value)


def collected():
    """What this process collected, in a form a worker can hand to the main process."""
    return {"sections": SECTIONS, "tables": TABLES}


def merge(part):
    for title, lines in part.get("sections", {}).items():
        SECTIONS.setdefault(title, []).extend(lines)
    for title, other in part.get("tables", {}).items():
        table(title, other["rows"], other["columns"], other["corner"])
        TABLES[title]["cells"].update(other["cells"])


def _render(spec, width=16):
    cells = spec["cells"]
    rows = [row for row in spec["rows"] if any(f"{row}{_SEP}{col}" in cells for col in spec["columns"])]
    columns = [col for col in spec["columns"] if any(f"{row}{_SEP}{col}" in cells for row in spec["rows"])]
    yield f"{spec['corner']:<24}" + "".join(f"{col[: width - 1]:>{width}}" for col in columns)
    for row in rows:
        yield f"{row:<24}" + "".join(f"{cells.get(f'{row}{_SEP}{col}', '-'):>{width}}" for col in columns)


def printable():
    """(title, lines) of every section and table, for the terminal summary."""
    for title, lines in SECTIONS.items():
        yield title, lines
    for title, spec in TABLES.items():
        yield title, list(_render(spec))
