"""The library's text query through the portal's search layer (kind "library"): which materials match, in what
order, and where in a video the words are said."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When

from materials.vtt import format_timestamp
from search.service import ranked_hits

MAX_TEXT_MATCHES = 1000


def text_matches(q):
    """Materials matching the text query through the portal's search layer (the same Russian analysis as
    /search/: word forms, ё/е, synonyms, typos; Elasticsearch or its database fallback), best first.

    Returns {page id: (rank, transcript cue or None)}; a cue is (start seconds, text) when the words are said in
    the video.
    """
    parsed, hits = ranked_hits(q, "library", limit=MAX_TEXT_MATCHES)
    if not parsed:
        return None  # only stop words: no text condition
    return {int(hit.key): (rank, hit.cue) for rank, hit in enumerate(hits) if hit.key.isdigit()}


def relevance(matches):
    if not matches:
        return Value(0)
    return Case(
        *[When(pk=pk, then=Value(rank)) for pk, (rank, _cue) in matches.items()],
        default=Value(len(matches)),
        output_field=IntegerField(),
    )


@dataclass(frozen=True)
class TranscriptHit:
    start: float
    text: str

    @property
    def timestamp(self):
        return format_timestamp(self.start)

    @property
    def fragment(self):
        return f"#t={self.timestamp}"


def attach_transcript_hits(materials, matches):
    """Give each listed material whose video says the words the moment where it does."""
    for material in materials:
        cue = matches.get(material.pk, (0, None))[1]
        material.transcript_hit = TranscriptHit(*cue) if cue else None
