"""A strict WebVTT parser for caption files.

Browsers silently skip cues they cannot read, so a broken caption file would leave deaf viewers without
captions and nobody would notice. We therefore reject anything the W3C WebVTT syntax does not allow
(header, timestamps, cue order) and report the first problem with its line number in Russian.
"""

import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# (hh:)?mm:ss.ttt — hours have at least two digits when present, minutes and seconds are 00–59.
TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+(.*))?$")
TAG = re.compile(r"<[^>]*>")
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


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def plain_text(payload):
    """Cue payload without WebVTT tags (<v Speaker>, <i>, <c.class>, timestamps) and entities."""
    return WHITESPACE.sub(" ", html.unescape(TAG.sub("", payload))).strip()


def decode(data):
    """Bytes of an uploaded file → text; WebVTT is UTF-8 by definition."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise VTTError(_("The captions file must be saved in UTF-8 encoding.")) from exc


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
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        cue = _parse_block(block, block_start + 1, cues)
        if cue is not None:
            cues.append(cue)

    if not cues:
        raise VTTError(_("The file has no caption cues."))
    return cues


def _parse_block(block, line_no, previous):
    head = block[0]
    if head == "NOTE" or head.startswith(("NOTE ", "NOTE\t")):
        return None
    if head in {"STYLE", "REGION"}:
        if previous:
            raise VTTError(_("STYLE and REGION blocks are allowed only before the first cue."), line_no)
        return None

    identifier = ""
    timing_offset = 0
    if "-->" not in head:
        identifier = head.strip()
        timing_offset = 1
        if len(block) < 2 or "-->" not in block[1]:
            raise VTTError(
                _("Expected a cue timing such as “00:01.000 --> 00:04.000” after the cue identifier “%(id)s”.")
                % {"id": identifier[:40]},
                line_no + 1,
            )
    timing_no = line_no + timing_offset
    match = TIMING_LINE.match(block[timing_offset].strip())
    if not match:
        raise VTTError(
            _(
                "Invalid cue timing “%(line)s”. Use the form “00:01.000 --> 00:04.000” "
                "(minutes and seconds from 00 to 59, three digits of milliseconds)."
            )
            % {"line": block[timing_offset].strip()[:60]},
            timing_no,
        )
    start = _seconds(*match.group(1, 2, 3, 4))
    end = _seconds(*match.group(5, 6, 7, 8))
    if end <= start:
        raise VTTError(_("The cue ends before or when it starts."), timing_no)
    if previous and start < previous[-1].start:
        raise VTTError(_("Cues must be in time order: this cue starts earlier than the previous one."), timing_no)
    payload_lines = block[timing_offset + 1 :]
    for offset, payload_line in enumerate(payload_lines, start=timing_no + 1):
        if "-->" in payload_line:
            raise VTTError(_("A blank line is missing between two cues."), offset)
    text = plain_text("\n".join(payload_lines))
    if not text:
        raise VTTError(_("The cue has no text."), timing_no)
    return Cue(start=start, end=end, text=text, identifier=identifier)


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
