"""Formula injection: text a spreadsheet would run as a formula, guarded on export and unguarded on import.

Every CSV and XLSX the portal writes (registry exports, coverage figures) and the importer that reads them back
share this one rule, so an exported file imports back unchanged.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(text):
    """Text a spreadsheet would run as a formula gets a leading apostrophe (`unguard` removes it)."""
    return "'" + text if text.lstrip("'")[:1] in FORMULA_START else text


def unguard(text):
    """Undo `guard`: drop the one apostrophe our exports put before formula-like text."""
    if text.startswith("'") and text.lstrip("'")[:1] in FORMULA_START:
        return text[1:]
    return text
