"""A query's matches in the fallback, from the postings alone (one SQL statement, PostgreSQL and SQLite alike).

The postings of the query's words are read from their index and grouped by record, once: a form of a concept
(a word, or a phrase of a synonym group) is found when the record has all its words, a concept when one of its
forms is; a record matches when it has the required concepts (the minimum-match rule, or any one when
relaxed), or when it is of a `located` kind and its place field says a place the query names. Its pre-rank is
the sum of its postings' impacts × the words' idf among the kind × the form's factor (×IN_PLACE in the named
place): BM25 as the final scoring computes it, less phrases and bonuses, so the best records by pre-rank hold
the best by score. Each kind keeps its own count and its best `limit` records, so a small kind is never crowded
out by a big one.
"""

from dataclasses import dataclass

from django.db import connection

from search import ranking, vocabulary
from search.fallback.postings import PLACE_BIT
from search.fallback.scoring import form_factor
from search.models import SearchFacetValue, SearchPosting


@dataclass
class Matches:
    sql: str  # SELECT record, kind, pre_rank of every match (for facet counts and filtered pages)
    params: list
    counts: dict  # {kind: matches}
    best: dict  # {kind: [record id, ...]} best first, at most `limit` each


def _forms(parsed, required):
    """[(concept number, form number, words, factor, required?)] of the query's concepts; places get negative
    concept numbers and no weight."""
    forms = []
    for number, concept in enumerate(parsed.concepts):
        needed = any(concept is c for c in required)
        for index, phrase in enumerate(concept.alternatives):
            forms.append((number, index, list(dict.fromkeys(phrase)), form_factor(concept, index, phrase), needed))
    for number, place in enumerate(parsed.places):
        forms.append((-1 - number, 0, list(dict.fromkeys(place.terms)), 0.0, False))
    return forms


def _said(concept, form, size, place=False):
    """SQL: 1 when the record has every word of one form (in its place field, for a place), else 0."""
    condition = f"q.concept = {concept} AND q.alt = {form}"
    if place:
        condition += f" AND (p.fields & {PLACE_BIT}) <> 0"
    found = f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"
    return f"(CASE WHEN {found} >= {size} THEN 1 ELSE 0 END)"


def _any(parts):
    return f"(CASE WHEN {' + '.join(parts)} > 0 THEN 1 ELSE 0 END)" if parts else "0"


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def words(parsed):
    """Every lemma the query's forms and places use (their frequencies are needed first: vocabulary.know)."""
    found = {term for concept in parsed.concepts for phrase in concept.alternatives for term in phrase}
    return found | {term for place in parsed.places for term in place.terms}


def matching_sql(parsed, kinds, minimum, required):
    """(SQL, params) selecting (record, kind, pre_rank) of every matching record of `kinds`: one pass over the
    postings of the query's words, grouped by record."""
    names = [kind.name for kind in kinds]
    located = [kind.name for kind in kinds if kind.located]
    forms = _forms(parsed, required)
    rows = [
        (word, kind, concept, form, factor * vocabulary.idf(word, kind))
        for concept, form, terms, factor, _needed in forms
        for word in terms
        for kind in names
    ]
    concepts = {}
    for concept, form, terms, _factor, needed in forms:
        if needed:
            concepts.setdefault(concept, []).append(_said(concept, form, len(terms)))
    matched = " + ".join(_any(parts) for parts in concepts.values()) or "0"
    places = [_said(concept, form, len(terms), place=True) for concept, form, terms, _f, _n in forms if concept < 0]
    in_place = _any(places) if located else "0"
    kind_located = f"p.kind IN ({_placeholders(located)})" if located else "1 = 0"
    postings = connection.ops.quote_name(SearchPosting._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    sql = f"""
        WITH q(term, kind, concept, alt, weight) AS (VALUES {values})
        SELECT p.record_id AS record, p.kind AS kind,
               SUM(p.impact * q.weight) * (CASE WHEN {kind_located} AND {in_place} = 1
                                           THEN {ranking.IN_PLACE:.1f} ELSE 1.0 END) AS pre_rank
        FROM {postings} p JOIN q ON p.term = q.term AND p.kind = q.kind
        GROUP BY p.record_id, p.kind
        HAVING {matched} >= %s OR ({kind_located} AND {in_place} = 1)
    """
    params = [value for row in rows for value in row] + located + [minimum] + located
    return sql, params


def with_facets(sql, params, kind_name, filters, skip=None):
    """The matches of one kind that have the chosen facet values (each facet but `skip`)."""
    facets = connection.ops.quote_name(SearchFacetValue._meta.db_table)
    conditions, extra = ["m.kind = %s"], [kind_name]
    for key, values in filters.items():
        if values and key != skip:
            conditions.append(
                f"m.record IN (SELECT record_id FROM {facets} WHERE facet = %s AND value IN ({_placeholders(values)}))"
            )
            extra += [key, *values]
    return f"SELECT m.record, m.kind, m.pre_rank FROM ({sql}) m WHERE {' AND '.join(conditions)}", params + extra


def best(sql, params, limit, kind_names):
    """({kind: count}, {kind: [record ids best first, at most `limit`]}) of the matches `sql` selects: counts
    by one GROUP BY, each kind's best by a top-N sort (not a sort of every match)."""
    top = "SELECT kind, record, 0 FROM found WHERE kind = %s ORDER BY pre_rank DESC, record LIMIT %s"
    tops = [f"SELECT * FROM ({top}) top{n}" for n in range(len(kind_names))]
    query = " UNION ALL ".join(["SELECT kind, NULL, COUNT(*) FROM found GROUP BY kind", *tops])
    counts, found = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(f"WITH found AS ({sql}) {query}", [*params, *(v for name in kind_names for v in (name, limit))])
        for kind, record, total in cursor.fetchall():
            if record is None:
                counts[kind] = total
            else:
                found.setdefault(kind, []).append(record)
    return counts, found


def facet_counts(sql, params, facet):
    """{value: records} of one facet over the matches `sql` selects."""
    table = connection.ops.quote_name(SearchFacetValue._meta.db_table)
    query = f"""
        SELECT f.value, COUNT(*) FROM {table} f
        WHERE f.facet = %s AND f.record_id IN (SELECT record FROM ({sql}) m)
        GROUP BY f.value
    """
    with connection.cursor() as cursor:
        cursor.execute(query, [facet, *params])
        return dict(cursor.fetchall())


def find(parsed, kinds, relax, limit):
    """Matches of the cross-search `kinds` with their counts and each kind's best `limit` records."""
    required = parsed.required()
    minimum = 1 if relax else parsed.minimum_match(required)
    if not required and not parsed.places:
        return Matches("", [], {}, {})
    sql, params = matching_sql(parsed, kinds, max(1, minimum), required)
    counts, found = best(sql, params, limit, [kind.name for kind in kinds])
    return Matches(sql, params, counts, found)
