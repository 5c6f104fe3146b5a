"""Suggestions as you type: titles whose words start with what has been typed (any kind, best first).

A phrase that no title holds («не говорит в 2 года») is a question rather than a title being typed: then the
suggestions are the search's best answers to it, so the box still offers somewhere to go.
"""

from django.db.models import Q
from django.db.models.functions import Length

from search import client as es
from search import registry, service, text
from search.models import SearchRecord
from search.results import SearchRequest

LIMIT = 8


def _es_titles(words, last, kinds):
    must = [
        {"bool": {"should": [{"term": {"title_words": word}}, {"term": {"title_terms": text.lemma(word)}}]}}
        for word in words
    ]
    must.append(
        {
            "bool": {
                "should": [
                    {"prefix": {"title_words": last}},
                    {"term": {"title_terms": {"value": text.lemma(last), "boost": 2}}},
                ]
            }
        }
    )
    body = {
        "query": {"bool": {"must": must}},
        "size": LIMIT,
        "_source": ["kind", "title", "url"],
        "sort": ["_score", {"key": "asc"}],
    }
    indices = ",".join(es.index_name(kind.name) for kind in kinds)
    response = es.guarded(lambda c: c.search(index=indices, ignore_unavailable=True, **body), es.query_timeout())
    return [
        {"title": hit["_source"]["title"], "url": hit["_source"]["url"], "kind": hit["_source"]["kind"]}
        for hit in response["hits"]["hits"]
    ]


def _db_titles(words, last, kinds):
    condition = Q(title_words__contains=f" {last}") | Q(title_terms__contains=f" {text.lemma(last)} ")
    for word in words:
        condition &= Q(title_words__contains=f" {word} ") | Q(title_terms__contains=f" {text.lemma(word)} ")
    rows = (
        SearchRecord.objects.filter(condition, kind__in=[k.name for k in kinds])
        .annotate(length=Length("title"))
        .order_by("length", "pk")
        .values("kind", "title", "url")[:LIMIT]
    )
    return list(rows)


def titles(query):
    """([{"title", "url", "kind"}], mode) for what has been typed."""
    words = text.words(query)[:8]
    if not words or len(" ".join(words)) < 2:
        return [], "elasticsearch" if es.es_available() else "database"
    *first, last = words
    kinds = registry.cross_kinds()
    found, mode = None, "database"
    if es.es_available():
        try:
            found, mode = _es_titles(first, last, kinds), "elasticsearch"
        except es.SearchUnavailable:
            pass
    if found is None:
        found = _db_titles(first, last, kinds)
    if not found and first:
        found, mode = _best_answers(query)
    return found, mode


def _best_answers(query):
    results = service.run(SearchRequest(q=query, per_page=LIMIT, facets=False))
    found = [{"title": r.title, "url": r.url, "kind": r.kind} for r in results.results[:LIMIT]]
    return found, results.backend
