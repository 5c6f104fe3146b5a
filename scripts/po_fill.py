"""Fill Russian translations into locale/ru/LC_MESSAGES/django.po and recompile the .mo.

Usage: python scripts/po_fill.py translations.json   (a JSON object {"English msgid": "Русский перевод"})
       python scripts/po_fill.py --untranslated        (list msgids that still need a translation)
Run `make messages` first so new msgids from code and templates are in the catalogue.
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def main(argv):
    catalogue = polib.pofile(str(PO), wrapwidth=0)
    if argv[:1] == ["--untranslated"]:
        for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
            print(json.dumps(entry.msgid, ensure_ascii=False))
        return 0
    pairs = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    missing = []
    for msgid, msgstr in pairs.items():
        entry = catalogue.find(msgid)
        if entry is None:
            missing.append(msgid)
            continue
        if entry.msgid_plural:
            forms = msgstr if isinstance(msgstr, list) else [msgstr] * 3
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = msgstr
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()
    catalogue.save_as_mofile(str(PO.with_suffix(".mo")))
    for msgid in missing:
        print(f"not in the catalogue (run `make messages`): {msgid}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
