"""The registry as Open Referral HSDS 3.0: model → HSDS mapping (used by /api/hsds/ and the tabular export).

Interface (stable; other modules build on it):

- `Mapper(base_url="", vocabulary=None, api_base="")`: `.organisation(org)` → `Bundle`, the flat HSDS records
  (dicts) of one published organisation by table name (`TABLES`), foreign keys included.
- `Vocabulary(api_base="")`: our taxonomies as HSDS `taxonomy` / `taxonomy_term` records (`.taxonomies()`,
  `.terms(key=None)`, `.term(key, code)`, `.lookup(term_id)` → (key, code)).
- `registry_records(base_url="", organisations=None)`: every record of the published registry as
  (table, record) pairs: the vocabulary tables first, then each organisation's tables — what a tabular data
  package (one CSV per table) is written from.
- `Nester(vocabulary)`: the same records nested as the HSDS API objects (list and full forms).
- `public_organisations()`: the queryset HSDS publishes (live entries, prefetched).
- `ids`: identifier derivation; `decoding`: the inverse of our encodings, for importers.
"""

from .ids import NAMESPACE
from .mapping import TABLES, VOCABULARY_TABLES, Bundle, Mapper
from .nesting import Nester
from .queries import CHUNK, public_organisations
from .vocabulary import TAXONOMIES, Vocabulary

__all__ = [
    "NAMESPACE",
    "TABLES",
    "TAXONOMIES",
    "VOCABULARY_TABLES",
    "Bundle",
    "Mapper",
    "Nester",
    "Vocabulary",
    "public_organisations",
    "registry_records",
]


def registry_records(base_url="", organisations=None, api_base=""):
    """Yield (table, record) for the whole published registry (or the given organisations queryset)."""
    vocabulary = Vocabulary(api_base=api_base)
    for record in vocabulary.taxonomies():
        yield "taxonomy", record
    for record in vocabulary.terms():
        yield "taxonomy_term", record
    mapper = Mapper(base_url, vocabulary=vocabulary)
    queryset = public_organisations().order_by("name", "pk") if organisations is None else organisations
    for organisation in queryset.iterator(chunk_size=CHUNK):
        bundle = mapper.organisation(organisation)
        for table in TABLES:
            for record in bundle.tables[table]:
                yield table, record
