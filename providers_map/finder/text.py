"""The finder's words filter, through the search layer: one parse of the query (search/query.py: lemmas,
synonyms, typo corrections, place words), matched against the organisation's text as search indexes it.

Elasticsearch: search.es_query.text_query over the location documents' weighted term fields. Database: the
"providers" kind's fallback records (search.models.SearchRecord), the same terms, the same rule for how many
words must match. A query with no word any provider contains matches nothing.
"""

import functools
import operator

from django.db.models import BigIntegerField, Case, IntegerField, Q, Value, When
from django.db.models.functions import Cast

from search.es_query import DEFAULT_FIELDS, text_query
from search.models import SearchRecord
from search.query import parse

PROVIDERS_KIND = "providers"


def parsed(text):
    result = parse(text)
    return result if result.required() else None


def es_clause(text):
    query = parsed(text)
    if query is None:
        return {"match_none": {}}
    return text_query(query, fields=DEFAULT_FIELDS, cues=False)


def _concept_q(concept):
    condition = Q()
    for phrase in concept.alternatives:
        condition |= Q(all_terms__contains=f" {' '.join(phrase)} ")
    return condition


def matching_organisations(text):
    """A subquery of the ids of organisations whose indexed words match the query."""
    query = parsed(text)
    records = SearchRecord.objects.filter(kind=PROVIDERS_KIND).annotate(organisation_id=Cast("key", BigIntegerField()))
    if query is None:
        return records.none().values("organisation_id")
    required = query.required()
    needed = query.minimum_match(required)
    if needed >= len(required):
        for concept in required:
            records = records.filter(_concept_q(concept))
        return records.values("organisation_id")
    matched = functools.reduce(
        operator.add,
        [Case(When(_concept_q(c), then=Value(1)), default=Value(0), output_field=IntegerField()) for c in required],
    )
    return records.annotate(matched=matched).filter(matched__gte=needed).values("organisation_id")
