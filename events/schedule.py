"""When an event happens: its occurrences in its own zone, a series expanded with python-dateutil, exceptions.

Pure functions over plain values (dates, times, a zone name, the repeat rule and the editors' exceptions), so
the page, the calendars and the API read one schedule. A series is an RFC 5545 RRULE; the same rule text goes
into the .ics files, so a calendar program expands exactly what the page lists.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from icalendar import vRecur

from events.choices import Change, Repeat

UTC = dt.UTC
# A series is bounded: what an editor can mean by «every week» without an end date is not a calendar entry.
MAX_OCCURRENCES = 200


@dataclass(frozen=True)
class Occurrence:
    start: dt.datetime  # aware, in the event's zone
    end: dt.datetime
    original_start: dt.datetime  # the date the series gave it (RECURRENCE-ID); == start unless moved
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def key(self):
        """The occurrence's stable name within its event: its original local date."""
        return self.original_start.date().isoformat()


@dataclass(frozen=True)
class Exception_:
    original_date: dt.date
    change: str  # Change
    new_date: dt.date | None = None
    new_start: dt.time | None = None
    new_end: dt.time | None = None
    note: str = ""


def local(date, time, zone_name):
    return dt.datetime.combine(date, time, tzinfo=zoneinfo.ZoneInfo(zone_name))


def duration(start_date, start_time, end_date, end_time):
    """How long one occurrence lasts (an end at or before the start means the same day's end, at least 0)."""
    start = dt.datetime.combine(start_date, start_time)
    end = dt.datetime.combine(end_date or start_date, end_time)
    return max(end - start, dt.timedelta(0))


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _nth_in_month(date):
    """Which `date`'s weekday it is in its month: 1…4, or -1 for the fifth (then «the last»)."""
    n = (date.day - 1) // 7 + 1
    return -1 if n == 5 else n


def recurrence(repeat, start, until_date):
    """The series' RRULE as icalendar's `vRecur` (for the .ics files), or None for a single event.

    UNTIL is the end of `until_date` in the event's zone, in UTC as RFC 5545 requires with a zoned DTSTART.
    """
    if not repeat or until_date is None:
        return None
    until = dt.datetime.combine(until_date, dt.time(23, 59, 59), tzinfo=start.tzinfo).astimezone(UTC)
    day = WEEKDAYS[start.weekday()]
    if repeat == Repeat.MONTHLY:
        return vRecur(freq="MONTHLY", until=until, byday=f"{_nth_in_month(start.date())}{day}")
    return vRecur(freq="WEEKLY", interval=2 if repeat == Repeat.BIWEEKLY else 1, until=until, byday=day)


def rule_text(repeat, start, until_date):
    """The RRULE value (without «RRULE:»), or ""."""
    found = recurrence(repeat, start, until_date)
    return found.to_ical().decode() if found is not None else ""


def _starts(start, repeat, until_date):
    text = rule_text(repeat, start, until_date)
    if not text:
        return [start]
    # dateutil expands the very text the .ics carries
    return [moment.replace(tzinfo=start.tzinfo) for moment in rrulestr(text, dtstart=start)[:MAX_OCCURRENCES]]


def occurrences(start, length, repeat="", until_date=None, exceptions=()):
    """Every occurrence, in order of their start: a single event gives one; a series one per date of its rule,
    with its exceptions applied (a cancelled date stays in the list, marked, so readers see it)."""
    by_date = {exception.original_date: exception for exception in exceptions}
    found = []
    for original in _starts(start, repeat, until_date):
        change = by_date.get(original.date())
        if change is None:
            found.append(Occurrence(original, original + length, original))
        elif change.change == Change.CANCELLED:
            found.append(Occurrence(original, original + length, original, cancelled=True, note=change.note))
        else:
            new_start = dt.datetime.combine(
                change.new_date or original.date(), change.new_start or original.timetz().replace(tzinfo=None)
            ).replace(tzinfo=start.tzinfo)
            new_end = (
                dt.datetime.combine(new_start.date(), change.new_end).replace(tzinfo=start.tzinfo)
                if change.new_end
                else new_start + length
            )
            found.append(Occurrence(new_start, max(new_end, new_start), original, moved=True, note=change.note))
    return sorted(found, key=lambda occurrence: occurrence.start)


def series_dates(repeat, start, until_date):
    """The local dates a series' rule gives (to check that an exception names one of them)."""
    return {moment.date() for moment in _starts(start, repeat, until_date)}
