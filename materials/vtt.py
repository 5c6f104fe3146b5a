"""Caption files (WebVTT): the webvtt-py library reads them, our stricter rules and Russian messages sit on top.

Browsers silently skip cues they cannot read, so a broken caption file would leave deaf viewers without
captions and nobody would notice. The library parses each cue (timestamps, identifier, payload, cue tags); we
walk the file block by block so that every problem is reported in Russian with its line number, and we
reject what browsers would skip and the library tolerates: a first line other than "WEBVTT", a cue in the
header, timestamps not in the strict hh:mm:ss.ttt form, a missing blank line, cues out of time order or
without text.
"""

import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from webvtt.errors import MalformedCaptionError
from webvtt.models import Caption
from webvtt.vtt import WebVTTCueBlock

WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cue:
    """One caption cue: times in seconds and its plain text (markup removed)."""

    start: float
    end: float
    text: str
    identifier: str = ""


class VTTError(ValueError):
    """A malformed caption file; `str()` is a Russian message naming the line."""

    def __init__(self, message, line=None):
        self.message = message
        self.line = line
        super().__init__(_("Line %(line)s: %(message)s") % {"line": line, "message": message} if line else message)


def decode(data):
    """Bytes of an uploaded file → text; WebVTT is UTF-8 by definition."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise VTTError(_("The captions file must be saved in UTF-8 encoding.")) from exc


def _blocks(lines, start):
    """(line number, lines) of each block from `start` on; blocks are separated by blank lines."""
    block, block_start = [], None
    for number, line in enumerate(lines[start:], start=start + 1):
        if line.strip():
            block_start = block_start or number
            block.append(line)
        elif block:
            yield block_start, block
            block, block_start = [], None
    if block:
        yield block_start, block


def parse(data):
    """Parse WebVTT text or bytes into a list of `Cue`; raise `VTTError` on the first problem."""
    text = decode(data).lstrip("\ufeff")
    if "\x00" in text:
        raise VTTError(_("The file contains a NUL character; it is not a text file."))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = lines[0] if lines else ""
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise VTTError(_("The first line must be “WEBVTT”: this is not a WebVTT captions file."), 1)

    # The header runs until the first blank line; it must not contain a cue timing.
    index = 1
    while index < len(lines) and lines[index].strip():
        if "-->" in lines[index]:
            raise VTTError(_("A blank line is required between the “WEBVTT” header and the first cue."), index + 1)
        index += 1

    cues = []
    for line_no, block in _blocks(lines, index):
        cue = _parse_block(block, line_no, cues)
        if cue is not None:
            cues.append(cue)
    if not cues:
        raise VTTError(_("The file has no caption cues."))
    return cues


def _invalid_timing(line, line_no):
    return VTTError(
        _(
            "Invalid cue timing “%(line)s”. Use the form “00:01.000 --> 00:04.000” "
            "(minutes and seconds from 00 to 59, three digits of milliseconds)."
        )
        % {"line": line.strip()[:60]},
        line_no,
    )


def _parse_block(block, line_no, previous):
    head = block[0]
    if head == "NOTE" or head.startswith(("NOTE ", "NOTE\t")):
        return None
    if head in {"STYLE", "REGION"}:
        if previous:
            raise VTTError(_("STYLE and REGION blocks are allowed only before the first cue."), line_no)
        return None

    timing_offset = 0 if "-->" in head else 1
    if timing_offset and (len(block) < 2 or "-->" not in block[1]):
        raise VTTError(
            _("Expected a cue timing such as “00:01.000 --> 00:04.000” after the cue identifier “%(id)s”.")
            % {"id": head.strip()[:40]},
            line_no + 1,
        )
    timing_no = line_no + timing_offset
    for offset, payload_line in enumerate(block[timing_offset + 1 :], start=timing_no + 1):
        if "-->" in payload_line:
            raise VTTError(_("A blank line is missing between two cues."), offset)
    if not WebVTTCueBlock.is_valid(block, strict=True):
        raise _invalid_timing(block[timing_offset], timing_no)
    parsed = WebVTTCueBlock.from_lines(block)
    try:
        caption = Caption(parsed.start, parsed.end, parsed.payload, identifier=parsed.identifier)
    except MalformedCaptionError as exc:
        raise _invalid_timing(block[timing_offset], timing_no) from exc
    start = caption.start_time.in_milliseconds() / 1000
    end = caption.end_time.in_milliseconds() / 1000
    if end <= start:
        raise VTTError(_("The cue ends before or when it starts."), timing_no)
    if previous and start < previous[-1].start:
        raise VTTError(_("Cues must be in time order: this cue starts earlier than the previous one."), timing_no)
    plain = WHITESPACE.sub(" ", html.unescape(caption.text)).strip()
    if not plain:
        raise VTTError(_("The cue has no text."), timing_no)
    return Cue(start=start, end=end, text=plain, identifier=(parsed.identifier or "").strip())


def format_timestamp(seconds):
    """Seconds → "MM:SS", or "H:MM:SS" from one hour: the form of our `#t=` links and visible timestamps."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def parse_timestamp(value):
    """ "MM:SS" / "H:MM:SS" (as in `#t=` links) → seconds, or None when it is not such a timestamp."""
    match = re.fullmatch(r"(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)", value.strip())
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if hours and minutes > 59:
        return None
    return hours * 3600 + minutes * 60 + seconds
