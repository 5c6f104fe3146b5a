"""GET /api/v1/events: the events of /events/ as JSON, with the page's filters and their counts.

Parameters are read by events/filters.py, the page's own reader (Russian messages; unknown, repeated or
unreadable parameters → 400 `{"error", "details": [{"parameter", "message"}]}`); the Query schema below only
documents them. Times are ISO 8601 with the offset of the event's own zone (`timezone`).
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ninja import Field, Query, Router, Schema

from core.api import ApiError
from events.feeds import live_events
from events.filters import read
from events.listing import has_recording, select

router = Router(tags=["events"])


class EventsQuery(Schema):
    when: str | None = Field(None, description="`upcoming` (default: not ended yet) or `past`.")
    recorded: str | None = Field(None, description="`1`: only past events with a recording in the library.")
    region: str | None = Field(None, description="Federal subject code, e.g. `54`; online events count for all.")
    audience: str | None = Field(None, description="`parents`, `specialists` or `managers`.")
    format: str | None = Field(None, description="`in-person`, `online` (both include `mixed`) or `mixed`.")
    topic: str | None = Field(None, description="Topic slug, e.g. `communication`.")
    age: str | None = Field(None, description="Age group slug, e.g. `2-3y`; events for any age match too.")
    month: str | None = Field(None, description="`YYYY-MM`: a meeting in that month (in the event's zone).")
    page: str | None = Field(None, description="Page number, 1–1000.")
    page_size: str | None = Field(None, description="Results per page, 1–100 (20 by default).")


class MeetingOut(Schema):
    start: str = Field(..., description="ISO 8601 with the offset of the event's zone.")
    end: str
    status: str = Field(..., description="`scheduled`, `cancelled` or `moved` (a date of a series).")
    original_start: str | None = Field(None, description="Where a moved date was.")


class VenueOut(Schema):
    name: str
    address: str
    locality: str
    region: str
    lat: float | None
    lon: float | None


class EventOut(Schema):
    title: str
    url: str
    summary: str
    start: str = Field(..., description="The meeting shown (the next one; the last one of a past event).")
    end: str
    timezone: str = Field(..., description="IANA zone the times are given in, e.g. Asia/Vladivostok.")
    status: str = Field(..., description="`scheduled`, `cancelled`, `postponed` or `moved-online`.")
    previous_start: str | None = Field(None, description="For a postponed event: the date announced before.")
    format: str = Field(..., description="`in-person`, `online` or `mixed` (as held: moved online → online).")
    audiences: list[str]
    regions: list[str] = Field(..., description="Federal subject codes; empty with `all_russia`.")
    all_russia: bool
    topics: list[str]
    ages: list[str]
    venue: VenueOut | None
    online_url: str
    registration_url: str
    free: bool
    organiser: str
    recording_url: str | None
    ics_url: str
    meetings: list[MeetingOut] = Field(..., description="Every date of a series (one for a single event).")


class OptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class EventsOut(Schema):
    count: int
    page: int
    pages: int
    results: list[EventOut]
    facets: dict[str, list[OptionOut]]


def _meeting(meeting):
    status = "cancelled" if meeting.cancelled else "moved" if meeting.moved else "scheduled"
    return {
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "status": status,
        "original_start": meeting.original_start.isoformat() if meeting.moved else None,
    }


def event_json(page, meeting, absolute):
    previous = page.previous_start
    return {
        "title": page.title,
        "url": absolute(page.url),
        "summary": page.summary,
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "timezone": page.zone,
        "status": page.status,
        "previous_start": previous.isoformat() if previous else None,
        "format": page.effective_format,
        "audiences": page.audience_values(),
        "regions": [] if page.all_russia else page.region_codes(),
        "all_russia": page.all_russia,
        "topics": [topic.slug for topic in page.topics.all()],
        "ages": [age.slug for age in page.age_groups.all()],
        "venue": page.venue() if page.in_person else None,
        "online_url": page.online_url if page.is_online else "",
        "registration_url": page.registration_url,
        "free": page.is_free,
        "organiser": page.organiser()["name"],
        "recording_url": absolute(page.recording.url) if has_recording(page) else None,
        "ics_url": absolute(reverse("events:event_ics", args=[page.pk])),
        "meetings": [_meeting(m) for m in page.meetings],
    }


@router.get(
    "", response=EventsOut, summary="Events and seminars", url_name="events_list", operation_id="events_api_events_list"
)
def events_list(request, params: Query[EventsQuery]):
    """Upcoming events by default, the nearest first (past ones with `when=past`, the latest first)."""
    filters, problems = read(request.GET, api=True)
    if problems:
        raise ApiError(_("Invalid request parameters."), problems)
    found = select(live_events(), filters, timezone.now())
    return {
        "count": len(found.items),
        "page": found.page_obj.number,
        "pages": found.page_obj.paginator.num_pages,
        "results": [event_json(i.page, i.meeting, request.build_absolute_uri) for i in found.page_obj.object_list],
        "facets": {facet.key: [vars(option) for option in facet.options] for facet in found.facets},
    }
