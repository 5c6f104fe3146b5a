"""Reading calendar files as calendar programs do, with two independent parsers (icalendar and ics) and
recurring-ical-events for series."""

import datetime as dt

import icalendar
import ics
import recurring_ical_events


def vevents(body):
    return [c for c in icalendar.Calendar.from_ical(body).walk("VEVENT")]


def starts_icalendar(body):
    """{UID: first DTSTART as a UTC instant}, read by icalendar."""
    return {str(e["UID"]): e.decoded("DTSTART").astimezone(dt.UTC) for e in vevents(body) if "RECURRENCE-ID" not in e}


def starts_ics(body):
    """The same, read by the `ics` package (its own parser, arrow dates)."""
    calendar = ics.Calendar(body.decode())
    return {
        event.uid: event.begin.datetime.astimezone(dt.UTC)
        for event in calendar.events
        if not any(line.name == "RECURRENCE-ID" for line in event.extra)  # a moved date of a series
    }


def expanded(body, start, end):
    """Every occurrence a calendar program shows between start and end: (UID, UTC start, STATUS)."""
    calendar = icalendar.Calendar.from_ical(body)
    return sorted(
        (str(e["UID"]), e.decoded("DTSTART").astimezone(dt.UTC), str(e.get("STATUS", "")))
        for e in recurring_ical_events.of(calendar).between(start, end)
    )
