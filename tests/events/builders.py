"""Small builders for event pages (no database dumps): an events calendar and published events in it."""

import datetime as dt
import itertools

from core.models import AgeGroup, Region, Topic
from events.models import EventOccurrenceChange, EventPage, EventsIndexPage

_numbers = itertools.count(1)


def home_page():
    from core import demo_core
    from home import demo_site

    demo_core.ensure_taxonomies()
    return demo_site.ensure_site()


def make_index(home=None):
    home = home or home_page()
    index = EventsIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventsIndexPage(title="События", slug="events")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_event(index, *, regions=(), topics=(), ages=(), changes=(), audiences=("parents",), publish=True, **fields):
    """A published event; dates default to ten days from today at 10:00–11:30 in Moscow, online."""
    number = next(_numbers)
    start = fields.pop("start_date", dt.date.today() + dt.timedelta(days=10))
    values = {
        "title": f"Событие {number}",
        "slug": f"event-{number}",
        "summary": "Коротко о событии.",
        "start_date": start,
        "start_time": dt.time(10, 0),
        "end_time": dt.time(11, 30),
        "time_zone": "Europe/Moscow",
        "format": "online",
        "online_url": "https://video.example.org/room",
        "for_parents": "parents" in audiences,
        "for_specialists": "specialists" in audiences,
        "for_managers": "managers" in audiences,
        "organiser_name": "Центр ранней помощи",
    }
    values.update(fields)
    page = EventPage(**values)
    page.regions = list(Region.objects.filter(code__in=regions))
    page.topics = list(Topic.objects.filter(slug__in=topics))
    page.age_groups = list(AgeGroup.objects.filter(slug__in=ages))
    page.occurrence_changes = [EventOccurrenceChange(**change) for change in changes]
    page.full_clean(exclude=["path", "depth"])
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def publish_change(page, **fields):
    """Edit the live event as an editor does: a new revision with the changes, published."""
    page = EventPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.full_clean()
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)
