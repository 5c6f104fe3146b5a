"""Is this the same organisation? Identifiers first, then name, address and coordinates.

- The same valid ИНН or ОГРН (checked with python-stdnum): the same organisation.
- Different valid ИНН, or different ОГРН: different organisations, however alike they look.
- Otherwise a similarity of the normalised names (legal forms abbreviated, quotes and case ignored: rapidfuzz),
  the normalised addresses (ул./улица, д./дом …) and the distance between the points, weighted
  NAME/ADDRESS/PLACE over what both records have. Different numbers in the names (№ 12 / № 21) or different
  house numbers, or different localities, mean different organisations. At or above SAME the records are one
  organisation; from REVIEW up an operator decides (`DuplicatePair`), and the decision holds from then on.
"""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from core.geo import distance_km
from search.text import fold

SAME, REVIEW = 0.9, 0.72
NAME, ADDRESS, PLACE = 0.55, 0.25, 0.2
NEAR_KM, FAR_KM = 0.05, 1.0
CANDIDATES = 8

LEGAL_FORMS = [
    (r"государственн\w* бюджетн\w* учрежден\w*", "гбу"),
    (r"государственн\w* автономн\w* учрежден\w*", "гау"),
    (r"государственн\w* казенн\w* учрежден\w*", "гку"),
    (r"муниципальн\w* бюджетн\w* учрежден\w*", "мбу"),
    (r"муниципальн\w* автономн\w* учрежден\w*", "мау"),
    (r"муниципальн\w* казенн\w* учрежден\w*", "мку"),
    (r"автономн\w* некоммерческ\w* организац\w*", "ано"),
    (r"некоммерческ\w* организац\w*", "нко"),
    (r"общество с ограниченной ответственностью", "ооо"),
    (r"благотворительн\w* фонд\w*", "бф"),
    (r"дошкольн\w* образовательн\w* учрежден\w*", "доу"),
    (r"комплексн\w* центр\w* социального обслуживания населения", "кцсон"),
]
ADDRESS_WORDS = [
    (r"\bулица\b|\bул\b", "ул"),
    (r"\bпроспект\b|\bпр-т\b|\bпросп\b|\bпр\b", "пр"),
    (r"\bпереулок\b|\bпер\b", "пер"),
    (r"\bплощадь\b|\bпл\b", "пл"),
    (r"\bшоссе\b|\bш\b", "ш"),
    (r"\bбульвар\b|\bб-р\b", "бул"),
    (r"\bмикрорайон\b|\bмкр\b|\bмкрн\b", "мкр"),
    (r"\bдом\b|\bд\b", " "),
    (r"\bкорпус\b|\bкорп\b|\bк\b", "к"),
    (r"\bстроение\b|\bстр\b", "с"),
    (r"\bгород\b|\bг\b", " "),
]
_PUNCTUATION = re.compile(r"[«»\"'„“”‘’`()\[\],.;:!?/\\]+")
_NUMBERS = re.compile(r"\d+")


def normal_name(text):
    text = _PUNCTUATION.sub(" ", fold(text)).replace("№", " № ")
    for pattern, short in LEGAL_FORMS:
        text = re.sub(pattern, short, text)
    return " ".join(text.split())


def normal_address(text):
    text = _PUNCTUATION.sub(" ", fold(text)).replace("-", " - ")
    for pattern, short in ADDRESS_WORDS:
        text = re.sub(pattern, short, text)
    return " ".join(text.replace(" - ", "-").split())


def numbers(text):
    return set(_NUMBERS.findall(text))


@dataclass
class Verdict:
    score: float
    reasons: dict = field(default_factory=dict)

    @property
    def same(self):
        return self.score >= SAME

    @property
    def uncertain(self):
        return REVIEW <= self.score < SAME


def compare(a, b):
    """The Verdict on two Identity records (records.Identity)."""
    for kind, label in (("inn", "ИНН"), ("ogrn", "ОГРН")):
        if getattr(a, kind) and getattr(a, kind) == getattr(b, kind):
            return Verdict(1.0, {"identifier": label})
    for kind, label in (("inn", "ИНН"), ("ogrn", "ОГРН")):
        if getattr(a, kind) and getattr(b, kind):
            return Verdict(0.0, {"identifier": f"{label}: {getattr(a, kind)} ≠ {getattr(b, kind)}"})
    if a.locality and b.locality and fold(a.locality) != fold(b.locality):
        return Verdict(0.0, {"locality": f"{a.locality} ≠ {b.locality}"})
    name_a, name_b = normal_name(a.name), normal_name(b.name)
    parts = {"name": (fuzz.token_sort_ratio(name_a, name_b) / 100, NAME)}
    if numbers(name_a) != numbers(name_b):
        return Verdict(0.0, {"name": "numbers differ"})
    if a.address and b.address:
        address_a, address_b = normal_address(a.address), normal_address(b.address)
        if numbers(address_a) and numbers(address_b) and numbers(address_a) != numbers(address_b):
            return Verdict(0.0, {"address": "house numbers differ"})
        parts["address"] = (fuzz.token_sort_ratio(address_a, address_b) / 100, ADDRESS)
    if None not in (a.lat, a.lon, b.lat, b.lon):
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        parts["place"] = (max(0.0, min(1.0, (FAR_KM - km) / (FAR_KM - NEAR_KM))), PLACE)
    weight = sum(w for _value, w in parts.values())
    score = sum(value * w for value, w in parts.values()) / weight
    return Verdict(round(score, 3), {name: round(value, 3) for name, (value, _w) in parts.items()})


def pair_key(left, right):
    return tuple(sorted((left, right)))


class Matcher:
    """Finds, for an incoming Identity, the known record it is (or may be): by identifiers through dicts, by
    similarity among the records of the same locality whose names rapidfuzz ranks closest."""

    def __init__(self, known, decisions=None):
        self.known = {identity.key: identity for identity in known}
        self.decisions = decisions or {}  # pair_key -> "same" | "apart" | "pending"
        self.by_number = {}
        self.by_place = {}
        for identity in known:
            for number in (identity.inn, identity.ogrn):
                if number:
                    self.by_number.setdefault(number, identity.key)
            self.by_place.setdefault(fold(identity.locality), []).append(identity.key)
        self.names = {key: normal_name(identity.name) for key, identity in self.known.items()}

    def add(self, identity):
        self.known[identity.key] = identity
        for number in (identity.inn, identity.ogrn):
            if number:
                self.by_number.setdefault(number, identity.key)
        self.by_place.setdefault(fold(identity.locality), []).append(identity.key)
        self.names[identity.key] = normal_name(identity.name)

    def candidates(self, identity):
        keys = [self.by_number[n] for n in (identity.inn, identity.ogrn) if n and n in self.by_number]
        place = self.by_place.get(fold(identity.locality), []) if identity.locality else list(self.known)
        if place:
            choices = {key: self.names[key] for key in place}
            ranked = process.extract(normal_name(identity.name), choices, scorer=fuzz.token_sort_ratio,
                                     limit=CANDIDATES, score_cutoff=50)  # fmt: skip
            keys += [key for _name, _score, key in ranked]
        return list(dict.fromkeys(key for key in keys if key != identity.key))

    def match(self, identity):
        """(known key, Verdict, decision) of the best match, or None. `decision` is the operator's, if any."""
        best = None
        for key in self.candidates(identity):
            decision = self.decisions.get(pair_key(identity.key, key))
            if decision == "apart":
                continue
            verdict = compare(identity, self.known[key])
            if decision == "same":
                verdict = Verdict(1.0, {**verdict.reasons, "operator": "same"})
            if verdict.score >= REVIEW and (best is None or verdict.score > best[1].score):
                best = (key, verdict, decision)
        return best
