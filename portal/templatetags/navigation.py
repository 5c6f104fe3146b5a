from django import template

from wagtail.models import Page, Site

register = template.Library()


def _menu_pages(request):
    """Children of the site's home page marked 'show in menus' — one query, cached per request."""
    cached = getattr(request, "_portal_menu_pages", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    pages = []
    if site is not None:
        pages = list(Page.objects.child_of(site.root_page).live().public().in_menu())
    if request is not None:
        request._portal_menu_pages = pages
    return pages


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    current_path = getattr(context.get("page"), "path", "")
    items = [(page, bool(current_path) and current_path.startswith(page.path)) for page in _menu_pages(request)]
    return {"menu_items": items, "request": request}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    request = context.get("request")
    return {"menu_pages": _menu_pages(request), "request": request}
