"""What an event page shows besides its fields: its meetings in the event's zone and the reader's, its status,
place, organiser, calendar links, the recording and the JSON-LD. Works on the page it is given (no models)."""

from django.urls import reverse
from django.utils import timezone

from core.regions import FEDERAL_SUBJECTS
from events import feeds_links
from events.jsonld import event_json_ld
from events.listing import has_recording
from events.reader import reader_region, reader_zone
from events.times import clock, local_time_strings, meeting_times

REGIONS = sorted(({"code": code, "name": name} for code, name, _district in FEDERAL_SUBJECTS), key=lambda r: r["name"])


def event_context(page, request):
    now = timezone.now()
    region = reader_region(request, request.GET.get("region", ""))
    zone = reader_zone(region)
    meetings = [meeting_times(m, page.zone, zone, page.is_online, now) for m in page.meetings]
    recording = page.recording.specific if has_recording(page) else None
    previous = page.previous_start
    return {
        "events_index": page.get_parent(),
        "meetings": meetings,
        "next_times": meeting_times(page.next_meeting(now), page.zone, zone, page.is_online, now),
        "is_series": bool(page.repeat),
        "is_past": page.is_past(now),
        "previous_clock": clock(previous, previous, page.zone) if previous else None,
        "venue": page.venue(),
        "organiser": page.organiser(),
        "audiences": page.audience_labels(),
        "reader_region": region,
        "ics_url": reverse("events:event_ics", args=[page.pk]),
        "calendar_feeds": feeds_links.feeds_for_event(page),
        "recording": recording,
        "json_ld": event_json_ld(page, request.build_absolute_uri, recording),
        "regions": REGIONS if page.is_online and not region else [],
        "local_time_strings": local_time_strings(),
    }
