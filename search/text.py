"""The one place where the portal normalises Russian text: indexing, querying, the database fallback and every
app that compares words (registry filters, imports, the gazetteer) use these functions.

    fold("Ёлочка — ЦЕНТР")        -> "елочка - центр"      case folding, ё→е, one kind of dash, NFKC
    words("Санкт-Петербург, 2-3") -> ["санкт", "петербург", "2", "3"]
    lemma("детям")                -> "ребенок"             pymorphy3 dictionary form, folded
    lemma("двум") / lemma("второй") -> "2"                 numbers as digits, whether written as digits or words
    lemma("РАС")  (in a text)     -> "рас"                 all-capital abbreviations are kept, not lemmatised
    terms("Помощь детям в 2 года") -> ["помощь", "ребенок", "2", "год"]   lemmas without stop words

`terms` is what the search indices and the fallback table store; a query goes through the same function, so
«в 2 года» and «к двум годам» both become ["2", "год"]. Morphology is pymorphy3 in Python rather than an
Elasticsearch plugin (see docs/search.md for the measurement against the hunspell filter).

Pure functions only (no database): synonym groups and the typo vocabulary are loaded elsewhere
(search/synonyms.py, search/vocabulary.py) and passed to `expand_synonyms` / `closest_words`.
"""

import bisect
import functools
import re
import unicodedata

import pymorphy3
from rapidfuzz import process
from rapidfuzz.distance import OSA

# ---------------------------------------------------------------------------------------------- folding

_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_SPACES = re.compile(r"\s+")


def fold(text):
    """Case-folded, ё→е, NFKC, one kind of dash, no invisible characters, single spaces."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = _INVISIBLE.sub("", text)
    text = _DASHES.sub("-", text).casefold().replace("ё", "е")
    return _SPACES.sub(" ", text).strip()


def fold_yo(text):
    """Only ё→е (keeps the case): for showing or storing text that should compare equal either way."""
    return str(text or "").replace("ё", "е").replace("Ё", "Е")


# ---------------------------------------------------------------------------------------------- tokens

# A word is a run of letters or of digits; a decimal number keeps its separator ("1,5" -> "1.5").
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")
_CAPS_RE = re.compile(r"[A-ZА-ЯЁ]{2,7}")


def raw_words(text):
    """(original word, folded word) pairs in order; hyphenated compounds are split into their parts."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    text = _INVISIBLE.sub("", text)
    return [(m.group(0), _fold_token(m.group(0))) for m in _TOKEN_RE.finditer(text)]


@functools.lru_cache(maxsize=300_000)
def _fold_token(token):
    # a token has no spaces or dashes (see _TOKEN_RE), so folding it is case folding and ё→е
    return token.casefold().replace("ё", "е").replace(",", ".")


def words(text):
    """Folded words: «Санкт-Петербург» -> ["санкт", "петербург"]."""
    return [folded for _original, folded in raw_words(text)]


# ----------------------------------------------------------------------------------------------- numbers

_CARDINALS = {
    "ноль": 0, "нуль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6,
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7,
    "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "полтора": 1.5,
}  # fmt: skip


def number_word(word):
    """'2' for «два», «двум», «второй»; None for other words."""
    value = _CARDINALS.get(word)
    return None if value is None else str(value)


# -------------------------------------------------------------------------------------------- stop words

# Function words that carry no meaning for search (compared with the lemma and with the folded word).
STOP_WORDS = frozenset(
    """
    а без более бы был быть в вам вас весь во вот все всего всех вы где да даже для до его ее если есть еще же
    за здесь и из или им их к как ко когда кто ли либо между меня мне мной мы на над надо наш не него нее нет
    ни них но ну о об обо он она они оно от перед по под при про с свой себя со так также такой там тем то
    тогда того тоже той только том тот ту тут у уж уже чем через что чтобы чей эта эти это этот я который
    какой каждый ваш мой твой наш их ей ему нему нам нас ним ними ней ею вся всё
    делать сделать можно нужно почему зачем куда очень
    """.replace("ё", "е").split()
)

ABBREVIATIONS = {"мес": "месяц", "тел": "телефон", "обл": "область"}

# -------------------------------------------------------------------------------------------------- lemmas


@functools.cache
def _morph():
    return pymorphy3.MorphAnalyzer()  # loads its dictionaries (about 0.25 s): once, on first use


@functools.lru_cache(maxsize=300_000)
def lemma(word):
    """Dictionary form of one folded word, folded; numbers become digits; non-Cyrillic words stay as they are."""
    if not word:
        return word
    if word[0].isdigit():
        return word
    if not re.search("[а-я]", word):
        return word
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    normal = _morph().parse(word)[0].normal_form.replace("ё", "е")
    return number_word(normal) or normal


_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


@functools.lru_cache(maxsize=50_000)
def dictionary_forms(word, limit=4):
    """The possible dictionary forms of a folded Cyrillic word, most probable first, folded; () for other words.

    `lemma` takes the first; a place name may be any of them («челнах» → «челн», «челна»).
    """
    if not _CYRILLIC_WORD.fullmatch(word):
        return ()  # pymorphy3 fails on characters Unicode has no name for
    return tuple(dict.fromkeys(parse.normal_form.replace("ё", "е") for parse in _morph().parse(word)[:limit]))


@functools.lru_cache(maxsize=50_000)
def is_place_name(word):
    """True when the Russian dictionary knows a folded word as a place name («бердске», «новосибирск»)."""
    return bool(_CYRILLIC_WORD.fullmatch(word)) and any("Geox" in parse.tag for parse in _morph().parse(word))


def _lemma_of(original, folded):
    # An abbreviation written in capitals (РАС, ДЦП, КЦСОН) is a term, not a word to inflect («рас» -> «раса»).
    if _CAPS_RE.fullmatch(original):
        return folded
    return lemma(folded)


def is_stop(folded, lemma_):
    return folded in STOP_WORDS or lemma_ in STOP_WORDS


@functools.lru_cache(maxsize=300_000)
def _term_of(original):
    """The stored term of one original token, or "" for a stop word (cached: texts repeat their words)."""
    folded = _fold_token(original)
    lem = _lemma_of(original, folded)
    return "" if is_stop(folded, lem) else lem


def terms(text):
    """Lemmas of the meaningful words of a text, in order: what the indices and the fallback table store."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", str(text or "")))
    return [term for term in map(_term_of, _TOKEN_RE.findall(text)) if term]


def lemmatise(text):
    """`terms` joined with spaces: 'Помощь детям в Новосибирске' -> 'помощь ребенок новосибирск'.

    Line by line, each line cached: a document's text is lines that repeat across records (service and concern
    names, localities, addresses, boilerplate descriptions) in combinations that do not. No token spans a line
    break, so the result is the same as for the whole text.
    """
    text = str(text or "")
    if "\n" in text:
        return " ".join(filter(None, map(_lemmatise_line, text.split("\n"))))
    return _lemmatise_line(text)


def _lemmatise_line(line):
    if len(line) <= 2000:
        return _lemmatise_cached(line)
    return " ".join(terms(line))


@functools.lru_cache(maxsize=100_000)
def _lemmatise_cached(text):
    return " ".join(terms(text))


# Words that put the next one in a place: «в Морском», «около Бердска».
PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "из", "около", "возле", "близ", "у", "под", "рядом"})


def query_words(text, limit=12):
    """The meaningful words of a query: [(folded word, lemma, {forms it may match}), ...].

    A query word matches its lemma, and also its own folded form, so «рас» typed in lower case still finds the
    abbreviation РАС (which pymorphy3 would read as «раса»); a word in capitals matches as an abbreviation and
    as a word, so «АИСТА» typed with Caps Lock still finds «Аист».
    """
    return [word for word, _after_preposition in _meaningful(text, limit)]


def after_place_preposition(text, limit=12):
    """Positions among `query_words(text)` of the words right after a place preposition («в», «около» …)."""
    return {position for position, (_word, after) in enumerate(_meaningful(text, limit)) if after}


@functools.lru_cache(maxsize=50_000)
def is_common_word(word):
    """True when the dictionary knows a folded word and never as a place name («морской», «заря»; not
    «тогучин», not «сузун», which it does not know): a locality so named needs «в …» to be meant as a place."""
    parses = _morph().parse(word) if _CYRILLIC_WORD.fullmatch(word) else []
    return bool(parses) and parses[0].is_known and not any("Geox" in parse.tag for parse in parses)


def _meaningful(text, limit):
    """((folded, lemma, forms), whether a place preposition comes right before) of the meaningful words."""
    out, previous = [], ""
    for original, folded in raw_words(text):
        lem = _lemma_of(original, folded)
        after, previous = previous in PLACE_PREPOSITIONS, folded
        if is_stop(folded, lem):
            continue
        forms = {lem}
        if folded != lem and not folded[0].isdigit() and number_word(lem) is None:
            forms.add(folded)
        if _CAPS_RE.fullmatch(original):
            forms.add(lemma(folded))  # typed with Caps Lock on («ЛОГОПЕДА»): the word's dictionary form too
        out.append(((folded, lem, forms), after))
        if len(out) >= limit:
            break
    return out


# ------------------------------------------------------------------------------------------------ synonyms


def parse_synonym_group(text):
    """Editors write a group as terms separated by commas or new lines; each term becomes a tuple of lemmas."""
    group = []
    for part in re.split(r"[,;\n]+", str(text or "")):
        lemmas_ = tuple(terms(part))
        if lemmas_ and lemmas_ not in group:
            group.append(lemmas_)
    return group


def expand_synonyms(forms, groups):
    """Which synonym groups a query mentions.

    `forms` is one set of forms per query word (see `query_words`); a group phrase matches where each of its
    lemmas is among the forms of consecutive words. Returns [(start, end, phrases)]: words start..end-1 may
    also be matched by any of the group's phrases (tuples of lemmas). Longer phrases win over shorter ones.
    """
    forms = [set(f) if not isinstance(f, str) else {f} for f in forms]
    candidates = []
    for group in groups:
        for phrase in group:
            n = len(phrase)
            for start in range(0, len(forms) - n + 1):
                if all(phrase[i] in forms[start + i] for i in range(n)):
                    candidates.append((n, start, group))
    found, taken = [], set()
    for n, start, group in sorted(candidates, key=lambda c: (-c[0], c[1])):
        span = set(range(start, start + n))
        if span & taken:
            continue
        taken |= span
        found.append((start, start + n, list(group)))
    return sorted(found, key=lambda item: item[0])


# --------------------------------------------------------------------------------------------------- typos


def max_typos(word):
    """How many letters may be wrong: none in short words, one from five letters, two from nine."""
    if len(word) < 5 or word[0].isdigit():
        return 0
    return 1 if len(word) < 9 else 2


def closest_words(word, vocabulary, limit=3):
    """Known words within `max_typos(word)` edits (a letter wrong, missing, doubled or swapped), best first.

    `vocabulary` maps folded words to how often they occur; ties in distance go to the more frequent word.
    """
    allowed = max_typos(word)
    if not allowed or not vocabulary:
        return []
    hits = process.extract(word, vocabulary.keys(), scorer=OSA.distance, score_cutoff=allowed, limit=50)
    hits = [(candidate, distance) for candidate, distance, _index in hits if candidate != word]
    hits.sort(key=lambda hit: (hit[1], candidate_penalty(word, hit[0]), -vocabulary[hit[0]]))
    return [candidate for candidate, _distance in hits[:limit]]


def prefix_words(word, sorted_vocabulary, vocabulary, limit=3):
    """Known words that share the stem of an unknown word («аутист» -> «аутистический»), most frequent first.

    The stem is the word without its last two letters, at least five letters long: derivations and forms that
    the dictionary does not know still find their relatives.
    """
    if len(word) < 6 or word[0].isdigit():
        return []
    stem = word[: max(5, len(word) - 2)]
    start = bisect.bisect_left(sorted_vocabulary, stem)
    found = []
    for candidate in sorted_vocabulary[start : start + 200]:
        if not candidate.startswith(stem):
            break
        if candidate != word:
            found.append(candidate)
    return sorted(found, key=lambda w: (-vocabulary.get(w, 0), w))[:limit]


def candidate_penalty(word, candidate):
    """Prefer candidates that keep the first letter (people rarely get it wrong)."""
    return 0 if candidate[:1] == word[:1] else 1
