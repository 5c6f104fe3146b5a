"""Which objects of a kind match a text query, as a database subquery over the fallback's records.

For apps that filter their own querysets by the same words the site search understands (the finder's «слова»
filter on the database backend): one parse of the query (search.query), the same terms the fallback indexes, the
same rule for how many words must match. A query with no word any object contains matches nothing.
"""

import functools
import operator

from django.db.models import Case, IntegerField, Q, Value, When

from search.models import SearchRecord


def _concept_q(concept):
    condition = Q()
    for phrase in concept.alternatives:
        condition |= Q(all_terms__contains=f" {' '.join(phrase)} ")
    return condition


def matching_keys(kind_name, query):
    """A queryset of the `key` of every record of the kind matching the parsed `query` (None matches nothing)."""
    records = SearchRecord.objects.filter(kind=kind_name)
    if query is None:
        return records.none().values("key")
    required = query.required()
    needed = query.minimum_match(required)
    if needed >= len(required):
        for concept in required:
            records = records.filter(_concept_q(concept))
        return records.values("key")
    matched = functools.reduce(
        operator.add,
        [Case(When(_concept_q(c), then=Value(1)), default=Value(0), output_field=IntegerField()) for c in required],
    )
    return records.annotate(matched=matched).filter(matched__gte=needed).values("key")
