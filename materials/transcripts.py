"""Transcript cues of the captioned videos on any page, for search indexing per cue.

Public API (other apps use only these):
- `cues_for(value_or_page)` parses the captions of one `VideoBlock` value, or of every video block on a page,
  and returns `PageCue`s (start/end seconds, text, the video's block id and title, the `#t=` fragment).
- `video_values(page)` lists the page's video block values (for JSON-LD and the player).

The cues are stored by the `TranscriptCue` model (`TranscriptCue.stored(page)` is what search indexes, with no
file reads at indexing time; `TranscriptCue.refresh(page)` re-creates a page's rows on publish, `clear(page)`
removes them on unpublish/delete). This module reads captions only and imports no models.

The WebVTT captions are the source of truth for timing; cues are persisted because search indexes many pages
and must not open every caption file for each rebuild.
"""

from dataclasses import dataclass

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField

from materials import media, vtt
from materials.blocks import VideoBlock


@dataclass(frozen=True)
class PageCue:
    start: float
    end: float
    text: str
    block_id: str = ""
    video_title: str = ""

    @property
    def timestamp(self):
        return vtt.format_timestamp(self.start)

    @property
    def fragment(self):
        """The URL fragment that plays the video from this cue, e.g. "#t=01:05"."""
        return f"#t={self.timestamp}"


def _is_video_value(value):
    return isinstance(value, StructValue) and isinstance(getattr(value, "block", None), VideoBlock)


def video_values(page):
    """(block_id, value) of every VideoBlock on a page, including ones nested in structs, streams and lists."""
    page = page.specific
    found = []

    def walk(value, block_id=""):
        if _is_video_value(value):
            found.append((block_id, value))
        elif isinstance(value, StreamValue):
            for child in value:
                walk(child.value, child.id or block_id)
        elif isinstance(value, StructValue):
            for child in value.values():
                walk(child, block_id)
        elif isinstance(value, ListValue):
            for child in value.bound_blocks:
                walk(child.value, child.id or block_id)

    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            walk(getattr(page, field.name))
    return found


def _cues_of_value(value, block_id=""):
    captions = value.get("captions")
    if not captions:
        return []
    try:
        cues = media.caption_cues(captions)
    except (vtt.VTTError, OSError):
        return []  # the block's clean() rejects such files on save; old revisions must not break indexing
    title = value.get("title") or ""
    return [PageCue(c.start, c.end, c.text, block_id, title) for c in cues]


def cues_for(value_or_page):
    """Cues of one VideoBlock value, or of all video blocks of a page, in page order."""
    if _is_video_value(value_or_page):
        return _cues_of_value(value_or_page)
    cues = []
    for block_id, value in video_values(value_or_page):
        cues.extend(_cues_of_value(value, block_id))
    return cues
