"""The cross-kind search on Elasticsearch: one request over the kinds' aliases.

Tab counts come from an aggregation over the query alone; the chosen kind and its facet filters are a
post_filter, and each facet is counted with the other facets' filters (disjunctive faceting). Ranking: the
text score (search/es_query.py), closed objects down-weighted (after working ones on the tab of a kind that
is `working_first`), objects of `located` kinds in the place the query names (or near the request's
coordinates) first.
"""

from core.geo import distance_km
from search import client as es
from search import ranking, registry
from search.es_query import cue_query, text_query
from search.results import RawHit, RawResults

FACET_SIZE = 100


def _place_clause(place):
    return {"match_phrase": {"place_terms": " ".join(place.terms)}}


def _named_after(place):
    """The object says the place in its own words, its last word maybe longer (ranking.named_after)."""
    stem = ranking.place_stem(place.terms)
    kind = "match_phrase_prefix" if stem else "match_phrase"
    words = " ".join([*place.terms[:-1], stem or place.terms[-1]])
    clauses = [{kind: {f"{field}_terms": words}} for field in ranking.OWN_WORDS]
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def _facet_filters(filters, skip=None):
    return [{"terms": {key: values}} for key, values in filters.items() if values and key != skip]


def build_body(parsed, request, kinds):
    query = text_query(parsed, place_optional=True, relax=request.relax)
    cue = cue_query(parsed)
    should = [cue] if cue else []
    located = {"terms": {"kind": [kind.name for kind in kinds if kind.located]}}
    places = [p for p in parsed.places if p] if located["terms"]["kind"] else []
    if places:
        # In the named place an object matches by its place alone and scores what else of the query it says,
        # as in the fallback: «КЦСОН города Бердска» for «логопед Бердск» keeps its «Бердск» in the title.
        said = text_query(parsed, any_concept=True)
        in_place = {"bool": {"filter": [located], "must": [{"bool": {"should": [_place_clause(p) for p in places]}}]}}
        in_place["bool"]["should"] = [said]
        query = {"dis_max": {"queries": [query, in_place]}}
    functions = [{"filter": {"term": {"open_rank": rank}}, "weight": w} for rank, w in ranking.CLOSED.items()]
    if parsed.name_key:
        functions.append({"filter": {"term": {"names": parsed.name_key}}, "weight": ranking.EXACT_NAME})
    for place in places:
        functions.append({"filter": {"bool": {"filter": [located, _place_clause(place)]}}, "weight": ranking.IN_PLACE})
        named = {"bool": {"filter": [located, _place_clause(place), _named_after(place)]}}
        functions.append({"filter": named, "weight": ranking.NAMED_AFTER_PLACE})
    origin = request.near or next(((p.lat, p.lon) for p in places if p.lat or p.lon), None)
    if origin and located["terms"]["kind"]:
        functions.append(
            {
                "filter": located,
                "gauss": {
                    "geo": {
                        "origin": {"lat": origin[0], "lon": origin[1]},
                        "offset": f"{ranking.DECAY['offset_km']:g}km",
                        "scale": f"{ranking.DECAY['scale_km']:g}km",
                        "decay": ranking.DECAY["decay"],
                    },
                    "multi_value_mode": "min",
                },
            }
        )
    scored = {
        "function_score": {
            "query": {"bool": {"must": [query], "should": should}},
            "functions": functions,
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }
    post_filter = [{"term": {"kind": request.kind}}] if request.kind else []
    post_filter += _facet_filters(request.filters)
    aggs = {"kinds": {"terms": {"field": "kind", "size": 20}}}
    if request.kind and request.facets:
        for spec in registry.get(request.kind).facets:
            filters = [{"term": {"kind": request.kind}}] + _facet_filters(request.filters, skip=spec.key)
            aggs[f"facet_{spec.key}"] = {
                "filter": {"bool": {"filter": filters}},
                "aggs": {"values": {"terms": {"field": spec.key, "size": FACET_SIZE}}},
            }
    body = {
        "query": scored,
        "post_filter": {"bool": {"filter": post_filter}},
        "aggs": aggs,
        "from": request.offset,
        "size": request.per_page,
        "track_total_hits": True,
        "_source": ["kind", "key", "body_text", "geo"] if origin else ["kind", "key", "body_text"],
    }
    if request.kind and registry.get(request.kind).working_first:
        body["sort"] = [{"open_rank": "asc"}, "_score", {"key": "asc"}]
    else:
        body["sort"] = ["_score", {"key": "asc"}]
    return body, origin


def _distance(points, origin):
    if not origin or not points:
        return None
    return min(distance_km(origin[0], origin[1], p["lat"], p["lon"]) for p in points)


def search(parsed, request):
    kinds = registry.cross_kinds()
    indices = ",".join(es.index_name(kind.name) for kind in kinds)
    body, origin = build_body(parsed, request, kinds)
    response = es.guarded(
        lambda client: client.search(index=indices, ignore_unavailable=True, **body), timeout=es.query_timeout()
    )
    hits = []
    for hit in response["hits"]["hits"]:
        source = hit.get("_source", {})
        cue = None
        inner = hit.get("inner_hits", {}).get("cue", {}).get("hits", {}).get("hits", [])
        if inner:
            cue_source = inner[0].get("_source", {})
            cue_source = cue_source.get("cues", cue_source)
            cue = (float(cue_source.get("start", 0)), cue_source.get("text", ""))
        hits.append(
            RawHit(
                kind=source.get("kind", ""),
                key=str(source.get("key", hit["_id"])),
                score=hit.get("_score") or 0.0,
                body_text=source.get("body_text", ""),
                cue=cue,
                distance_km=_distance(source.get("geo"), origin),
            )
        )
    aggs = response.get("aggregations", {})
    kind_counts = {bucket["key"]: bucket["doc_count"] for bucket in aggs.get("kinds", {}).get("buckets", [])}
    facets = {}
    for name, agg in aggs.items():
        if name.startswith("facet_"):
            facets[name[6:]] = {b["key"]: b["doc_count"] for b in agg["values"]["buckets"]}
    return RawResults(hits, response["hits"]["total"]["value"], kind_counts, facets, "elasticsearch")
