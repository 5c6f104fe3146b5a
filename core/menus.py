"""The site's menu pages (the home page's children marked «show in menus»), shared by every page's header and
footer through the cache: without it each page view ran the same tree and privacy queries.

Any change that could alter a menu (a page saved, published, unpublished, moved or deleted, a privacy setting,
a site) forgets the cached lists; the expiry bounds staleness where processes do not share a cache.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_KEY = "portal:menu-pages"
CACHE_SECONDS = 300


def menu_pages(request):
    """Live, public menu pages of the request's site, in tree order; computed once per request at most."""
    if request is None:
        return []
    cached = getattr(request, "_portal_menu_pages", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    pages = []
    if site is not None:
        by_root = cache.get(CACHE_KEY) or {}
        pages = by_root.get(site.root_page_id)
        if pages is None:
            pages = list(Page.objects.child_of(site.root_page).live().public().in_menu())
            cache.set(CACHE_KEY, {**by_root, site.root_page_id: pages}, CACHE_SECONDS)
    request._portal_menu_pages = pages
    return pages


def forget(sender=None, instance=None, **kwargs):
    if instance is None or isinstance(instance, (Page, PageViewRestriction, Site)):
        cache.delete(CACHE_KEY)


def connect():
    signals = {
        "saved": post_save,
        "deleted": post_delete,
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
    }
    for name, signal in signals.items():
        signal.connect(forget, dispatch_uid=f"core.menus.forget_when_{name}")
