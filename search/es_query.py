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

DEFAULT_FIELDS = {f"{name}_terms": weight for name, weight in WEIGHTS.items()}
CORRECTION_WEIGHT = 0.7
SYNONYM_WEIGHT = 0.9


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
                    "boost": 0.5,
                }
            }
        )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def text_query(parsed, fields=None, cues=True, place_optional=True):
    """A bool query: required concepts (with the minimum-match rule), optional ones and phrase boosts."""
    fields = fields or DEFAULT_FIELDS
    required = parsed.required(place_optional=place_optional)
    clauses = [concept_clause(c, fields, cues) for c in required]
    optional = [concept_clause(c, fields, cues) for c in parsed.concepts if c not in required]
    should = list(optional)
    if len(parsed.lemmas) > 1:
        for name, weight in fields.items():
            should.append({"match_phrase": {name: {"query": parsed.phrase, "slop": 2, "boost": weight}}})
    if len(clauses) <= 1:
        return {"bool": {"must": clauses, "should": should}}
    matched = {"bool": {"should": clauses, "minimum_should_match": parsed.minimum_match(required)}}
    return {"bool": {"must": [matched], "should": should}}


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
