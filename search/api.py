"""/api/v1/search and /api/v1/search/suggest: the portal's search as JSON.

Parameters are validated once, by the operations' ninja schemas (search/params.py): any problem answers 400
`{"error", "details"}`, and the OpenAPI document is generated from the same schemas.
"""

from ninja import Field, Query, Router, Schema

from search import service, suggest
from search.params import SearchParams, SuggestParams, kind_names

router = Router(tags=["search"])


class ResultOut(Schema):
    kind: str
    title: str
    url: str = Field(..., description="Public path; a moment of a video carries #t=MM:SS.")
    snippet: str = Field(..., description="HTML with <mark> around the matched words.")
    meta: list[str]
    promoted: bool
    status: str | None = None
    distance_km: float | None = None
    timestamp: str | None = None


class SearchOut(Schema):
    count: int
    page: int
    pages: int
    results: list[ResultOut]
    facets: dict
    kinds: dict
    suggestion: str | None
    relaxed: bool
    mode: str


class SuggestionOut(Schema):
    title: str
    url: str
    kind: str


class SuggestOut(Schema):
    query: str
    suggestions: list[SuggestionOut]
    mode: str


@router.get(
    "",
    response=SearchOut,
    summary="Search guidance, the library and the provider registry",
    operation_id="search_api_search",
)
def search(request, params: Query[SearchParams]):
    """Russian-aware search (word forms, ё/е, synonyms, typos, numbers as digits or words)."""
    search_request = params.search_request()
    found = service.run(search_request, record_stats=True)
    facets = {
        group.key: [
            {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected} for o in group.options
        ]
        for group in found.facets
    }
    return {
        "count": found.count,
        "page": search_request.page,
        "pages": found.pages,
        "results": [r.as_json() for r in found.promoted + found.results],
        "facets": facets,
        "kinds": {"all": found.total_all, **{name: found.kind_counts.get(name, 0) for name in kind_names()}},
        "suggestion": found.suggestion or None,
        "relaxed": found.relaxed,
        "mode": found.backend,
    }


@router.get(
    "/suggest",
    response=SuggestOut,
    summary="Titles that match what has been typed so far",
    operation_id="search_api_suggest_view",
)
def suggest_view(request, params: Query[SuggestParams]):
    found, mode = suggest.titles(params.q)
    return {"query": params.q, "suggestions": found, "mode": mode}
