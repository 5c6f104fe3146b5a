"""The publishing lifecycle → search: every change to an object of a registered kind schedules its update.

Pages: published, unpublished, moved (the page and its descendants change URL), deleted, privacy changed
(a view restriction added or removed affects the page and its descendants). Snippets and models (providers):
saved (publish and unpublish save the object), published, unpublished, deleted. Kinds decide which keys a
change affects (`SearchKind.keys_for`), so e.g. a replaced caption file re-indexes the pages that use it.
"""

from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from search import indexing, registry
from search.fallback import store


def changed(instance):
    """Schedule the search update of everything `instance` affects (safe to call from any code)."""
    if indexing.is_paused():  # a bulk load schedules its own update: working out the keys would be wasted
        return
    if isinstance(instance, Page) and type(instance) is Page:
        instance = instance.specific_deferred
    for kind in registry.kinds_for(instance):
        keys = kind.keys_for(instance)
        if keys:
            indexing.schedule(kind, keys)


def changed_with_descendants(page):
    if indexing.is_paused():
        return
    changed(page)
    for descendant in Page.objects.descendant_of(page).specific():
        changed(descendant)


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(instance)


def _on_delete(sender, instance, **kwargs):
    changed(instance)


def _on_publish(sender, instance, **kwargs):
    changed(instance)


def _on_move(sender, instance, **kwargs):
    changed_with_descendants(instance)


def _on_restriction(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:
        return
    changed_with_descendants(page.specific)


def _after_migrate(sender, using, **kwargs):
    """A site upgraded from the fallback's tsvector gets the postings of the records it has."""
    if using == "default":
        store.ensure_postings()


def connect(app_config):
    post_migrate.connect(_after_migrate, sender=app_config, dispatch_uid="search.after_migrate")
    post_save.connect(_on_save, dispatch_uid="search.on_save")
    post_delete.connect(_on_delete, dispatch_uid="search.on_delete")
    page_published.connect(_on_publish, dispatch_uid="search.page_published")
    page_unpublished.connect(_on_publish, dispatch_uid="search.page_unpublished")
    published.connect(_on_publish, dispatch_uid="search.published")
    unpublished.connect(_on_publish, dispatch_uid="search.unpublished")
    post_page_move.connect(_on_move, dispatch_uid="search.page_moved")
    post_save.connect(_on_restriction, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(_on_restriction, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
