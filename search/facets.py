"""Facets of /search/ and /api/v1/search: which filters a kind offers and how their values are labelled."""

import re
from dataclasses import dataclass

VALUE_RE = re.compile(r"[-a-z0-9_]{1,100}")


@dataclass(frozen=True)
class FacetSpec:
    key: str  # one of search.documents.FACET_KEYS, and the GET parameter
    label: str
