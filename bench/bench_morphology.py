"""Russian morphology for search: pymorphy3 lemmas in Python vs Elasticsearch's `hunspell` token filter.

    DATABASE_URL=… .venv/bin/python bench/bench_morphology.py --es-url http://127.0.0.1:59750

Needs an Elasticsearch node whose config directory holds a Russian Hunspell dictionary under
`hunspell/ru_RU/` (Debian's hunspell-ru: /usr/share/hunspell/ru_RU.aff and .dic) and the demo content in the
database. Both variants index the same documents into indices of their own (`morph-a-…`, `morph-b-…`) and run
the golden set (tests/search/golden_set.py) through the same query builder (search/es_query.py):

- A, pymorphy3: the portal's design — text fields hold search.text.terms() (lemmas, numbers as digits), the
  `whitespace` analyzer;
- B, hunspell: text fields hold the folded text (ё→е in Python: the core has no char filters), analysed by
  standard tokenizer → lowercase → Russian stop words → hunspell ru_RU; query words are analysed the same way.

Each is measured on morphology alone (no synonyms, no typo correction) and with the whole pipeline (the
editors' synonym groups and typo correction, done in Python for both). Prints top-3 shares and the misses.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

HUNSPELL_ANALYSIS = {
    "filter": {
        "ru_stop": {"type": "stop", "stopwords": "_russian_"},
        "ru_hunspell": {"type": "hunspell", "locale": "ru_RU", "dedup": True},
    },
    "analyzer": {"ru": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "ru_stop", "ru_hunspell"]}},
}


def hunspell_body(document_class):
    from search.documents import index_body

    body = index_body(document_class)
    body["settings"]["analysis"] = {**body["settings"]["analysis"], **HUNSPELL_ANALYSIS}

    def swap(properties):
        for spec in properties.values():
            if spec.get("analyzer") == "whitespace":
                spec["analyzer"] = "ru"
            if "properties" in spec:
                swap(spec["properties"])

    swap(body["mappings"]["properties"])
    return body


def build_hunspell_indices(client):
    from elasticsearch import helpers

    from search import registry, text
    from search.client import index_name
    from search.documents import FIELDS, entry_source

    for kind in registry.cross_kinds():
        alias = index_name(kind.name)
        for name in client.indices.get(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True):
            client.indices.delete(index=name)
        client.indices.create(index=alias, **hunspell_body(kind.document()))
        actions = []
        for obj in kind.objects():
            entry = kind.entry(obj)
            source = entry_source(entry, kind.name)
            for name in FIELDS:
                source[f"{name}_terms"] = text.fold(entry.texts.get(name, ""))
            for cue in source["cues"]:
                cue["terms"] = text.fold(cue["text"])
            actions.append({"_index": alias, "_id": kind.key(obj), "_source": source})
        helpers.bulk(client, actions)
        client.indices.refresh(index=alias)


def surface_groups():
    """{lemma phrase: surface phrase} of the editors' synonym groups (for the hunspell variant)."""
    import re

    from search import text
    from search.models import SynonymGroup

    mapping = {}
    for terms in SynonymGroup.objects.values_list("terms", flat=True):
        for part in re.split(r"[,;\n]+", terms):
            lemmas = tuple(text.terms(part))
            surface = tuple(w for w in text.words(part) if not text.is_stop(w, text.lemma(w)))
            if lemmas and surface:
                mapping.setdefault(lemmas, surface)
    return mapping


def to_surface(parsed, groups):
    """The same concepts, with the words as typed (folded) instead of lemmas: hunspell stems them in ES."""
    from search import text

    words = {lemma: folded for folded, lemma, _forms in text.query_words(parsed.text)}
    for concept in parsed.concepts:
        surface = []
        for phrase in concept.alternatives:
            if len(phrase) == 1 and phrase[0] in words:
                surface.append((words[phrase[0]],))
            else:
                surface.append(groups.get(phrase, phrase))
        concept.alternatives = list(dict.fromkeys(surface))
    parsed.lemmas = [words.get(lemma, lemma) for lemma in parsed.lemmas]
    return parsed


def evaluate(variant, full, groups):
    from search import es_backend
    from search.query import parse
    from search.results import SearchRequest
    from search.service import hydrate
    from tests.search.golden_set import evaluate as golden

    def urls(query):
        parsed = parse(query, use_synonyms=full, use_typos=full)
        if variant == "hunspell":
            parsed = to_surface(parsed, groups)
        raw = es_backend.search(parsed, SearchRequest(q=query))
        return [result.url for result in hydrate(raw.hits, parsed)]

    return golden(urls)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--es-url", required=True, help="a node with hunspell/ru_RU in its config directory")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    from search import indexing, registry
    from search.client import get_client

    settings.ELASTICSEARCH_URL = args.es_url
    settings.SEARCH_QUERY_TIMEOUT = 60  # the first hunspell query loads the dictionary
    groups = surface_groups()
    results = {}
    for variant, prefix in (("pymorphy3", "morph-a"), ("hunspell", "morph-b")):
        settings.SEARCH_INDEX_PREFIX = prefix
        if variant == "pymorphy3":
            for kind in registry.cross_kinds():
                indexing.rebuild(kind, use_fallback=False)
        else:
            build_hunspell_indices(get_client())
        for full in (False, True):
            results[(variant, full)] = evaluate(variant, full, groups)

    print("golden top-3 (tests/search/golden_set.py) on", args.es_url)
    print(f"  {'morphology':<12} {'alone':>8} {'+ synonyms, typos':>18}")
    for variant in ("pymorphy3", "hunspell"):
        alone, full = results[(variant, False)][0], results[(variant, True)][0]
        print(f"  {variant:<12} {alone:>8.1%} {full:>18.1%}")
    for (variant, full), (_score, misses) in results.items():
        print(f"\n{variant}, {'whole pipeline' if full else 'morphology alone'}: {len(misses)} misses")
        for query, expected, got in misses:
            print(f"  {query!r}: expected {expected[0]}, got {got[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
