"""One search for the finder page and the list API: results, counts per filter option, paging.

result = find(params, saved_ids={…})
result.cards, result.total, result.page, result.facets, result.backend
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.models import Organisation

from .age import AgeRange
from .backends import run
from .results import build_cards

MAX_RESULTS = 10_000  # Elasticsearch's result window; the page asks to narrow the search beyond it
AGE_YEARS = range(0, 7)
FLAGS = ("free", "home", "remote", "open_now", "step_free")


@dataclass
class FinderResult:
    cards: list
    total: int
    page: Page  # Django's, over the results that can be paged through
    backend: str
    named_total: int | None = None  # with a concern filter: places whose services name it
    facets: dict = field(default_factory=dict)

    @property
    def truncated(self):
        """More results than can be paged through (Elasticsearch's result window)."""
        return self.total > MAX_RESULTS


def facet_options():
    """{group: [option values]} in the order the form lists them."""
    return {
        "service": list(ServiceType.objects.values_list("slug", flat=True)),
        "concern": list(DevelopmentalConcern.objects.values_list("slug", flat=True)),
        "language": list(Language.objects.values_list("slug", flat=True)),
        "ownership": list(Organisation.Ownership.values),
        "region": list(Region.objects.order_by("name").values_list("code", flat=True)),
        "age": [AgeRange(years * 12, years * 12 + 11) for years in AGE_YEARS],
        **{flag: [True] for flag in FLAGS},
    }


def _search(backend, query, offset, limit, with_facets):
    page = backend.search(query, offset, limit)
    facets = backend.facet_counts(query, facet_options()) if with_facets else {}
    return page, facets


def find(params, saved_ids=(), with_facets=True):
    """Run the search `params` describe; the page number is clamped into range."""
    query = params.query
    size = params.page_size
    number = max(1, params.page)
    (result_page, facets), backend = run(_search, query, (number - 1) * size, size, with_facets)
    page = Paginator(range(min(result_page.total, MAX_RESULTS)), size).get_page(number)
    if page.number != number and result_page.total:  # beyond the last page: show the last
        (result_page, _facets), backend = run(_search, query, (page.number - 1) * size, size, False)
    place = params.place
    origin = place.point if place is not None and place.measures_distance else None
    cards = build_cards(
        result_page.hits, query.now, origin=origin, saved_ids=set(saved_ids), service_slug=query.service
    )
    return FinderResult(
        cards=cards,
        total=result_page.total,
        page=page,
        backend=backend,
        named_total=result_page.named_total,
        facets=facets,
    )
