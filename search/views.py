"""/search/: the cross-kind search page. Works without JavaScript; bad parameters get a friendly message."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from search import registry, service
from search.params import read_page
from search.results import SearchRequest

POPULAR_LINKS = 8


def _url(request_, **changes):
    params = {"q": request_.q}
    if request_.kind:
        params["kind"] = request_.kind
    params.update(changes)
    pairs = [(k, v) for k, v in params.items() if v not in (None, "", 1) or k == "q"]
    for key, values in (changes.get("filters", request_.filters) or {}).items():
        pairs += [(key, value) for value in values]
    pairs = [(k, v) for k, v in pairs if k != "filters"]
    return "?" + urlencode(pairs)


def tabs(search_request, found):
    items = [("", _("All"), found.total_all if found else 0)]
    items += [
        (kind.name, str(kind.label), found.kind_counts.get(kind.name, 0) if found else 0)
        for kind in registry.cross_kinds()
    ]
    return [
        {"kind": name, "label": label, "count": count, "current": name == search_request.kind,
         "url": _url(SearchRequest(q=search_request.q, kind=name), filters={})}
        for name, label, count in items
    ]  # fmt: skip


class ResultPages:
    """The search page's paging for {% pagination %}: Django's Page over the result count (at most MAX_PAGES
    pages), its links in the page's own URL form."""

    MAX_PAGES = 100

    def __init__(self, search_request, found):
        per_page = search_request.per_page
        paginator = Paginator(range(min(found.count, self.MAX_PAGES * per_page)), per_page)
        self.page_obj = paginator.get_page(search_request.page)
        self.search_request = search_request

    def page_url(self, number):
        return _url(self.search_request, page=number)


def pagination(search_request, found):
    return ResultPages(search_request, found) if found and found.pages > 1 else None


def no_results_help():
    """What the kinds offer someone the search found nothing for: tips (safe HTML) and popular links."""
    kinds = registry.cross_kinds()
    tips = [tip for tip in (kind.no_results_tip() for kind in kinds) if tip]
    popular = [found for found in (kind.popular(POPULAR_LINKS) for kind in kinds) if found]
    return {"kind_tips": tips, "popular": popular}


@require_safe
def search_page(request):
    search_request, errors = read_page(request)
    found = None
    if search_request.q and not any(error["parameter"] == "q" for error in errors):
        found = service.run(search_request, record_stats=True)
    context = {
        "q": search_request.q,
        "search_request": search_request,
        "found": found,
        "errors": errors,
        "tabs": tabs(search_request, found),
        "pagination": pagination(search_request, found),
        "results": (found.promoted + found.results) if found else [],
        "simplified": (found.backend if found else service.backend_mode()) == "database",
        "suggestion_url": _url(SearchRequest(q=found.suggestion)) if found and found.suggestion else "",
        "page_title": _("Search results for “%(q)s”") % {"q": search_request.q} if search_request.q else _("Search"),
    }
    if found and not found.count:
        context.update(no_results_help())
    if found and found.facets:
        context["facet_reset_url"] = _url(search_request, filters={})
    return render(request, "search/search_page.html", context, status=200)
