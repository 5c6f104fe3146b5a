"""Scoring a fallback record against a parsed query — the rules of the Elasticsearch query, in Python.

Each form of a concept scores its best field with BM25 (idf from the vocabulary, term frequency and field
length against the candidates' average) times the field's weight (title 8, name 5, tags 4, place 3, body 1;
a cue 0.5) and the form's factor (a typo correction ×0.7, a synonym ×0.9); the forms' scores add up, as a
bool query's do. A concept found in the title adds a constant bonus; the query's lemmas as a phrase add a
field's weight again. Closed objects are down-weighted; objects of `located` kinds in the named place (or near
the given point) first — as es_backend's function_score does.
"""

import math

from core.geo import distance_km
from search import vocabulary
from search.documents import WEIGHTS

K1, B = 1.2, 0.75
CORRECTION_WEIGHT = 0.7
SYNONYM_WEIGHT = 0.9
CUE_WEIGHT = 0.5
PLACE_WEIGHT = 6.0
CLOSED_WEIGHTS = {1: 0.5, 2: 0.3}
TITLE_BONUS = 10.0  # per concept found in the title (search/es_query.py adds the same)


def padded(phrase):
    return f" {' '.join(phrase)} "


def field_lengths(records):
    """{field: average number of lemmas} over the candidate records (BM25's avgdl)."""
    records = list(records)
    if not records:
        return {name: 1.0 for name in WEIGHTS}
    return {
        name: max(1.0, sum(getattr(r, f"{name}_terms").count(" ") - 1 for r in records) / len(records))
        for name in WEIGHTS
    }


def bm25(tf, length, average):
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


def _phrase_idf(phrase):
    return sum(vocabulary.idf(term) for term in phrase)


def concept_score(concept, record, averages):
    """Like the Elasticsearch clause: the sum over the concept's forms of each form's best field."""
    total = 0.0
    for index, phrase in enumerate(concept.alternatives):
        factor = 1.0
        if concept.corrected and phrase == (concept.corrected,):
            factor = CORRECTION_WEIGHT
        elif concept.synonym and index > 0:
            factor = SYNONYM_WEIGHT
        needle = padded(phrase)
        weight_idf = factor * _phrase_idf(phrase)
        best = 0.0
        for name, weight in WEIGHTS.items():
            field_text = getattr(record, f"{name}_terms")
            tf = field_text.count(needle)
            if tf:
                length = field_text.count(" ") - 1
                best = max(best, weight * weight_idf * bm25(tf, length, averages[name]))
        if any(needle in f" {cue[2]} " for cue in record.cues or []):
            best += CUE_WEIGHT * weight_idf
        total += best
    return total


def gauss(distance, offset=3.0, scale=40.0, decay=0.5):
    """Elasticsearch's gauss decay: 1 within `offset`, `decay` at offset + scale."""
    d = max(0.0, distance - offset)
    sigma2 = -(scale**2) / (2 * math.log(decay))
    return math.exp(-(d**2) / (2 * sigma2))


def nearest(record, origin):
    if not origin or not record.points:
        return None
    return min(distance_km(origin[0], origin[1], lat, lon) for lat, lon in record.points)


def score(record, parsed, averages, origin=None, located=()):
    """The record's score; `located` names the kinds whose records a place or `origin` ranks."""
    total = sum(concept_score(c, record, averages) for c in parsed.concepts)
    total += TITLE_BONUS * sum(
        1 for c in parsed.concepts if any(padded(p) in record.title_terms for p in c.alternatives)
    )
    if len(parsed.lemmas) > 1:
        needle = f" {parsed.phrase} "
        phrase_idf = _phrase_idf(parsed.lemmas)
        for name, weight in WEIGHTS.items():
            field_text = getattr(record, f"{name}_terms")
            if needle in field_text:
                total += weight * phrase_idf * bm25(1, field_text.count(" ") - 1, averages[name])
    total *= CLOSED_WEIGHTS.get(record.open_rank, 1.0)
    if record.kind in located:
        if any(padded(p.terms) in record.place_terms for p in parsed.places):
            total *= PLACE_WEIGHT
        distance = nearest(record, origin)
        if distance is not None:
            total *= gauss(distance)
    return total
