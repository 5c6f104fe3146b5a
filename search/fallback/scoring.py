"""Scoring a fallback record against a parsed query — the rules of the Elasticsearch query, in Python.

Each form of a concept scores its best field with BM25 (idf among the kind's records, term frequency and field
length against the kind's average: Elasticsearch keeps an index per kind) times the field's weight and the
form's factor; the forms' scores add up, as a bool query's do. A concept found in the title adds a constant
bonus; the query's lemmas as a phrase add a field's weight again; a name said exactly, the named place, the
name saying that place, distance and closed objects multiply — as es_backend's function_score does. The
figures are search/ranking.py's.
"""

import functools
import math
import re

from core.geo import distance_km
from search import ranking, vocabulary
from search.documents import WEIGHTS

K1, B = 1.2, 0.75


def padded(phrase):
    return f" {' '.join(phrase)} "


def bm25(tf, length, average):
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


def _phrase_idf(phrase, kind_name):
    return sum(vocabulary.idf(term, kind_name) for term in phrase)


def form_factor(concept, index, phrase):
    """How much a form of a concept counts: a typo correction ×0.7, a synonym ×0.9, the word typed ×1."""
    if concept.corrected and phrase == (concept.corrected,):
        return ranking.CORRECTION_WEIGHT
    if concept.synonym and index > 0:
        return ranking.SYNONYM_WEIGHT
    return 1.0


def _length(field_text):
    return field_text.count(" ") - 1


@functools.lru_cache(maxsize=1024)
def _with_a_gap(phrase):
    """The phrase with one word allowed between two of its words (Elasticsearch's phrase slop 1)."""
    words = [re.escape(word) for word in phrase]
    gaps = [" ".join(words[:i]) + r" \S+ " + " ".join(words[i:]) for i in range(1, len(words))]
    return re.compile(r"(?<= )(?:" + "|".join(gaps) + r")(?= )")


def frequency(field_text, phrase):
    """How often a field says a form: a word, or a phrase with at most one word between (slop 1)."""
    exact = field_text.count(padded(phrase))
    if exact or len(phrase) == 1:
        return exact
    return len(_with_a_gap(tuple(phrase)).findall(field_text))


def concept_score(concept, record, averages):
    """Like the Elasticsearch clause: the sum over the concept's forms of each form's best field."""
    total = 0.0
    for index, phrase in enumerate(concept.alternatives):
        needle = padded(phrase)
        weight_idf = form_factor(concept, index, phrase) * _phrase_idf(phrase, record.kind)
        best = 0.0
        for name, weight in WEIGHTS.items():
            field_text = getattr(record, f"{name}_terms")
            tf = frequency(field_text, phrase)
            if tf:
                best = max(best, weight * weight_idf * bm25(tf, _length(field_text), averages[name]))
        if any(needle in f" {cue[2]} " for cue in record.cues or []):
            best += ranking.CUE_WEIGHT * weight_idf
        total += best
    return total


def gauss(distance):
    """Elasticsearch's gauss decay: 1 within the offset, `decay` at offset + scale (ranking.DECAY)."""
    d = max(0.0, distance - ranking.DECAY["offset_km"])
    sigma2 = -(ranking.DECAY["scale_km"] ** 2) / (2 * math.log(ranking.DECAY["decay"]))
    return math.exp(-(d**2) / (2 * sigma2))


def nearest(record, origin):
    if not origin or not record.points:
        return None
    return min(distance_km(origin[0], origin[1], lat, lon) for lat, lon in record.points)


def _place_factor(record, parsed):
    factor = 1.0
    own_words = " ".join(getattr(record, f"{field}_terms") for field in ranking.OWN_WORDS).split()
    for place in parsed.places:
        if padded(place.terms) in record.place_terms:
            factor *= ranking.IN_PLACE
            if ranking.named_after(place.terms, own_words):
                factor *= ranking.NAMED_AFTER_PLACE
    return factor


def score(record, parsed, averages, origin=None, located=()):
    """The record's score; `averages` are its kind's field lengths, `located` the kinds a place or `origin`
    ranks."""
    total = sum(concept_score(c, record, averages) for c in parsed.concepts)
    total += ranking.TITLE_BONUS * sum(
        1 for c in parsed.concepts if any(padded(p) in record.title_terms for p in c.alternatives)
    )
    if len(parsed.lemmas) > 1:
        needle = f" {parsed.phrase} "
        phrase_idf = _phrase_idf(parsed.lemmas, record.kind)
        for name, weight in WEIGHTS.items():
            field_text = getattr(record, f"{name}_terms")
            if needle in field_text:
                total += weight * phrase_idf * bm25(1, _length(field_text), averages[name])
    total *= ranking.CLOSED.get(record.open_rank, 1.0)
    if parsed.name_key and parsed.name_key in record.names.split("\n"):
        total *= ranking.EXACT_NAME
    if record.kind in located:
        total *= _place_factor(record, parsed)
        distance = nearest(record, origin)
        if distance is not None:
            total *= gauss(distance)
    return total
