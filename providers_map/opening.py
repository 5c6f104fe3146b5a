"""«Открыто до 18:00» / «Откроется завтра в 9:00», in the branch's own time zone.

Also the weekly hours as ranges of minutes of the week in UTC, which is how the Elasticsearch index answers
"open now" with one term query (Russia keeps no daylight-saving time, so a region's offset is fixed; a
change of law is picked up by re-indexing).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from providers_map import hours as hours_lib

WEEK_MINUTES = 7 * 24 * 60
ON_WEEKDAY = {
    "mon": pgettext_lazy("opens …", "on Monday"),
    "tue": pgettext_lazy("opens …", "on Tuesday"),
    "wed": pgettext_lazy("opens …", "on Wednesday"),
    "thu": pgettext_lazy("opens …", "on Thursday"),
    "fri": pgettext_lazy("opens …", "on Friday"),
    "sat": pgettext_lazy("opens …", "on Saturday"),
    "sun": pgettext_lazy("opens …", "on Sunday"),
}


@dataclass
class OpeningStatus:
    has_hours: bool
    is_open: bool = False
    text: str = ""  # «Открыто до 18:00», «Откроется завтра в 09:00»
    local_time: str = ""


def _minutes(clock):
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def opening_status(hours, zone, now):
    """What a family needs to know right now about a branch with weekly `hours` in time zone `zone`."""
    if not hours_lib.has_hours(hours):
        return OpeningStatus(has_hours=False)
    local = now.astimezone(zone)
    today = local.weekday()
    minute = local.hour * 60 + local.minute
    status = OpeningStatus(has_hours=True, local_time=local.strftime("%H:%M"))
    for start, end in hours.get(hours_lib.DAYS[today]) or []:
        if _minutes(start) <= minute < _minutes(end):
            status.is_open = True
            closes = "24:00" if end == "24:00" else end
            status.text = _("Open until %(time)s") % {"time": closes}
            return status
    for offset in range(0, 8):
        day = hours_lib.DAYS[(today + offset) % 7]
        for start, _end in hours.get(day) or []:
            if offset == 0 and _minutes(start) <= minute:
                continue
            if offset == 0:
                status.text = _("Opens today at %(time)s") % {"time": start}
            elif offset == 1:
                status.text = _("Opens tomorrow at %(time)s") % {"time": start}
            else:
                status.text = _("Opens %(day)s at %(time)s") % {"day": ON_WEEKDAY[day], "time": start}
            return status
    return status


def utc_week_ranges(hours, zone, reference=None):
    """Opening intervals as [start, end) minutes of the week in UTC (Monday 00:00 UTC = 0), split at the week's end."""
    reference = reference or dt.datetime(2024, 1, 1, tzinfo=dt.UTC)  # a Monday; offsets are fixed in Russia
    offset = int(reference.astimezone(zone).utcoffset().total_seconds() // 60)
    ranges = []
    for index, day in enumerate(hours_lib.DAYS):
        for start, end in (hours or {}).get(day) or []:
            low = index * 1440 + _minutes(start) - offset
            high = index * 1440 + _minutes(end) - offset
            low, high = low % WEEK_MINUTES, (high - low) + low % WEEK_MINUTES
            if high <= WEEK_MINUTES:
                ranges.append((low, high))
            else:
                ranges.append((low, WEEK_MINUTES))
                ranges.append((0, high - WEEK_MINUTES))
    return ranges


def utc_week_minute(now):
    utc = now.astimezone(dt.UTC)
    return utc.weekday() * 1440 + utc.hour * 60 + utc.minute
