"""/api/v1/search and /api/v1/search/suggest: the portal's search as JSON.

Parameters are validated by search/params.py (any problem → 400 `{"error", "details"}`); the OpenAPI
document lists them through the Query schemas below.
"""

from django.utils.translation import gettext as _

from ninja import Field, Query, Router, Schema

from core.api import ApiError
from search import service, suggest
from search.params import UNKNOWN, parse_params

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = Field(..., description="What to look for, in Russian; at most 200 characters.", max_length=10_000)
    kind: str = Field("all", description="all, guidance (for parents), library or providers (services).")
    page: str | None = Field(None, description="Page of results, 1–100.")
    per_page: str | None = Field(None, description="Results per page, 1–50 (10 by default).")
    near: str | None = Field(None, description="latitude,longitude: providers nearest to it first.")
    topic: list[str] = Field([], description="Topic slugs (guidance, library).")
    age: list[str] = Field([], description="Age group slugs (guidance, library, providers).")
    concern: list[str] = Field([], description="Developmental concern slugs.")
    audience: list[str] = Field([], description="parents, specialists, managers.")
    type: list[str] = Field([], description="Material type (library).")
    region: list[str] = Field([], description="Region codes, e.g. 54 (library, providers).")
    service: list[str] = Field([], description="Service type slugs (providers).")
    ownership: list[str] = Field([], description="state, municipal, nonprofit, commercial (providers).")
    cost: list[str] = Field([], description="free, paid, mixed (providers).")
    delivery: list[str] = Field([], description="centre, home, remote (providers).")


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


class SuggestQuery(Schema):
    q: str = Field(..., description="What has been typed so far.", max_length=10_000)


class SuggestionOut(Schema):
    title: str
    url: str
    kind: str


class SuggestOut(Schema):
    query: str
    suggestions: list[SuggestionOut]
    mode: str


def _validated(request, require_query=True, only=None):
    search_request, errors = parse_params(request.GET, require_query=require_query)
    if only is not None:
        errors = [e for e in errors if e["parameter"] in only or e.get("code") == UNKNOWN]
        errors += [
            {"parameter": name[:50], "message": _("Unknown parameter."), "code": UNKNOWN}
            for name in request.GET
            if name not in only and not any(e["parameter"] == name for e in errors)
        ]
    if errors:
        raise ApiError(_("Invalid search parameters."), errors)
    return search_request


@router.get(
    "",
    response=SearchOut,
    summary="Search guidance, the library and the provider registry",
    operation_id="search_api_search",
)
def search(request, params: Query[SearchQuery]):
    """Russian-aware search (word forms, ё/е, synonyms, typos, numbers as digits or words)."""
    search_request = _validated(request)
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
        "kinds": {"all": found.total_all, **{name: found.kind_counts.get(name, 0) for name in _kinds()}},
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
def suggest_view(request, params: Query[SuggestQuery]):
    search_request = _validated(request, only={"q"})
    found, mode = suggest.titles(search_request.q)
    return {"query": search_request.q, "suggestions": found, "mode": mode}


def _kinds():
    from search.params import kind_names

    return kind_names()
