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
    age: bool = False  # a child's age («в 2 года», «10 месяцев»), one phrase: ranks, never required alone

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
    name_key: str = ""  # the lemmas as typed, typos corrected: a name said exactly (search.documents.name_keys)
    age_months: int | None = None  # the child's age the query names («не говорит в 2 года» → 24), if any

    def __bool__(self):
        return bool(self.concepts)

    @property
    def folded(self):
        return text.fold(self.text)

    def required(self, place_optional=True):
        """Concepts a document must match: known words; place words only when nothing else was asked."""
        known = [c for c in self.concepts if c.known]
        topical = [c for c in known if not c.age] or known  # «не говорит в 2 года»: the age only ranks
        others = [c for c in topical if c.place is None]
        if place_optional and others:
            return others
        return topical

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
    known = vocabulary.terms()
    if known and groups:
        known = {**{term: 1 for group in groups for phrase in group for term in phrase}, **known}
    # typos first, so a corrected word also brings its synonyms («аутизьм» -> «аутизм» -> «РАС»)
    corrections, unknown = {}, set()
    for i, (folded, lemma, forms) in enumerate(words):
        if known and not any(form in known for form in forms):
            correction = _correct(folded, lemma, known) if use_typos else ""
            if correction:
                corrections[i] = correction
            else:
                unknown.add(i)
    forms_per_word = [forms | ({corrections[i]} if i in corrections else set()) for i, (*_x, forms) in enumerate(words)]
    spans = {start: (end, group) for start, end, group in text.expand_synonyms(forms_per_word, groups)}
    places = _places(words, text.after_place_preposition(query, limit=MAX_WORDS))
    ages = _ages(words)
    if ages:
        number, unit = ages[min(ages)]  # the first age named
        parsed.age_months = round(_age_number(number) * AGE_UNITS[unit])
    i = 0
    while i < len(words):
        if i in ages and not any(j in spans for j in (i, i + 1)):
            # «в 2 года», «10 месяцев»: one concept, the number next to its unit (a «№ 2» or «д. 2» is no age)
            parsed.concepts.append(Concept(f"{words[i][0]} {words[i + 1][0]}", [ages[i]], age=True))
            i += 2
            continue
        if i in spans:
            end, group = spans[i]
            own = tuple(lemma for _folded, lemma, _forms in words[i:end])
            alternatives = [own] + [phrase for phrase in group if phrase != own]
            word = " ".join(folded for folded, _lemma, _forms in words[i:end])
            fixed = " ".join(corrections.get(j, "") for j in range(i, end)).strip()
            concept = Concept(word, alternatives, synonym=True, corrected=fixed if end - i == 1 else "")
            parsed.concepts.append(concept)
            i = end
            continue
        folded, lemma, forms = words[i]
        alternatives = [(lemma,)] + [(form,) for form in sorted(forms - {lemma})]
        concept = Concept(folded, alternatives, place=places.get(i))
        if i in corrections:
            concept.alternatives.append((corrections[i],))
            concept.corrected = corrections[i]
        elif i in unknown:
            relatives = text.prefix_words(folded, vocabulary.sorted_terms(), known) if use_typos else []
            concept.alternatives += [(word,) for word in relatives]
            concept.known = bool(relatives) or concept.place is not None
        parsed.concepts.append(concept)
        i += 1
    parsed.places = [c.place for c in parsed.concepts if c.place]
    parsed.name_key = " ".join(corrections.get(i, lemma) for i, (_folded, lemma, _forms) in enumerate(words))
    if corrections:
        parsed.suggestion = _suggestion(query, {words[i][0]: fix for i, fix in corrections.items()})
    return parsed


# A child's age: a number of up to three digits (a «2026 год» is a year), then its unit; the lemmas of «2,5 года» and
# «полтора года» are «2.5» and «1.5» «год».
AGE_UNITS = {"год": 12, "месяц": 1, "мес": 1, "неделя": 12 / 52}
_AGE_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")


def _age_number(lemma):
    return float(lemma.replace(",", ".")) if _AGE_NUMBER.fullmatch(lemma) else None


def _ages(words):
    """{position of a number: (number, unit)} for a number followed by its unit («2 года», «10 месяцев»,
    «полтора года»): a child's age, not a topic."""
    found = {}
    for i in range(len(words) - 1):
        if _age_number(words[i][1]) is not None and words[i + 1][1] in AGE_UNITS and i - 1 not in found:
            found[i] = (words[i][1], words[i + 1][1])
    return found


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


def _suggestion(query, fixes):
    out = []
    for original, folded in text.raw_words(query):
        out.append(fixes.get(folded, original))
    return " ".join(out)


def _places(words, after_preposition):
    """{word index: Place} from the kinds that know places (the registry's localities)."""
    found = {}
    for kind in registry.all_kinds():
        finder = getattr(kind, "find_places", None)
        if finder:
            for index, place in finder(words, after_preposition).items():
                found.setdefault(index, place)
    return found
