"""Elasticsearch query clauses built from a ParsedQuery (search/query.py). Any index whose text fields hold
search.text.terms() output can use them, e.g. the finder's location index with its own field names:

    from search.query import parse
    from search.es_query import text_query
    clause = text_query(parse(q), fields={"name_terms": 5, "service_terms": 3}, cues=False)

Rules: every required concept must match (all but one from three concepts on), in any of the fields; a typo
correction or a synonym counts as the word; title and name fields weigh more than the body; the query's lemmas
as a phrase add to the score, more in the title than in the body.
"""

from search.documents import WEIGHTS
from search.ranking import CORRECTION_WEIGHT, CUE_WEIGHT, SYNONYM_WEIGHT, TITLE_BONUS

DEFAULT_FIELDS = {f"{name}_terms": weight for name, weight in WEIGHTS.items()}


def _fields(fields):
    return [f"{name}^{weight:g}" for name, weight in fields.items()]


def _alternative(phrase, fields, boost=1.0):
    query = " ".join(phrase)
    if len(phrase) == 1:
        return {"multi_match": {"query": query, "fields": _fields(fields), "type": "best_fields", "boost": boost}}
    return {"multi_match": {"query": query, "fields": _fields(fields), "type": "phrase", "slop": 1, "boost": boost}}


def _cue_alternative(phrase):
    if len(phrase) == 1:
        return {"match": {"cues.terms": phrase[0]}}
    return {"match_phrase": {"cues.terms": {"query": " ".join(phrase), "slop": 1}}}


def concept_clause(concept, fields=None, cues=True):
    """Matches a document that contains the concept in one of its forms (in `fields`, or in a cue)."""
    fields = fields or DEFAULT_FIELDS
    should = []
    for index, phrase in enumerate(concept.alternatives):
        boost = 1.0
        if concept.corrected and phrase == (concept.corrected,):
            boost = CORRECTION_WEIGHT
        elif concept.synonym and index > 0:
            boost = SYNONYM_WEIGHT
        should.append(_alternative(phrase, fields, boost))
    if cues:
        cue_should = [_cue_alternative(phrase) for phrase in concept.alternatives]
        should.append(
            {
                "nested": {
                    "path": "cues",
                    "query": {"bool": {"should": cue_should, "minimum_should_match": 1}},
                    "score_mode": "max",
                    "boost": CUE_WEIGHT,
                }
            }
        )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_query(parsed, fields=None, cues=True, place_optional=True, relax=False, any_concept=False):
    """A bool query: required concepts (with the minimum-match rule, or any one of them when `relax`),
    optional ones and phrase boosts. `any_concept`: nothing required, the score of whatever the document says
    (what the fallback's scoring gives an object admitted by its place alone)."""
    fields = fields or DEFAULT_FIELDS
    required = [] if any_concept else parsed.required(place_optional=place_optional)
    clauses = [concept_clause(c, fields, cues) for c in required]
    optional = [concept_clause(c, fields, cues) for c in parsed.concepts if c not in required]
    should = list(optional)
    if "title_terms" in fields:
        should += [title_bonus(c) for c in parsed.concepts]
    if len(parsed.lemmas) > 1:
        for name, weight in fields.items():
            should.append({"match_phrase": {name: {"query": parsed.phrase, "slop": 2, "boost": weight}}})
    if len(clauses) <= 1:
        return {"bool": {"must": clauses, "should": should}}
    minimum = 1 if relax else parsed.minimum_match(required)
    matched = {"bool": {"should": clauses, "minimum_should_match": minimum}}
    return {"bool": {"must": [matched], "should": should}}


def title_bonus(concept):
    """A constant score when the title contains the concept in any of its forms."""
    matches = [
        {"match": {"title_terms": p[0]}} if len(p) == 1 else {"match_phrase": {"title_terms": " ".join(p)}}
        for p in concept.alternatives
    ]
    return {
        "constant_score": {"filter": {"bool": {"should": matches, "minimum_should_match": 1}}, "boost": TITLE_BONUS}
    }


def cue_query(parsed):
    """The cue of a video where the query's words are said (inner hit "cue"); scores nothing by itself."""
    required = parsed.required()
    if not required:
        return None
    clauses = [
        {"bool": {"should": [_cue_alternative(p) for p in c.alternatives], "minimum_should_match": 1}} for c in required
    ]
    return {
        "nested": {
            "path": "cues",
            "query": {"bool": {"must": clauses}},
            "score_mode": "max",
            "boost": 0.0,
            "inner_hits": {"name": "cue", "size": 1, "_source": ["cues.start", "cues.text"]},
        }
    }
