"""Searchable kinds register here (a kind knows how to rebuild and sync its index).

Each kind is an object with `name`, `rebuild()` and `sync()`; apps register theirs in AppConfig.ready().
"""

_KINDS = {}


def register(kind):
    _KINDS[kind.name] = kind
    return kind


def all_kinds():
    return list(_KINDS.values())
