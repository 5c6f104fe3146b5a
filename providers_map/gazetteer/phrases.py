"""Places as parents type them: «в Бердске», «Нижнем Новгороде», «около Оби», «Новосибирская обл.».

`suggest(text)` answers the finder's «Где вы?» box with localities and federal subjects. On top of the
gazetteer's own matching (case, ё/е, type words such as «г.», prefixes while typing) it drops a leading
preposition and matches inflected words through their dictionary forms (pymorphy3), so «в Приморско-Ахтарске»
finds Приморско-Ахтарск and «Набережных Челнах» finds Набережные Челны.
"""

import itertools
import re
from functools import lru_cache

from core.regions import FEDERAL_SUBJECTS
from search.text import dictionary_forms, fold

from . import get_gazetteer, normalise

# Longest first, so «рядом с» is removed before «с».
_PREPOSITIONS = sorted(
    ("рядом со", "рядом с", "недалеко от", "неподалеку от", "около", "возле", "близ", "под", "во", "в", "на",
     "из", "у", "от", "до", "по"),
    key=len,
    reverse=True,
)  # fmt: skip
_LEADING_PREPOSITION = re.compile(r"^(?:" + "|".join(re.escape(p) for p in _PREPOSITIONS) + r")\s+")
_REGION_WORDS = re.compile(r"\b(республика|область|обл|край|автономный округ|автономная область|ао)\b\.?")
_MAX_FORMS = 4
_MAX_KEYS = 32


def _forms(word):
    """The word and its possible dictionary forms, most probable first."""
    return list(dict.fromkeys((word, *dictionary_forms(word, _MAX_FORMS))))


def lemma_keys(text):
    """Every reading of a normalised name as dictionary forms, e.g. «нижнем новгороде» → {«нижний новгород», …}."""
    words = text.split()
    if not words or len(words) > 6:
        return set()
    keys = set()
    for combination in itertools.islice(itertools.product(*(_forms(w) for w in words)), _MAX_KEYS):
        keys.add(" ".join(combination))
    return keys


def strip_preposition(text):
    text = fold(text)
    previous = None
    while previous != text:
        previous, text = text, _LEADING_PREPOSITION.sub("", text)
    return text


def _region_forms(name):
    plain = normalise(name).replace("—", " ")
    short = " ".join(_REGION_WORDS.sub(" ", plain).split())
    return {plain, short} - {""}


@lru_cache(maxsize=1)
def _regions():
    """(code, name, keys, lemma keys, centre) for each federal subject; centre = its biggest locality."""
    gazetteer = get_gazetteer()
    centres = {}
    for position, record in enumerate(gazetteer.records):
        code, population = record[1], record[4]
        if code not in centres or population > gazetteer.records[centres[code]][4]:
            centres[code] = position
    regions = []
    for code, name, _district in FEDERAL_SUBJECTS:
        forms = _region_forms(name)
        lemmas = set().union(*(lemma_keys(form) for form in forms))
        regions.append((code, name, forms, lemmas, gazetteer.as_dict(centres[code])))
    return regions


def region_name(code):
    for region_code, name, _district in FEDERAL_SUBJECTS:
        if region_code == code:
            return name
    return ""


def _locality(position, rank):
    item = get_gazetteer().as_dict(position)
    item.update(kind="locality", region=region_name(item["region_code"]), rank=rank)
    same = item["region"] in ("", item["name"])  # Москва, Санкт-Петербург, Севастополь
    item["label"] = item["name"] if same else f"{item['name']}, {item['region']}"
    return item


def suggest_localities(text, region_code=None, limit=8):
    gazetteer = get_gazetteer()
    key = normalise(strip_preposition(text))
    if not key:
        return []
    hits = {}
    for rank, position in gazetteer.exact.get(key, ()):
        hits[position] = min(rank, hits.get(position, 9))
    for lemma in lemma_keys(key) | {key}:
        for rank, position in gazetteer.exact.get(lemma, ()):
            hits.setdefault(position, 1 + rank)
        for position, rank in gazetteer.lemmas.get(lemma, {}).items():
            hits.setdefault(position, 1 + rank)
    if len(key) >= 2:
        for rank, position in gazetteer._prefix_hits(key):
            hits.setdefault(position, 3 + rank)
    if not hits and len(key) >= 5:
        # An ending pymorphy does not know: the word without its last letters («краснообском» → «краснообск»).
        for cut in (1, 2, 3):
            stem = key[:-cut]
            for rank, position in gazetteer.exact.get(stem, ()):
                hits.setdefault(position, 5 + rank)
            for rank, position in gazetteer._prefix_hits(stem):
                hits.setdefault(position, 6 + rank)
            if hits:
                break

    def order(item):
        position, rank = item
        record = gazetteer.records[position]
        return (rank, bool(region_code) and record[1] != region_code, -record[4], position)

    return [_locality(position, rank) for position, rank in sorted(hits.items(), key=order)[:limit]]


def suggest_regions(text, limit=3):
    key = " ".join(_REGION_WORDS.sub(" ", normalise(strip_preposition(text)).replace("—", " ")).split())
    if len(key) < 3:
        return []
    lemmas = lemma_keys(key)
    found = []
    for code, name, forms, region_lemmas, centre in _regions():
        if key in forms or lemmas & region_lemmas:
            rank = 0
        elif any(form.startswith(key) or f" {key}" in f" {form}" for form in forms):
            rank = 3
        else:
            continue
        found.append(
            {
                "kind": "region",
                "name": name,
                "label": name,
                "region_code": code,
                "region": name,
                "lat": centre["lat"],
                "lon": centre["lon"],
                "population": 0,
                "rank": rank,
            }
        )
    found.sort(key=lambda item: (item["rank"], item["name"]))
    return found[:limit]


def confident(item):
    """A whole-word match (exact, inflected or a known stem), not just the beginning of a name."""
    return item["rank"] in (0, 1, 2, 5)


def suggest(text, region_code=None, limit=8):
    """Localities and federal subjects for a «Где вы?» text, best first (exact and inflected before prefixes)."""
    localities = suggest_localities(text, region_code=region_code, limit=limit)
    regions = suggest_regions(text)
    # A city that is a federal subject (Москва, Севастополь) is offered once, as the city.
    city_names = {item["name"] for item in localities}
    regions = [item for item in regions if item["name"] not in city_names]
    merged = sorted(localities + regions, key=lambda item: (item["rank"], item["kind"] == "region"))
    return merged[:limit]
