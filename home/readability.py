"""Readability of Russian text for editors of plain-language pages.

The index is Flesch reading ease with I. V. Oborneva's coefficients for Russian:

    reading ease = 206.835 − 1.3 · ASL − 60.1 · ASW

where ASL is the average sentence length in words and ASW the average number of syllables per word.
A Russian syllable has exactly one vowel, so syllables are counted as vowels. Higher is easier: 80 and
above reads easily, below 50 is hard for many adults.

Text comes in *chunks* (a paragraph, a list item, a summary point): a sentence never runs across two chunks,
so a list item without a full stop still counts as its own sentence.
"""

import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail import blocks

VOWELS = frozenset("аеёиоуыэюяaeiouy")
LONG_WORD_SYLLABLES = 4
WORDS_PER_MINUTE = 150  # an unhurried reader of plain Russian; used for the page's reading time
LONGEST_SENTENCES = 3

DEFAULT_THRESHOLDS = {
    "min_reading_ease": 55.0,
    "max_avg_sentence_length": 10.0,
    "max_long_word_share": 0.25,
}

# A word: letters, possibly joined by hyphens (из-за, кто-то); a number counts as one word of one syllable.
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A sentence ends at . ! ? … (one or more, with closing quotes/brackets) followed by whitespace.
SENTENCE_END_RE = re.compile(r"([.!?…]+[»\")]*)\s+")
# A full stop after a single letter (Г. А. Альбрехта, т. е.) or a common abbreviation is not an end.
LAST_WORD_RE = re.compile(r"(?:^|[\s(«\"])([^\W\d_]+)$")
ABBREVIATIONS = frozenset({"им", "ул", "обл", "гг", "см", "др", "пр", "тел", "стр", "рис", "руб", "тыс", "млн", "ст"})

BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "br", "ul", "ol"})


def syllables(word):
    """Number of syllables in a word: its vowels; a number is read as one syllable."""
    if word[0].isdigit():
        return 1
    return sum(1 for char in word.lower() if char in VOWELS)


def words(text):
    return WORD_RE.findall(text)


def split_sentences(text):
    """Split one chunk of text into sentences."""
    text = " ".join(text.split())
    if not text:
        return []
    sentences, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        before = text[start : match.start()]
        last = LAST_WORD_RE.search(before)
        if match.group(1) == "." and last and (len(last.group(1)) == 1 or last.group(1).lower() in ABBREVIATIONS):
            continue
        sentences.append(text[start : match.end(1)].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [sentence for sentence in sentences if words(sentence)]


class _ChunkParser(HTMLParser):
    """Plain text of rich-text HTML, one chunk per paragraph or list item."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks, self._current = [], []

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.chunks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        self._current.append(data)


def html_chunks(html):
    """Chunks of rich text (a RichText value or an HTML string)."""
    parser = _ChunkParser()
    parser.feed(str(getattr(html, "source", html) or ""))
    parser.close()
    parser._flush()
    return parser.chunks


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass
class ReadabilityReport:
    sentences: list = field(default_factory=list)
    word_count: int = 0
    syllable_count: int = 0
    long_word_count: int = 0

    @property
    def sentence_count(self):
        return len(self.sentences)

    @property
    def is_empty(self):
        return self.word_count == 0

    @property
    def avg_sentence_length(self):
        return self.word_count / self.sentence_count if self.sentences else 0.0

    @property
    def avg_syllables_per_word(self):
        return self.syllable_count / self.word_count if self.word_count else 0.0

    @property
    def long_word_share(self):
        return self.long_word_count / self.word_count if self.word_count else 0.0

    @property
    def reading_ease(self):
        if self.is_empty:
            return 0.0
        return 206.835 - 1.3 * self.avg_sentence_length - 60.1 * self.avg_syllables_per_word

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    def longest_sentences(self, count=LONGEST_SENTENCES):
        ranked = sorted(enumerate(self.sentences), key=lambda pair: (-pair[1].words, pair[0]))
        return [sentence for _position, sentence in ranked[:count]]

    def level(self):
        """A plain-Russian description of the reading ease."""
        ease = self.reading_ease
        if ease >= 80:
            return _("very easy to read")
        if ease >= 65:
            return _("easy to read")
        if ease >= 50:
            return _("fairly easy: most adults read it without effort")
        if ease >= 30:
            return _("hard to read")
        return _("very hard to read")

    def problems(self, thresholds=None):
        """What breaks the thresholds, as plain advice for the editor (an empty list when all is well)."""
        limits = thresholds or get_thresholds()
        if self.is_empty:
            return []
        found = []
        if self.reading_ease < limits["min_reading_ease"]:
            found.append(
                _("Reading ease is %(value).1f, the target is at least %(limit).0f. Use shorter sentences and words.")
                % {"value": self.reading_ease, "limit": limits["min_reading_ease"]}
            )
        if self.avg_sentence_length > limits["max_avg_sentence_length"]:
            found.append(
                _(
                    "A sentence has %(value).1f words on average, the target is at most %(limit).0f. "
                    "Split long sentences: one thought per sentence."
                )
                % {"value": self.avg_sentence_length, "limit": limits["max_avg_sentence_length"]}
            )
        if self.long_word_share > limits["max_long_word_share"]:
            found.append(
                _(
                    "Long words (four syllables or more) make up %(value).0f%%, the target is at most %(limit).0f%%. "
                    "Replace official words with everyday ones."
                )
                % {"value": 100 * self.long_word_share, "limit": 100 * limits["max_long_word_share"]}
            )
        return found

    def passes(self, thresholds=None):
        return not self.problems(thresholds)


def get_thresholds():
    configured = getattr(settings, "READABILITY_THRESHOLDS", {}) or {}
    return {key: float(configured.get(key, default)) for key, default in DEFAULT_THRESHOLDS.items()}


def analyse(chunks):
    """Readability of a text given as an iterable of chunks (plain strings)."""
    if isinstance(chunks, str):
        chunks = [chunks]
    report = ReadabilityReport()
    for chunk in chunks:
        for sentence in split_sentences(chunk):
            sentence_words = words(sentence)
            report.sentences.append(Sentence(sentence, len(sentence_words)))
            for word in sentence_words:
                count = syllables(word)
                report.word_count += 1
                report.syllable_count += count
                report.long_word_count += count >= LONG_WORD_SYLLABLES
    return report


def stream_chunks(stream_value):
    """Readable text of a StreamField value: each block says what of it is read (`readable_chunks`); a plain
    rich-text block (a paragraph) is read whole."""
    chunks = []
    for child in stream_value or []:
        reader = getattr(child.block, "readable_chunks", None)
        if reader is not None:
            chunks.extend(reader(child.value))
        elif isinstance(child.block, blocks.RichTextBlock):
            chunks.extend(html_chunks(child.value))
    return chunks
