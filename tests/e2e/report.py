"""Figures browser tests want in the closing summary of a run (axe totals, journey times).

Tests add lines with `add(section, line)`; tests/conftest.py prints every section at the end of the run.
"""

SECTIONS = {}


def add(section, line):
    SECTIONS.setdefault(section, []).append(line)
