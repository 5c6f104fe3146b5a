"""A search query understood once, for every backend: words → concepts with their alternatives.

    parse("логапед в Бердске")  ->  ParsedQuery(
        concepts=[Concept("логапед", alternatives=[("логапед",), ("логопед",), ("нарушение", "речь"), ...],
                          corrected="логопед"),
                  Concept("бердске", alternatives=[("бердск",), ("бердске",)], place=Place("Бердск", 54.75, 83.1))],
        suggestion="логопед в Бердске")

A concept is one word of the query (or a phrase that a synonym group names) and every way a document may
contain it: its lemma, its folded spelling, the group's other phrases, the closest known words when the word
is not in the indexed vocabulary (a typo). Elasticsearch (search/es_query.py) and the database fallback
(search/fallback/) build their queries from the same concepts, so both understand a query alike.
"""

import re
from dataclasses import dataclass, field

from search import registry, synonyms, text, vocabulary

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    terms: tuple  # the lemmas a place field contains for it, e.g. ("бердск",)


@dataclass
class Concept:
    word: str  # what was typed (folded), e.g. "аутизма" or "расстройство аутистического спектра"
    alternatives: list  # tuples of lemmas; the typed word's own forms first
    corrected: str = ""  # the known word used for a typo, e.g. "логопед"
    place: Place | None = None
    synonym: bool = False
    known: bool = True  # False: no indexed document contains it (nor a correction)

    @property
    def optional(self):
        return not self.known


@dataclass
class ParsedQuery:
    text: str
    concepts: list = field(default_factory=list)
    lemmas: list = field(default_factory=list)  # the query's own lemmas, in order (phrase matching)
    suggestion: str = ""
    places: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.concepts)

    @property
    def folded(self):
        return text.fold(self.text)

    def required(self, place_optional=True):
        """Concepts a document must match: known words; place words only when nothing else was asked."""
        known = [c for c in self.concepts if c.known]
        others = [c for c in known if c.place is None]
        if place_optional and others:
            return others
        return known

    def minimum_match(self, required=None):
        """How many required concepts a document needs: all of one or two, all but one of three or more."""
        n = len(self.required() if required is None else required)
        return n if n <= 2 else n - 1

    @property
    def phrase(self):
        return " ".join(self.lemmas)


def clean_query(value):
    """The query as searched: control characters removed, spaces collapsed, at most MAX_QUERY_LENGTH."""
    value = re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", str(value or ""))
    return " ".join(value.split())[:MAX_QUERY_LENGTH]


def parse(query, use_synonyms=True, use_typos=True):
    query = clean_query(query)
    words = text.query_words(query, limit=MAX_WORDS)
    parsed = ParsedQuery(text=query, lemmas=[lemma for _folded, lemma, _forms in words])
    if not words:
        return parsed
    groups = synonyms.groups() if use_synonyms else []
    spans = {start: (end, group) for start, end, group in text.expand_synonyms([f for *_x, f in words], groups)}
    known = vocabulary.terms()
    places = _places(words)
    i = 0
    while i < len(words):
        if i in spans:
            end, group = spans[i]
            own = tuple(lemma for _folded, lemma, _forms in words[i:end])
            alternatives = [own] + [phrase for phrase in group if phrase != own]
            word = " ".join(folded for folded, _lemma, _forms in words[i:end])
            parsed.concepts.append(Concept(word, alternatives, synonym=True, known=_any_known(alternatives, known)))
            i = end
            continue
        folded, lemma, forms = words[i]
        alternatives = [(lemma,)] + [(form,) for form in sorted(forms - {lemma})]
        concept = Concept(folded, alternatives, place=places.get(i))
        if not _any_known(alternatives, known) and known:
            correction = _correct(folded, lemma, known)
            if correction:
                concept.alternatives.append((correction,))
                concept.corrected = correction
            else:
                concept.known = concept.place is not None
        parsed.concepts.append(concept)
        i += 1
    parsed.places = [c.place for c in parsed.concepts if c.place]
    if any(c.corrected for c in parsed.concepts):
        parsed.suggestion = _suggestion(query, parsed.concepts)
    return parsed


def _any_known(alternatives, known):
    if not known:
        return True
    return any(all(term in known for term in phrase) for phrase in alternatives)


def _correct(folded, lemma, known):
    for word in dict.fromkeys((lemma, folded)):
        hits = text.closest_words(word, known, limit=1)
        if hits:
            return hits[0]
    return ""


def _suggestion(query, concepts):
    fixes = {c.word: c.corrected for c in concepts if c.corrected}
    out = []
    for original, folded in text.raw_words(query):
        out.append(fixes.get(folded, original))
    return " ".join(out)


def _places(words):
    """{word index: Place} from the kinds that know places (the registry's localities)."""
    found = {}
    for kind in registry.all_kinds():
        finder = getattr(kind, "find_places", None)
        if finder:
            for index, place in finder(words).items():
                found.setdefault(index, place)
    return found
