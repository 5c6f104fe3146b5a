"""Highlighted snippets, made in Python from the stored plain text so both backends show the same thing.

The best window of the text is the one that contains the most of the query's concepts (any form: «детям»
lights up for «ребёнок», «двум» for «2»); matched words are wrapped in <mark>. Output is safe HTML.
"""

import re

from django.utils.html import escape

from search import text

WINDOW_WORDS = 32
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")


def _word_terms(original):
    folded = text.fold(original).replace(",", ".")
    if original.isupper() and 2 <= len(original) <= 7:
        return {folded}
    return {folded, text.lemma(folded)}


def concept_terms(parsed):
    """[set of single lemmas per concept] (phrases contribute their words)."""
    out = []
    for concept in parsed.concepts:
        terms = set()
        for phrase in concept.alternatives:
            terms.update(phrase)
        out.append(terms)
    return out


def highlight(source, parsed, max_words=WINDOW_WORDS):
    """The best window of `source` with the query's words marked; "" when the text is empty."""
    source = " ".join(str(source or "").split())
    if not source:
        return ""
    concepts = concept_terms(parsed)
    tokens = list(_WORD_RE.finditer(source))
    if not tokens:
        return escape(source[:300])
    hits = []  # per token: the set of concept indexes it matches
    for match in tokens:
        terms = _word_terms(match.group(0))
        hits.append({i for i, wanted in enumerate(concepts) if terms & wanted})
    best_start, best_score = 0, -1
    for start in range(0, max(1, len(tokens) - max_words + 1), 4):
        window = hits[start : start + max_words]
        covered = set().union(*window) if window else set()
        score = len(covered) * 10 + sum(1 for h in window if h)
        if score > best_score:
            best_start, best_score = start, score
    # start the window at a sentence start when one is close before it
    first = tokens[best_start].start()
    sentence = max(source.rfind(". ", 0, first), source.rfind("\n", 0, first))
    if sentence != -1 and first - sentence < 80:
        first = sentence + 2
    last_index = min(len(tokens), best_start + max_words) - 1
    last = tokens[last_index].end()
    return _render(source, tokens, hits, first, last, prefix=first > 0, suffix=last < len(source))


def _render(source, tokens, hits, first, last, prefix, suffix):
    out, position = [], first
    for match, matched in zip(tokens, hits, strict=True):
        if match.start() < first or match.end() > last:
            continue
        out.append(escape(source[position : match.start()]))
        word = escape(match.group(0))
        out.append(f"<mark>{word}</mark>" if matched else word)
        position = match.end()
    out.append(escape(source[position:last]))
    snippet = "".join(out).strip()
    return ("… " if prefix else "") + snippet + (" …" if suffix else "")


def format_time(seconds):
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
