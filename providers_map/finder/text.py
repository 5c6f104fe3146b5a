"""The finder's words filter, through the search layer: one parse of the query (search/query.py: lemmas,
synonyms, typo corrections, place words), matched against the organisation's text as search indexes it.

Elasticsearch: search.es_query.text_query over the location documents' weighted term fields. Database: the
registry kind's fallback records through search.matching, the same terms, the same rule for how many words must
match. A query with no word any provider contains matches nothing.
"""

from django.db.models import BigIntegerField
from django.db.models.functions import Cast

from providers_map.search import ProviderKind
from search.es_query import DEFAULT_FIELDS, text_query
from search.matching import matching_keys
from search.query import parse


def parsed(text):
    result = parse(text)
    return result if result.required() else None


def es_clause(text):
    query = parsed(text)
    if query is None:
        return {"match_none": {}}
    return text_query(query, fields=DEFAULT_FIELDS, cues=False)


def matching_organisations(text):
    """A subquery of the ids of organisations whose indexed words match the query."""
    keys = matching_keys(ProviderKind.name, parsed(text))
    return keys.annotate(organisation_id=Cast("key", BigIntegerField())).values("organisation_id")
