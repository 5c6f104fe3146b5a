"""The registry of searchable kinds. Content apps describe their objects here; search does the rest.

A kind is a subclass of `SearchKind`, registered from the app's `AppConfig.ready()`:

    from search.registry import SearchKind, register

    class ArticleKind(SearchKind):
        name = "articles"                  # alias <prefix>-articles, `kind` in the API
        label = _("Articles")              # the tab on /search/
        models = (ArticlePage,)
        def objects(self): ...             # everything public, ready for bulk indexing
        def entry(self, obj): ...          # -> search.documents.Entry (the shared document schema)

    register(ArticleKind())

Search then indexes the kind on rebuild, keeps it current on the publishing lifecycle (the kind's `models`:
published, unpublished, moved, deleted, privacy changed), mirrors it into the database fallback, searches it
from /search/ and /api/v1/search, and reports it in `search_index --status`.

A kind with its own document (e.g. the finder's location-level index) overrides `document` and `source()`,
and sets `cross_search = False` (not a tab of /search/) and `fallback = False` (it has its own fallback).
See docs/search.md for the whole interface.
"""

from dataclasses import dataclass

from django.db import models

from search.documents import EntryDocument, entry_source

_KINDS = {}


class SearchKind:
    name = ""
    label = ""
    models = ()
    cross_search = True  # a tab of /search/ and a value of `kind` in /api/v1/search
    fallback = True  # mirrored into search.models.SearchRecord for the database fallback
    facets = ()  # search.facets.FacetSpec, the filters /search/ offers for this kind
    order = 100  # tab order on /search/
    bulk_chunk = 500  # objects per database batch during a rebuild
    located = False  # objects have places and points: a place the query names, or `near`, ranks them
    working_first = False  # on its own tab, working objects before temporarily closed and closed ones (open_rank)

    # -- what to index --------------------------------------------------------------------------------
    def objects(self):
        """Every public object of the kind, as an iterable (a queryset with prefetching, ideally)."""
        raise NotImplementedError

    def key(self, obj):
        return str(obj.pk)

    def iterate(self):
        """Every public object for a rebuild, in order. `entry`/`source` must accept what this yields: a kind
        may yield light rows with the attributes they read instead of model instances (much cheaper at scale)."""
        queryset = self.objects()
        if isinstance(queryset, models.QuerySet):
            return queryset.iterator(chunk_size=self.bulk_chunk)
        return iter(queryset)

    def get_object(self, key):
        """The public object for `key`, or None when it should not be in the index (any more)."""
        queryset = self.objects()
        if isinstance(queryset, models.QuerySet):
            return queryset.filter(pk=key).first()
        return next((obj for obj in queryset if self.key(obj) == str(key)), None)

    def prepare_batch(self, objects):
        """Called with each batch before `entry`/`source` of its objects: load related rows in bulk here."""

    def entry(self, obj):
        """The object in the shared schema (search.documents.Entry)."""
        raise NotImplementedError

    def document(self):
        """The elasticsearch-dsl Document class whose mapping the kind's index uses."""
        return EntryDocument

    def source(self, obj):
        """The Elasticsearch `_source` of one object (the default derives it from `entry`)."""
        return entry_source(self.entry(obj), self.name)

    def versions(self):
        """{key: version} of every public object, cheaply (for drift detection); None to compare keys only."""
        return None

    # -- what a change affects ------------------------------------------------------------------------
    def handles(self, instance):
        return isinstance(instance, tuple(self.models)) if self.models else False

    def keys_for(self, instance):
        """Keys of this kind that a saved/deleted `instance` affects (default: the instance itself)."""
        return [self.key(instance)] if self.handles(instance) else []

    def keys_for_many(self, instances):
        """`keys_for` of many instances at once (an import's update); kinds that query per instance batch it."""
        return {key for instance in instances for key in self.keys_for(instance)}

    def indexed_keys(self, ids):
        """Keys the index still holds for the objects with these ids, beyond what `keys_for` finds in the
        database (e.g. parts removed since). Through `search.indexing.indexed_keys`, which asks once per batch."""
        return []

    # -- results ----------------------------------------------------------------------------------------
    def hydrate(self, keys):
        """{key: live public object} for the keys found by a search; missing keys are dropped from results."""
        queryset = self.objects()
        return {self.key(obj): obj for obj in queryset.filter(pk__in=list(keys))}

    def present(self, obj):
        """What a result shows besides title, URL and snippet: {"title", "url", "meta": [...], ...}."""
        return {"title": str(obj), "url": obj.url if hasattr(obj, "url") else obj.get_absolute_url(), "meta": []}

    def answer(self, parsed):
        """(object, snippet text) for the one live object the query asks for exactly, shown above the results as
        promoted, or None. `parsed` is the search.query.ParsedQuery (its lemmas and concepts)."""
        return None

    # -- a search that found nothing ----------------------------------------------------------------------
    def no_results_tip(self):
        """A sentence with a link (safe HTML) that may help someone /search/ found nothing for, or ""."""
        return ""

    def popular(self, limit):
        """Where to start reading instead: `Popular(heading, links)` with at most `limit` links (the kind's most
        used topics, say), or None."""
        return None

    def __repr__(self):
        return f"<SearchKind {self.name}>"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Popular:
    heading: str
    links: list


def register(kind):
    if not kind.name:
        raise ValueError("A search kind needs a name.")
    _KINDS[kind.name] = kind
    return kind


def get(name):
    return _KINDS[name]


def all_kinds():
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.name))


def cross_kinds():
    """The kinds /search/ and /api/v1/search search across, in tab order."""
    return [kind for kind in all_kinds() if kind.cross_search]


def located_names():
    """Names of the cross-search kinds whose objects are at places (a place in the query or `near` ranks them)."""
    return [kind.name for kind in cross_kinds() if kind.located]


def kinds_for(instance):
    return [kind for kind in all_kinds() if kind.handles(instance)]
