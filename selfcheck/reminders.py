"""The reminder for the next checkpoint: an iCalendar file with one all-day event, a date and a link.

It holds nothing a parent answered, nor the child's age or name: only the day to come back, the address of
that age's checklist and a generic title. The UID is derived from those two, so the same reminder imported
twice stays one event.
"""

import hashlib
from datetime import UTC, datetime, time, timedelta

from django.utils.translation import gettext as _

from icalendar import Alarm, Calendar, Event

PRODID = "-//Early care portal//Self-check reminder//RU"
ALARM_AT = time(10, 0)  # on the day, in the morning


def calendar(when, link, age_label):
    """The .ics bytes of the reminder for `when` (a date) pointing at `link`."""
    event = Event()
    event.add("uid", hashlib.sha256(f"{when.isoformat()}|{link}".encode()).hexdigest()[:32] + "@self-check")
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("dtstart", when)
    event.add("dtend", when + timedelta(days=1))
    event.add("summary", _("Child development self-check: the %(age)s checklist") % {"age": age_label})
    event.add("description", _("It is time to check the milestones again: %(link)s") % {"link": link})
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Child development self-check"))
    alarm.add("trigger", timedelta(hours=ALARM_AT.hour))
    event.add_component(alarm)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add_component(event)
    return cal.to_ical()
