"""Promoted results: editors choose a page or an address for whole queries (any word form, ё/е, case)."""

from django.db.models import Count, Max

from search import text
from search.models import PromotedResult
from search.results import Result

_cache = {"stamp": None, "by_query": {}}


def _key(query):
    return tuple(text.terms(query))


def _load():
    row = PromotedResult.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    stamp = (row["n"], row["changed"])
    if stamp != _cache["stamp"]:
        by_query = {}
        for promoted in PromotedResult.objects.select_related("page").order_by("sort_order", "pk"):
            for query in promoted.query_list():
                by_query.setdefault(_key(query), []).append(promoted.pk)
        _cache.update(stamp=stamp, by_query=by_query)
    return _cache["by_query"]


def for_query(parsed):
    """Results promoted for this query, live pages only, in the editors' order."""
    ids = _load().get(tuple(parsed.lemmas))
    if not ids:
        return []
    results = []
    for promoted in PromotedResult.objects.filter(pk__in=ids).select_related("page").order_by("sort_order", "pk"):
        if promoted.page_id:
            page = promoted.page
            if not page.live or page.get_view_restrictions().exists():
                continue
            url, title = page.get_url() or page.url_path, promoted.title or page.title
        else:
            url, title = promoted.link, promoted.title or promoted.link
        results.append(Result(kind="promoted", kind_label="", title=title, url=url, snippet="", promoted=True))
        results[-1].meta = [promoted.description] if promoted.description else []
    return results
