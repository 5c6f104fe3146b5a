"""Fail when the Russian catalogue has untranslated or fuzzy entries, or its compiled .mo is stale."""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def main():
    catalogue = polib.pofile(str(PO))
    problems = [f"untranslated: {e.msgid!r}" for e in catalogue.untranslated_entries()]
    problems += [f"fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
    mo = PO.with_suffix(".mo")
    if not mo.exists():
        problems.append(f"{mo.relative_to(ROOT)} is missing: run `make messages`")
    else:
        compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo))}
        for entry in catalogue.translated_entries():
            if compiled.get((entry.msgctxt, entry.msgid)) != (entry.msgstr or entry.msgstr_plural):
                problems.append(f"stale .mo for {entry.msgid!r}: run `make messages`")
                break
    for problem in problems:
        print(problem)
    print(f"translations: {len(catalogue.translated_entries())} translated, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
