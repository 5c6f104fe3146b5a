"""The search layer every caller uses (the /search/ page, the API, the library's box, the finder's text box).

    results = run(SearchRequest(q="не говорит в 2 года", kind=kind.name, filters={"age": ["2-3y"]}))

It parses the query once, asks Elasticsearch (or the database fallback when Elasticsearch is not configured,
is down, or its breaker is open), keeps only live public objects (hydrated from the database by the kinds),
adds snippets, promoted results, facet labels and the «did you mean» suggestion. A query that matches nothing
with the minimum-match rule is retried with any of its words (`relaxed`).
"""

import logging

from search import client as es
from search import es_backend, promotions, registry, snippets, text
from search.fallback import search as db_backend
from search.models import QueryStat
from search.query import parse
from search.results import FacetGroup, FacetOption, Result, SearchRequest, SearchResults

log = logging.getLogger(__name__)


def backend_mode():
    """ "elasticsearch" or "database": what a search would use right now."""
    return "elasticsearch" if es.es_available() else "database"


def raw_search(parsed, request, force_database=False):
    if not force_database and es.es_available():
        try:
            return es_backend.search(parsed, request)
        except es.SearchUnavailable as exc:
            log.warning("Elasticsearch unavailable, searching the database: %s", exc)
    return db_backend.search(parsed, request)


def run(request, force_database=False, record_stats=False):
    parsed = parse(request.q)
    if not parsed:
        return SearchResults(request, parsed, [], 0, {}, [], backend=backend_mode())
    raw = raw_search(parsed, request, force_database)
    relaxed = False
    if raw.count == 0 and len(parsed.required()) > 1 and not request.relax:
        request.relax = True
        raw = raw_search(parsed, request, force_database)
        relaxed = raw.count > 0
        request.relax = False
    results = hydrate(raw.hits, parsed)
    promoted = []
    if request.page == 1 and not request.kind and not request.filters:
        # The editors' choices first, then what a kind knows the query asks for exactly (search.registry.answer).
        promoted = promotions.for_query(parsed)
        promoted += [a for a in _answers(parsed) if a.url not in _urls(promoted)]
    promoted_urls = {p.url for p in promoted}
    results = [r for r in results if r.url.split("#")[0] not in promoted_urls]
    if record_stats and request.page == 1:
        _record(parsed, raw.count)
    return SearchResults(
        request=request,
        parsed=parsed,
        results=results,
        count=raw.count,
        kind_counts=raw.kind_counts,
        facets=facet_groups(request, raw.facets),
        suggestion=parsed.suggestion,
        backend=raw.backend,
        relaxed=relaxed,
        promoted=promoted,
    )


def _urls(results):
    return {result.url for result in results}


def _answers(parsed):
    """What kinds know the query asks for exactly (SearchKind.answer), as promoted results."""
    answers = []
    for kind in registry.all_kinds():
        found = kind.answer(parsed)
        if found is None:
            continue
        obj, body_text = found
        result = presented(kind, obj)
        result.snippet, result.promoted = snippets.highlight(body_text, parsed), True
        answers.append(result)
    return answers


def ranked_hits(query, kind, limit=1000, filters=None, near=None, force_database=False):
    """Every match of one kind, best first, as RawHits (key, score, best transcript cue, distance).

    For callers that page and filter themselves (the library's box, the finder's text box). Hits are not
    hydrated: callers filter their own querysets with the keys.
    """
    parsed = parse(query)
    if not parsed:
        return parsed, []
    request = SearchRequest(q=query, kind=kind, filters=filters or {}, per_page=limit, near=near, facets=False)
    raw = raw_search(parsed, request, force_database)
    return parsed, raw.hits


def _record(parsed, count):
    try:
        QueryStat.record(parsed.folded, count > 0)
    except Exception:  # statistics never break a search
        log.exception("Could not record the query statistics")


def hydrate(hits, parsed):
    """Results for hits whose objects are still live and public, in the hits' order."""
    by_kind = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit.key)
    objects = {}
    for name, keys in by_kind.items():
        try:
            kind = registry.get(name)
        except KeyError:
            continue
        objects[name] = (kind, kind.hydrate(keys))
    results = []
    for hit in hits:
        kind, found = objects.get(hit.kind, (None, {}))
        obj = found.get(hit.key)
        if obj is None:
            continue
        result = presented(kind, obj)
        result.distance_km = round(hit.distance_km, 1) if hit.distance_km is not None else None
        if hit.cue and not _title_says_it(result.title, parsed):
            result.timestamp = snippets.format_time(hit.cue[0])
            result.url = f"{result.url}#t={result.timestamp}"
            result.snippet = snippets.highlight(hit.cue[1], parsed)
        else:
            result.snippet = snippets.highlight(hit.body_text, parsed)
        results.append(result)
    return results


def presented(kind, obj):
    """A Result of `kind` for a live object, as the kind presents it (no snippet yet)."""
    shown = kind.present(obj)
    return Result(
        kind=kind.name,
        kind_label=str(kind.label),
        title=shown["title"],
        url=shown["url"],
        meta=shown.get("meta", []),
        status=shown.get("status", ""),
        status_label=shown.get("status_label", ""),
    )


def _title_says_it(title, parsed):
    terms = set(text.terms(title)) | set(text.words(title))
    required = parsed.required()
    return all(any(set(phrase) <= terms for phrase in c.alternatives) for c in required)


def facet_groups(request, counts):
    if not request.kind:
        return []
    groups = []
    for spec in registry.get(request.kind).facets:
        values = counts.get(spec.key, {})
        chosen = request.filters.get(spec.key, [])
        labels = spec.label_values(set(values) | set(chosen))
        options = [
            FacetOption(value, labels.get(value, value), values.get(value, 0), value in chosen)
            for value in set(values) | set(chosen)
            if value in labels
        ]
        if options:
            groups.append(FacetGroup(spec.key, str(spec.label), spec.order(options)))
    return groups
