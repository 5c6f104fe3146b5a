"""The ranking rules both backends follow: Elasticsearch's query (search/es_query.py, search/es_backend.py) and
the database fallback's scoring in Python (search/fallback/scoring.py) read their figures from here.

- fields weigh search.documents.WEIGHTS (title 8, name 5, tags 4, place 3, body 1) and a transcript cue 0.5;
- a typo correction counts ×0.7 and a synonym ×0.9 of the word typed;
- each concept found in the title adds TITLE_BONUS;
- a query that says an object's name exactly (search.documents.name_keys) multiplies its score by EXACT_NAME;
- objects of `located` kinds in the place the query names ×IN_PLACE, and ×NAMED_AFTER_PLACE more when their
  name or description says the place or a word made from it («КЦСОН Тогучинского района» for «в Тогучине»):
  the place's own service; temporarily closed ×0.5, closed ×0.3 (CLOSED).
"""

CUE_WEIGHT = 0.5
CORRECTION_WEIGHT = 0.7
SYNONYM_WEIGHT = 0.9
TITLE_BONUS = 10.0
EXACT_NAME = 4.0
IN_PLACE = 6.0
NAMED_AFTER_PLACE = 3.0
OWN_WORDS = ("title", "name", "body")  # the fields in which an object says a place itself
CLOSED = {1: 0.5, 2: 0.3}
DECAY = {"offset_km": 3.0, "scale_km": 40.0, "decay": 0.5}  # distance from the place or point (gauss)
MIN_PREFIX = 4  # a place word shorter than this must be said whole in a name (no «уфа» → «уфимский»)
VOWELS = "аеиоуыэюя"


def place_stem(place_terms):
    """The place's last word as a name may begin a word made from it, or None when it must be said whole:
    «тогучин» (→ «тогучинский»), «черепанов» for «черепаново» (→ «черепановский»)."""
    word = place_terms[-1]
    if len(word) < MIN_PREFIX:
        return None
    return word[:-1] if word[-1] in VOWELS and len(word) > MIN_PREFIX else word


def named_after(place_terms, name_terms):
    """True when lemmas `name_terms` (a list) say the place: its words in order, the last one maybe longer."""
    n, stem = len(place_terms), place_stem(place_terms)
    for start in range(len(name_terms) - n + 1):
        window = name_terms[start : start + n]
        if list(window[:-1]) == list(place_terms[:-1]) and (
            window[-1].startswith(stem) if stem else window[-1] == place_terms[-1]
        ):
            return True
    return False
