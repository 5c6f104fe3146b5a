"""Events where other pages mention them, without those apps importing events (the import graph points one way):

- `{% upcoming_events %}` — «Ближайшие события» on the home page, the reader's region first when known;
- `{% organiser_events organisation %}` — a provider's upcoming events on its registry page;
- `{% recorded_events page %}` — on a library page: the events it is the recording of (the link back).
"""

from django import template
from django.utils import timezone

from events.feeds import live_events
from events.reader import reader_region, reader_zone
from events.times import meeting_times

register = template.Library()
HOME_LIMIT = 4
PROVIDER_LIMIT = 5


def _items(pages, now, zone=""):
    items = []
    for page in pages:
        meeting = page.next_meeting(now)
        items.append({"page": page, "times": meeting_times(meeting, page.zone, zone, page.is_online, now)})
    return sorted(items, key=lambda item: item["times"].start)


@register.inclusion_tag("events/includes/upcoming.html", takes_context=True)
def upcoming_events(context):
    request = context.get("request")
    now = timezone.now()
    region = reader_region(request)
    items = _items(live_events().filter(ends_at__gte=now), now, reader_zone(region))
    if region:  # the reader's own region first (events held there or for it), then the others, each by date
        items.sort(key=lambda item: region not in item["page"].region_codes() and not item["page"].all_russia)
    index = items[0]["page"].get_parent() if items else None
    return {"items": items[:HOME_LIMIT], "events_index": index, "request": request}


@register.inclusion_tag("events/includes/organiser_events.html")
def organiser_events(organisation):
    if organisation.pk is None:  # a preview of an entry not saved yet
        return {"items": []}
    now = timezone.now()
    pages = live_events().filter(organiser_organisation=organisation, ends_at__gte=now)[:PROVIDER_LIMIT]
    return {"items": _items(pages, now)}


@register.inclusion_tag("events/includes/recorded_events.html")
def recorded_events(page):
    return {"events": list(live_events().filter(recording=page.pk).order_by("-starts_at"))}
