"""One pagination for every list: `{% pagination page_obj %}` on Django's elided page range.

`page_obj` is a Django `Page`. Links keep the request's query string with `page` changed (dropped for the first
page, so it has one address) unless `url_for` is given: an object whose `page_url(number)` builds the list's own
canonical address (the library's filters, the search page's state). `drop` names parameters that must not survive
into the links (the finder's `fragment`); `link_attribute` adds a bare attribute to each link for scripts.
"""

from django import template
from django.core.paginator import Paginator
from django.utils.translation import gettext as _

register = template.Library()


def query_page_url(request, number, drop=()):
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    query.pop("page", None)
    if number > 1:
        query["page"] = number
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj, url_for=None, drop="", label="", link_attribute=""):
    if page_obj is None or page_obj.paginator.num_pages <= 1:
        return {"items": None}
    dropped = [name for name in drop.split(",") if name]

    def url(number):
        return url_for.page_url(number) if url_for is not None else query_page_url(context["request"], number, dropped)

    items = []
    for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"gap": True})
        else:
            items.append({"number": number, "current": number == page_obj.number, "url": url(number)})
    return {
        "items": items,
        "label": label or _("Pages of results"),
        "previous": url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next": url(page_obj.next_page_number()) if page_obj.has_next() else "",
        "link_attribute": link_attribute,
    }
