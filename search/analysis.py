"""Russian text analysis done in Python, so index settings stay within Elasticsearch's core analysis.

The minimal Elasticsearch distribution (and many managed clusters) lacks the `russian` stemmer and
char filters. We normalise ё→е and reduce every word to its dictionary form (lemma) with pymorphy3
before indexing and before querying; Elasticsearch then matches lemmas with its `standard` tokenizer.
"""

import functools
import re

WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:-[0-9A-Za-zА-Яа-яЁё]+)*")


def normalise(text):
    return (text or "").lower().replace("ё", "е")


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=200_000)
def lemma(word):
    word = normalise(word)
    if not re.search("[а-я]", word):
        return word
    return normalise(_morph().parse(word)[0].normal_form)


def lemmatise(text):
    """'Помощь детям в Новосибирске' -> 'помощь ребенок в новосибирск'."""
    return " ".join(lemma(w) for w in WORD_RE.findall(text or ""))


# Shared index analysis: core-only components, so tests and a full production cluster run the same.
INDEX_ANALYSIS = {
    "filter": {"russian_stop": {"type": "stop", "stopwords": "_russian_"}},
    "analyzer": {
        "ru_lemmas": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "russian_stop"]},
    },
    "normalizer": {"lower": {"type": "custom", "filter": ["lowercase"]}},
}
