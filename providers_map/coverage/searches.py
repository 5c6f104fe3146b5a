"""Searches without results per region, from the search report (folded query text and daily counts only).

The report stores no place of the searcher, so the region is read from the query's own words: a query that names
a locality or a federal subject of exactly one region («логопед бердск», «ранняя помощь в новосибирской области»)
counts for that region; a query that names none, or places in several regions, counts nationally as «region
unknown». Only whole words and their inflected forms count (no prefixes), through the gazetteer's own matching.
"""

import datetime as dt
from functools import lru_cache

from providers_map.gazetteer.phrases import suggest_localities, suggest_regions
from search.stats import zero_result_queries

PERIOD_DAYS = 365
MAX_WORDS = 3  # place names of up to three words («нижний новгород», «ханты мансийский автономный» is cut)
MIN_CHARS = 3
WHOLE_WORD_RANKS = (0, 1, 2)  # gazetteer.phrases: the name, another spelling, an inflected form


def phrases(query):
    words = query.split()
    for size in range(min(MAX_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            text = " ".join(words[start : start + size])
            if len(text) >= MIN_CHARS:
                yield text


@lru_cache(maxsize=50_000)
def region_named(query):
    """The one region code a query's words name, or None."""
    subjects, localities = set(), set()
    for text in phrases(query):
        subjects.update(item["region_code"] for item in suggest_regions(text) if item["rank"] == 0)
        localities.update(
            item["region_code"] for item in suggest_localities(text, limit=20) if item["rank"] in WHOLE_WORD_RANKS
        )
    for found in (subjects, localities):
        if len(found) == 1:
            return next(iter(found))
        if found:
            return None
    return None


def by_region(today):
    """({region code: zero-result searches in the last year}, zero-result searches no region could be read from)."""
    counts, unknown = {}, 0
    for query, searches in zero_result_queries(today - dt.timedelta(days=PERIOD_DAYS - 1)):
        code = region_named(query)
        if code is None:
            unknown += searches
        else:
            counts[code] = counts.get(code, 0) + searches
    return counts, unknown
