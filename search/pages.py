"""A base for kinds made of Wagtail pages: live, public pages of some types, with their URLs and cues."""

from django.utils import translation

from wagtail.fields import StreamField
from wagtail.models import Page

from search.documents import Cue
from search.registry import SearchKind


def field_text(page, name):
    """Plain searchable text of a page field (StreamField blocks and rich text included)."""
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        return "\n".join(str(part) for part in field.get_searchable_content(value) if part)
    return str(value or "")


def page_cues(page):
    """The transcript cues stored for a page's videos (materials.TranscriptCue, via the reverse relation)."""
    cues = getattr(page, "transcript_cues", None)
    if cues is None:
        return []
    return [Cue(start=cue.start, text=cue.text) for cue in cues.all()]


class PageKind(SearchKind):
    """Kinds of live, public pages; subclasses list `models` and build `entry` with the helpers here."""

    prefetch = ()

    def objects(self):
        querysets = [
            model.objects.live()
            .public()
            .prefetch_related("transcript_cues", *[p for p in self.prefetch if hasattr(model, p.split("__")[0])])
            .order_by("pk")
            for model in self.models
        ]
        return _Chain(querysets)

    def get_object(self, key):
        for model in self.models:
            page = model.objects.live().public().filter(pk=key).first()
            if page is not None:
                return page
        return None

    def hydrate(self, keys):
        keys = [int(k) for k in keys if str(k).isdigit()]
        pages = Page.objects.live().public().filter(pk__in=keys).specific()
        return {str(page.pk): page for page in pages if isinstance(page, tuple(self.models))}

    def handles(self, instance):
        return isinstance(instance, tuple(self.models))

    def versions(self):
        versions = {}
        for model in self.models:
            rows = model.objects.live().public().values_list("pk", "last_published_at", "url_path")
            versions.update({str(pk): page_version(published, path) for pk, published, path in rows})
        return versions

    def url(self, page):
        return page.get_url() or page.url_path

    def present(self, page):
        return {"title": page.title, "url": self.url(page), "meta": []}

    def entry(self, page):
        with translation.override("ru"):
            return self.build_entry(page)

    def build_entry(self, page):
        raise NotImplementedError


def page_version(published, url_path):
    return f"{published.isoformat() if published else ''}|{url_path}"


class _Chain:
    """Several page querysets as one iterable with count() (a rebuild walks them in turn)."""

    def __init__(self, querysets):
        self.querysets = querysets

    def __iter__(self):
        for queryset in self.querysets:
            yield from queryset.iterator(chunk_size=200)

    def count(self):
        return sum(queryset.count() for queryset in self.querysets)
