"""The cross-kind search on the database, with the same concepts and ranking rules as Elasticsearch.

Candidates: records whose lemmas contain the required concepts (minimum-match rule) — a weighted tsvector
with a GIN index on PostgreSQL, LIKE over the space-padded lemma columns elsewhere (SQLite). Facets and tab
counts are GROUP BY queries over the candidates; ranking is search/fallback/scoring.py in Python over the
best candidates (PostgreSQL pre-ranks them with ts_rank_cd).
"""

import itertools
import re

from django.db import connection
from django.db.models import Count, Q

from search import registry, vocabulary
from search.fallback import scoring
from search.models import SearchFacetValue, SearchRecord
from search.results import RawHit, RawResults

PG_CANDIDATES = 400
MAX_CANDIDATES = 5000
_LEXEME = re.compile(r"^[\w.]+$")


def _like(column, phrase):
    return Q(**{f"{column}__contains": scoring.padded(phrase)})


def _concept_q(concept, column="all_terms"):
    q = Q()
    for phrase in concept.alternatives:
        q |= _like(column, phrase)
    return q


def _combine(items, minimum, make):
    """OR over the subsets of `minimum` items, each an AND (the minimum-match rule)."""
    if not items:
        return None
    if minimum >= len(items):
        result = make[0]()
        for item in items:
            result = make[1](result, item)
        return result
    result = None
    for subset in itertools.combinations(items, minimum):
        part = make[0]()
        for item in subset:
            part = make[1](part, item)
        result = part if result is None else make[2](result, part)
    return result


def _like_condition(parsed, required, minimum):
    q_items = [_concept_q(c) for c in required]
    return _combine(q_items, minimum, (Q, lambda a, b: a & b, lambda a, b: a | b))


def _tsquery(parsed, required, minimum):
    def concept(c):
        alts = []
        for phrase in c.alternatives:
            if all(_LEXEME.match(term) for term in phrase):
                alts.append(" <-> ".join(f"'{term}'" for term in phrase))
        return "(" + " | ".join(alts) + ")" if alts else None

    parts = [part for part in (concept(c) for c in required) if part]
    if not parts:
        return None
    return _combine(
        parts,
        min(minimum, len(parts)),
        (lambda: None, lambda a, b: b if a is None else f"{a} & {b}", lambda a, b: f"({a}) | ({b})"),
    )


def _place_q(parsed, located):
    q = Q()
    for place in parsed.places:
        q |= Q(kind__in=located) & _like("place_terms", place.terms)
    return q


def candidates(parsed, request, kinds):
    """(queryset of matching records, PostgreSQL tsquery or None)."""
    queryset = SearchRecord.objects.filter(kind__in=[k.name for k in kinds])
    required = parsed.required()
    minimum = 1 if request.relax else parsed.minimum_match(required)
    located = [kind.name for kind in kinds if kind.located]
    place_q = _place_q(parsed, located) if parsed.places and located else None
    if connection.vendor == "postgresql":
        tsq = _tsquery(parsed, required, minimum)
        if tsq:
            where = "search_vector @@ to_tsquery('simple', %s)"
            if place_q:
                ids = SearchRecord.objects.filter(place_q).values_list("pk", flat=True)
                matched = queryset.extra(where=[where], params=[tsq]).values_list("pk", flat=True)
                return queryset.filter(Q(pk__in=matched) | Q(pk__in=ids)), tsq
            return queryset.extra(where=[where], params=[tsq]), tsq
    condition = _like_condition(parsed, required, minimum)
    if condition is None:
        return queryset.none(), None
    if place_q:
        condition |= place_q
    return queryset.filter(condition), None


def _with_facets(queryset, filters, skip=None):
    for key, values in filters.items():
        if values and key != skip:
            queryset = queryset.filter(
                pk__in=SearchFacetValue.objects.filter(facet=key, value__in=values).values("record_id")
            )
    return queryset


def _ranked(queryset, parsed, origin, tsq, needed, located):
    columns = ["pk", "kind", "key", "title_terms", "name_terms", "tag_terms", "place_terms", "body_terms"]
    columns += ["cues", "points", "open_rank", "title"]
    rows = queryset.only(*columns)
    if tsq:
        rows = rows.extra(
            select={"rank": "ts_rank_cd(search_vector, to_tsquery('simple', %s), 1)"}, select_params=[tsq]
        ).order_by("-rank", "pk")[: max(PG_CANDIDATES, needed * 3)]
    else:
        rows = rows.order_by("pk")[:MAX_CANDIDATES]
    rows = list(rows)
    averages = scoring.field_lengths(rows)
    scored = [(scoring.score(record, parsed, averages, origin, located), record) for record in rows]
    return sorted(scored, key=lambda item: (-item[0], item[1].pk))


def search(parsed, request):
    vocabulary.terms()  # fresh idf figures
    kinds = registry.cross_kinds()
    matched, tsq = candidates(parsed, request, kinds)
    chosen = matched.filter(kind=request.kind) if request.kind else matched
    results = _with_facets(chosen, request.filters)
    if request.facets:
        kind_counts = dict(matched.order_by().values_list("kind").annotate(n=Count("pk")))
        count = results.count() if request.filters or request.kind else sum(kind_counts.values())
    facets = {}
    if request.kind and request.facets:
        for spec in registry.get(request.kind).facets:
            base = _with_facets(chosen, request.filters, skip=spec.key)
            rows = (
                SearchFacetValue.objects.filter(facet=spec.key, record_id__in=base.order_by().values("pk"))
                .values_list("value")
                .annotate(n=Count("record_id", distinct=True))
            )
            facets[spec.key] = dict(rows)
    origin = request.near or next(((p.lat, p.lon) for p in parsed.places if p.lat or p.lon), None)
    needed = request.offset + request.per_page
    ranked = _ranked(results, parsed, origin, tsq, needed, {kind.name for kind in kinds if kind.located})
    if request.kind and registry.get(request.kind).working_first:
        ranked.sort(key=lambda item: item[1].open_rank)
    if not request.facets:  # ranked keys only (search.service.ranked_hits): no counts, no snippet texts
        kind_counts, count = {}, len(ranked)
    page = ranked[request.offset : needed]
    texts = {}
    if request.facets:
        texts = dict(SearchRecord.objects.filter(pk__in=[r.pk for _s, r in page]).values_list("pk", "body_text"))
    hits = []
    for value, record in page:
        hits.append(
            RawHit(
                kind=record.kind,
                key=record.key,
                score=value,
                body_text=texts.get(record.pk, ""),
                cue=best_cue(record, parsed),
                distance_km=scoring.nearest(record, origin),
            )
        )
    return RawResults(hits, count, kind_counts, facets, "database")


def best_cue(record, parsed):
    """The first cue that says all the required concepts (or most of them), as (start, text)."""
    required = parsed.required()
    if not record.cues or not required:
        return None
    best, best_n = None, 0
    for start, cue_text, terms in record.cues:
        padded_terms = f" {terms} "
        n = sum(1 for c in required if any(scoring.padded(p) in padded_terms for p in c.alternatives))
        if n > best_n:
            best, best_n = (start, cue_text), n
            if n == len(required):
                break
    return best if best_n == len(required) else None
