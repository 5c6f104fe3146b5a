"""The cross-kind search on the database, with the same concepts and ranking rules as Elasticsearch.

Matches, their counts per kind and each kind's best candidates come from the postings in one statement
(search/fallback/candidates.py); the chosen kind's facet filters and facet counts (each counted with the other
facets' filters) are statements over those matches. The candidates are then scored exactly in Python
(search/fallback/scoring.py: phrases, title bonus, names, places, distance, closed objects), only a few hundred
records per kind whatever the registry's size.
"""

from search import registry, vocabulary
from search.fallback import candidates, scoring
from search.models import SearchRecord
from search.results import RawHit, RawResults

CANDIDATES = 200  # per kind: scored exactly in Python (at least three pages' worth)
COLUMNS = ["pk", "kind", "key", "title_terms", "name_terms", "tag_terms", "place_terms", "body_terms", "names"]
COLUMNS += ["cues", "points", "open_rank"]


def _scored(ids, parsed, origin, located):
    records = list(SearchRecord.objects.filter(pk__in=ids).only(*COLUMNS))
    averages = {kind: vocabulary.field_averages(kind) for kind in {record.kind for record in records}}
    scored = [(scoring.score(record, parsed, averages[record.kind], origin, located), record) for record in records]
    return sorted(scored, key=lambda item: (-item[0], item[1].pk))


def search(parsed, request):
    vocabulary.terms()  # fresh frequencies and field lengths
    vocabulary.know(candidates.words(parsed))
    kinds = registry.cross_kinds()
    located = {kind.name for kind in kinds if kind.located}
    needed = request.offset + request.per_page
    limit = max(CANDIDATES, needed * 3)
    matches = candidates.find(parsed, kinds, request.relax, limit)
    kind_counts, best = matches.counts, matches.best
    count = sum(kind_counts.values())
    facets = {}
    if request.kind:
        if request.filters:
            sql, params = candidates.with_facets(matches.sql, matches.params, request.kind, request.filters)
            filtered, chosen = candidates.best(sql, params, limit, [request.kind])
            count, best = filtered.get(request.kind, 0), chosen
        else:
            count = kind_counts.get(request.kind, 0)
            best = {request.kind: best.get(request.kind, [])}
        if request.facets and matches.sql:
            keys = [spec.key for spec in registry.get(request.kind).facets]
            facets = candidates.facet_counts(matches.sql, matches.params, request.kind, request.filters, keys)
    origin = request.near or next(((p.lat, p.lon) for p in parsed.places if p.lat or p.lon), None)
    ranked = _scored([pk for ids in best.values() for pk in ids], parsed, origin, located)
    if request.kind and registry.get(request.kind).working_first:
        ranked.sort(key=lambda item: item[1].open_rank)
    if not request.facets:  # ranked keys only (search.service.ranked_hits): no counts, no snippet texts
        kind_counts, count = {}, len(ranked)
    page = ranked[request.offset : needed]
    texts = {}
    if request.facets:
        texts = dict(SearchRecord.objects.filter(pk__in=[r.pk for _s, r in page]).values_list("pk", "body_text"))
    hits = [
        RawHit(
            kind=record.kind,
            key=record.key,
            score=value,
            body_text=texts.get(record.pk, ""),
            cue=best_cue(record, parsed),
            distance_km=scoring.nearest(record, origin),
        )
        for value, record in page
    ]
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
