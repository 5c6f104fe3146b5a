"""Times as readers see them: in the event's own zone and, for online events, also in the reader's.

«Вторник, 12 мая 2026, 10:00–11:30 (Владивосток, МСК+7)» and, for a reader in Moscow, «03:00–04:30 (Москва,
МСК)». Formatting follows the active language (Russian month names in the genitive: «12 мая»).
"""

import zoneinfo
from dataclasses import dataclass

from django.utils import dateformat
from django.utils.translation import gettext as _

from events import zones

DATE = "l, j E Y"
TIME = "H:i"


@dataclass(frozen=True)
class Clock:
    date: str  # «вторник, 12 мая 2026»
    time: str  # «10:00–11:30» (the end's date too when it is another day)
    zone: str  # «Владивосток, МСК+7»
    month: str  # «2026-05», the filter value

    @property
    def text(self):
        return f"{self.date}, {self.time} ({self.zone})"


def clock(start, end, zone_name):
    start, end = start.astimezone(zoneinfo.ZoneInfo(zone_name)), end.astimezone(zoneinfo.ZoneInfo(zone_name))
    span = dateformat.format(start, TIME)
    if end.date() != start.date():
        span += f" – {dateformat.format(end, 'j E')}, {dateformat.format(end, TIME)}"
    elif end != start:
        span += f"–{dateformat.format(end, TIME)}"
    return Clock(
        dateformat.format(start, DATE).lower(), span, zones.zone_label(zone_name, start), start.strftime("%Y-%m")
    )


@dataclass(frozen=True)
class MeetingTimes:
    """One meeting: its own clock, the reader's (for an online event in another zone), its status."""

    start: object
    end: object
    own: Clock
    reader: Clock | None
    cancelled: bool
    moved: bool
    original: Clock | None  # where a moved meeting was
    note: str
    past: bool

    @property
    def start_iso(self):
        return self.start.isoformat()

    @property
    def end_iso(self):
        return self.end.isoformat()


def meeting_times(meeting, zone_name, reader_zone="", online=False, now=None):
    own = clock(meeting.start, meeting.end, zone_name)
    reader = None
    if (
        online
        and reader_zone
        and zones.moscow_offset(reader_zone, meeting.start) != zones.moscow_offset(zone_name, meeting.start)
    ):
        reader = clock(meeting.start, meeting.end, reader_zone)
    original = clock(meeting.original_start, meeting.original_start, zone_name) if meeting.moved else None
    return MeetingTimes(
        meeting.start,
        meeting.end,
        own,
        reader,
        meeting.cancelled,
        meeting.moved,
        original,
        meeting.note,
        past=now is not None and meeting.end < now,
    )


def local_time_strings():
    """What the browser-zone script writes beside an online event's time (json_script)."""
    return {"label": _("Your time"), "zone": _("your device's time zone")}
