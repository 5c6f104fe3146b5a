"""What /events/ and /api/v1/events list: the events of a window (upcoming or past), filtered, each filter's
options counted with the other filters applied, and paged.

Events are few (hundreds, not millions), so after one query with its prefetches the filtering is plain Python
over the pages' own facts (events.models.facts): one rule for the page, the API and the counts.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import dateformat, timezone

from core.facets import Facet, Option
from events.choices import Format
from events.feeds_links import feeds_for_filters
from events.filters import FILTERS, LABELS, PAST, UPCOMING, read
from events.reader import reader_region, reader_zone
from events.times import local_time_strings, meeting_times


@dataclass
class Item:
    page: object
    meeting: object
    times: object = None


@dataclass
class Selection:
    filters: object
    items: list  # every matching event (Item), in list order
    facets: list
    page_obj: object = None
    problems: list = field(default_factory=list)


def _months(page, when, now):
    """Months (YYYY-MM, in the event's zone) of its meetings that are held and belong to the window."""
    found = set()
    for meeting in page.meetings:
        if meeting.cancelled or (meeting.end < now) != (when == PAST):
            continue
        found.add(meeting.start.strftime("%Y-%m"))
    return found


def _matches(page, key, value, when, now):
    if key == "region":
        return page.serves_region(value)
    if key == "audience":
        return value in page.audience_values()
    if key == "format":
        if value == Format.ONLINE:
            return page.is_online
        if value == Format.IN_PERSON:
            return page.in_person
        return page.effective_format == Format.MIXED
    if key == "topic":
        return value in page.terms["topic"]
    if key == "age":
        ages = page.terms["age"]
        return not ages or value in ages  # no ages given: useful at any age
    if key == "month":
        return value in _months(page, when, now)
    if key == "recorded":
        return has_recording(page)
    if key == "when":
        return page.is_past(now) == (value == PAST)
    return True


def has_recording(page):
    return bool(page.recording_id and page.recording.live)


def _passes(page, chosen, now, skip=None):
    when = chosen.get("when", UPCOMING)
    return all(_matches(page, key, value, when, now) for key, value in chosen.items() if key != skip)


def _shown_meeting(page, filters, now):
    held = [m for m in page.meetings if not m.cancelled] or page.meetings
    if filters.month:
        in_month = [m for m in held if m.start.strftime("%Y-%m") == filters.month]
        if in_month:
            return in_month[0]
    if filters.when == PAST:
        return held[-1]
    return page.next_meeting(now)


def _option_values(key, filters, pages, now):
    if key == "month":
        months = set()
        for page in pages:
            months |= _months(page, filters.when, now)
        return {value: _month_label(value) for value in sorted(months, reverse=filters.when == PAST)}
    return filters.vocabulary.choices(key)


def _month_label(value):
    year, month = value.split("-")
    return dateformat.format(dt.date(int(year), int(month), 1), "F Y")


def select(events, filters, now=None):
    """Filter the live events (a queryset with prefetches) and count every filter's options."""
    now = now or timezone.now()
    pages = list(events)
    chosen = {**filters.chosen(), "when": filters.when}
    facets = []
    for key in FILTERS:
        if key == "recorded" and filters.when != PAST:
            continue
        base = [page for page in pages if _passes(page, chosen, now, skip=key)]
        options = []
        for value, label in _option_values(key, filters, base, now).items():
            count = sum(1 for page in base if _matches(page, key, value, filters.when, now))
            selected = chosen.get(key) == value
            if count or selected or key in ("when", "region"):
                options.append(Option(value, str(label), count, selected))
        facets.append(Facet(key, str(LABELS[key]), options))
    found = [Item(page, _shown_meeting(page, filters, now)) for page in pages if _passes(page, chosen, now)]
    found.sort(key=lambda item: item.meeting.start, reverse=filters.when == PAST)
    page_obj = Paginator(found, filters.page_size).get_page(filters.page)
    return Selection(filters, found, facets, page_obj)


def with_times(items, reader_zone_name, now):
    for item in items:
        item.times = meeting_times(item.meeting, item.page.zone, reader_zone_name, item.page.is_online, now)
    return items


@dataclass
class Listing:
    selection: Selection
    problems: list
    region: str  # the reader's region code, "" when unknown
    zone: str  # its IANA zone
    active: list  # [{"label", "value", "remove_url"}]
    base_url: str

    @property
    def filters(self):
        return self.selection.filters

    @property
    def page_obj(self):
        return self.selection.page_obj

    @property
    def total(self):
        return len(self.selection.items)

    @property
    def facets(self):
        return self.selection.facets

    @property
    def pages(self):
        return [(n, _url(self.base_url, self.filters.query(page=n))) for n in self.page_obj.paginator.page_range]

    @property
    def when_options(self):
        """«Upcoming (n)» / «Past (n)» as links keeping the other filters (the past has «with a recording»)."""
        facet = next(facet for facet in self.facets if facet.key == "when")
        return [
            {**vars(option), "url": _url(self.base_url, self.filters.query(when=option.value, recorded="", page=""))}
            for option in facet.options
        ]

    @property
    def feeds(self):
        return feeds_for_filters(self.filters)

    @property
    def local_time_strings(self):
        return local_time_strings()


def _url(base, params):
    return f"{base}?{urlencode(params)}" if params else base


def events_listing(index, request):
    filters, problems = read(request.GET)
    now = timezone.now()
    selection = select(index.events(), filters, now)
    region = reader_region(request, filters.region)
    with_times(selection.page_obj.object_list, reader_zone(region), now)
    base = index.get_url(request) or index.url_path
    active = []
    for key, value in filters.chosen().items():
        label = filters.vocabulary.choices(key).get(value) or (_month_label(value) if key == "month" else value)
        remove = _url(base, filters.query(**{key: ""}))
        active.append({"key": str(LABELS[key]), "label": str(label), "remove_url": remove})
    return Listing(selection, problems, region, reader_zone(region), active, base)
