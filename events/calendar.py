"""iCalendar (RFC 5545) files of events, with the icalendar library: one event («Добавить в календарь») or a
subscribable feed.

Every zone used gets its VTIMEZONE; each event keeps one UID for life (its page's translation key), a series is
one VEVENT with RRULE, its cancelled dates as EXDATE and its moved dates as overrides with RECURRENCE-ID;
SEQUENCE is the page's counter, raised whenever a published change moves its time, status or place; a
cancelled event stays with STATUS:CANCELLED so subscribed calendars learn of it. Output is a function of the
pages only (DTSTAMP is the last publication), so its hash is a faithful ETag.
"""

import datetime as dt
from functools import lru_cache

from django.utils.translation import gettext as _

from icalendar import Calendar, Event, Timezone, vDuration, vGeo, vText

from events.choices import Status

PRODID = "-//Early care portal//Events//RU"
UID_DOMAIN = "events.early-care-portal"
REFRESH = dt.timedelta(hours=6)
STATUS = {Status.CANCELLED: "CANCELLED"}


def uid(page):
    return f"{page.translation_key}@{UID_DOMAIN}"


def _description(page, url):
    lines = [page.summary]
    if page.status != Status.SCHEDULED:
        lines.insert(0, f"{page.get_status_display().capitalize()}. {page.status_note}".strip())
    if page.is_online and page.online_url:
        lines.append(_("Online: %(url)s") % {"url": page.online_url})
    if page.registration_url:
        lines.append(_("Registration: %(url)s") % {"url": page.registration_url})
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def _location(page):
    lines = page.venue_lines() if page.in_person else []
    if page.is_online:
        lines.append(_("online"))
    return ", ".join(lines)


def _summary(page, cancelled=False):
    if cancelled or page.status == Status.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": page.title}
    return page.title


def _base(page, absolute, stamp):
    url = absolute(page.url)
    event = Event()
    event.add("uid", uid(page))
    event.add("dtstamp", stamp)
    event.add("sequence", page.sequence)
    event.add("url", url)
    event.add("description", _description(page, url))
    if page.first_published_at:
        event.add("created", page.first_published_at)
    event.add("last-modified", stamp)
    place = _location(page)
    if place:
        event.add("location", place)
    venue = page.venue() if page.in_person else None
    if venue and venue["lat"] is not None:
        event.add("geo", vGeo((venue["lat"], venue["lon"])))
    event.add("categories", page.audience_labels() or [_("event")])
    return event


def vevents(page, absolute):
    """The page's components: the event (or the series' master) and the overrides of moved dates."""
    stamp = page.last_published_at or page.first_published_at or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    meetings = page.meetings
    master = _base(page, absolute, stamp)
    master.add("summary", _summary(page))
    master.add("status", STATUS.get(page.status, "CONFIRMED"))
    start = page.first_start(page.zone)
    master.add("dtstart", start)
    master.add("dtend", start + page.length())
    components = [master]
    if not page.repeat:
        return components
    master.add("rrule", page.recurrence())
    cancelled = [m.original_start for m in meetings if m.cancelled]
    if cancelled:
        master.add("exdate", cancelled)
    for meeting in meetings:
        if not meeting.moved:
            continue
        override = _base(page, absolute, stamp)
        override.add("summary", _summary(page))
        override.add("status", STATUS.get(page.status, "CONFIRMED"))
        override.add("recurrence-id", meeting.original_start)
        override.add("dtstart", meeting.start)
        override.add("dtend", meeting.end)
        if meeting.note:
            override["description"] = vText(f"{meeting.note}\n\n{override['description']}")
        components.append(override)
    return components


def calendar_bytes(pages, absolute, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    years = set()
    for page in pages:
        for component in vevents(page, absolute):
            calendar.add_component(component)
        years |= {page.start_date.year, (page.repeat_until or page.end_date or page.start_date).year}
    # VTIMEZONE first, for every TZID used, with the zone's rules around the years of the events
    for tzid in sorted(calendar.get_missing_tzids()):
        calendar.subcomponents.insert(0, _vtimezone(tzid, min(years) - 1, max(years) + 2))
    return calendar.to_ical()


@lru_cache(maxsize=64)
def _vtimezone(tzid, first_year, last_year):
    """icalendar derives a zone's rules hour by hour (about 0.1 s a zone for a few years): done once per process."""
    return Timezone.from_tzid(tzid, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1))
