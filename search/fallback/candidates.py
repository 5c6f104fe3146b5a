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

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from search import ranking, vocabulary
from search.fallback.postings import PLACE_BIT
from search.fallback.scoring import form_factor
from search.models import SearchFacetValue, SearchPosting

# PostgreSQL's room to group a common word's postings by record (100 000 providers: some 90 000 groups) in
# memory: with the default 4 MB the grouping spills to disk and the fallback's p95 grows by about a sixth.
WORK_MEM = "16MB"


@dataclass
class Matches:
    sql: str  # SELECT record, kind, pre_rank of every match (for facet counts and filtered pages)
    params: list
    counts: dict  # {kind: matches}
    best: dict  # {kind: [record id, ...]} best first, at most `limit` each


def _forms(parsed, required):
    """[(concept number, words, factor, required?)]: one per form of the query's concepts; places get negative
    concept numbers and no weight."""
    forms = []
    for number, concept in enumerate(parsed.concepts):
        needed = any(concept is c for c in required)
        for index, phrase in enumerate(concept.alternatives):
            forms.append((number, list(dict.fromkeys(phrase)), form_factor(concept, index, phrase), needed))
    for number, place in enumerate(parsed.places):
        forms.append((-1 - number, list(dict.fromkeys(place.terms)), 0.0, False))
    return forms


class _Bits:
    """A bit for each word of each form, in masks of 30 (a form's words share one mask): a record's postings
    summed by these bits say which words of which forms it has, with one plain sum per mask.

    30, not 62: bits that PostgreSQL reads as integers sum to a bigint, while one bit past 2³¹ makes the whole
    column bigint, whose SUM is numeric, which has no `&` (a query of many abbreviations failed so)."""

    SIZE = 30

    def __init__(self):
        self.masks = 0
        self.used = self.SIZE

    def allot(self, words):
        """(mask number, {word: bit}, all bits) for one form's words."""
        if self.used + len(words) > self.SIZE:
            self.masks, self.used = self.masks + 1, 0
        bits = {word: 1 << (self.used + n) for n, word in enumerate(words)}
        self.used += len(words)
        return self.masks - 1, bits, sum(bits.values())


def _has(mask, bits):
    return f"(({mask} & {bits}) = {bits})"


def _any(conditions):
    return f"(CASE WHEN {' OR '.join(conditions)} THEN 1 ELSE 0 END)" if conditions else "0"


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def words(parsed):
    """Every lemma the query's forms and places use (their frequencies are needed first: vocabulary.know)."""
    found = {term for concept in parsed.concepts for phrase in concept.alternatives for term in phrase}
    return found | {term for place in parsed.places for term in place.terms}


def matching_sql(parsed, kinds, minimum, required):
    """(SQL, params) selecting (record, kind, pre_rank) of every matching record of `kinds`: one pass over the
    postings of the query's words, grouped by record with plain sums (which words of which forms it has are
    bits of a mask; whether it has the required concepts is worked out once per record, not per posting).
    A word several forms share («центр» of «КЦСОН» and of its expansion) is read once: its row carries the
    sum of those forms' weights and all their bits."""
    names = [kind.name for kind in kinds]
    located = [kind.name for kind in kinds if kind.located]
    words_bits, places_bits = _Bits(), _Bits()
    weights, word_masks, concepts, places = {}, {}, {}, []
    for concept, terms, factor, needed in _forms(parsed, required):
        bits = places_bits if concept < 0 else words_bits
        mask, word_bits, form_bits = bits.allot(terms)
        column = f"{'p' if concept < 0 else 'w'}{mask}"
        for word in terms:
            masks = word_masks.setdefault(word, {})
            masks[column] = masks.get(column, 0) | word_bits[word]
            for kind in names:
                weights[word, kind] = weights.get((word, kind), 0.0) + factor * vocabulary.idf(word, kind)
        if concept < 0:
            places.append(_has(column, form_bits))
        elif needed:
            concepts.setdefault(concept, []).append(_has(column, form_bits))
    columns = [f"w{n}" for n in range(words_bits.masks)] + [f"p{n}" for n in range(places_bits.masks)]
    rows = [
        (word, kind, weight, *(word_masks[word].get(c, 0) for c in columns)) for (word, kind), weight in weights.items()
    ]
    sums = [
        f"SUM(q.{column}{f' * ((p.fields & {PLACE_BIT}) / {PLACE_BIT})' if column.startswith('p') else ''}) AS {column}"
        for column in columns  # a place's bits count only when the record says it in its place field
    ]
    matched = " + ".join(_any(conditions) for conditions in concepts.values()) or "0"
    in_place = f"({_any(places)} = 1 AND kind IN ({_placeholders(located)}))" if located and places else "1 = 0"
    postings = connection.ops.quote_name(SearchPosting._meta.db_table)
    values = ", ".join([f"({_placeholders(rows[0])})"] * len(rows))
    sql = f"""
        WITH q(term, kind, weight, {", ".join(columns)}) AS (VALUES {values}),
        records AS (
            SELECT p.record_id AS record, p.kind AS kind, SUM(p.impact * q.weight) AS score, {", ".join(sums)}
            FROM {postings} p JOIN q ON p.term = q.term AND p.kind = q.kind
            GROUP BY p.record_id, p.kind
        )
        SELECT record, kind, score * (CASE WHEN {in_place} THEN {ranking.IN_PLACE:.1f} ELSE 1.0 END) AS pre_rank
        FROM records WHERE {matched} >= %s OR {in_place}
    """
    located_params = located if located and places else []
    params = [value for row in rows for value in row] + located_params + [minimum] + located_params
    return sql, params


@contextmanager
def _cursor():
    """A cursor, on PostgreSQL in a transaction whose statements get WORK_MEM (SET LOCAL: nothing else does)."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        yield cursor


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
    with _cursor() as cursor:
        cursor.execute(f"WITH found AS ({sql}) {query}", [*params, *(v for name in kind_names for v in (name, limit))])
        for kind, record, total in cursor.fetchall():
            if record is None:
                counts[kind] = total
            else:
                found.setdefault(kind, []).append(record)
    return counts, found


def facet_counts(sql, params, kind_name, filters, keys):
    """{facet: {value: records}} over one kind's matches, each facet counted with the other facets' filters
    (disjunctive): one statement for every facet no value is chosen in, one more per facet a value is chosen in."""
    table = connection.ops.quote_name(SearchFacetValue._meta.db_table)
    groups = [(None, [key for key in keys if not filters.get(key)])]
    groups += [(key, [key]) for key in keys if filters.get(key)]
    counts = {key: {} for key in keys}
    with _cursor() as cursor:
        for skip, facets in groups:
            if not facets:
                continue
            base, base_params = with_facets(sql, params, kind_name, filters, skip=skip)
            cursor.execute(
                f"""SELECT f.facet, f.value, COUNT(*) FROM {table} f
                    WHERE f.facet IN ({_placeholders(facets)}) AND f.record_id IN (SELECT record FROM ({base}) m)
                    GROUP BY f.facet, f.value""",
                [*facets, *base_params],
            )
            for facet, value, n in cursor.fetchall():
                counts[facet][value] = n
    return counts


def find(parsed, kinds, relax, limit):
    """Matches of the cross-search `kinds` with their counts and each kind's best `limit` records."""
    required = parsed.required()
    minimum = 1 if relax else parsed.minimum_match(required)
    if not required and not parsed.places:
        return Matches("", [], {}, {})
    sql, params = matching_sql(parsed, kinds, max(1, minimum), required)
    counts, found = best(sql, params, limit, [kind.name for kind in kinds])
    return Matches(sql, params, counts, found)
