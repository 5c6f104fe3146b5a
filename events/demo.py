"""Demo events and seminars (`load_demo`): the calendar at /events/ with the events of events/demo_data.py,
placed in time around the day the demo is loaded. ORDER 80: after the library (its webinars are the recordings)
and the registry (organisers and venues). Events are found by slug, so loading again changes nothing."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Page
from wagtail.rich_text import RichText

from core.demo_core import child_page
from core.models import AgeGroup, Region, Topic
from events.demo_data import EVENTS
from events.models import EventOccurrenceChange, EventPage, EventsIndexPage

ORDER = 80
INDEX_SLUG = "events"


def ensure_index(home):
    return child_page(
        home,
        EventsIndexPage,
        INDEX_SLUG,
        title="События и семинары",
        intro="Вебинары, семинары и встречи для родителей, специалистов и руководителей во всех регионах. "
        "Время указано по месту события, для онлайн-событий — и по вашему.",
        show_in_menus=True,
    )


def _time(text):
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def _first_date(when, today):
    if "next_month_day" in when:
        first_of_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return first_of_next + dt.timedelta(days=when["next_month_day"] - 1)
    date = today + dt.timedelta(days=when["day"])
    if "weekday" in when:  # a series starts on its weekday (Tuesday = 1) on or after that day
        date += dt.timedelta(days=(when["weekday"] - date.weekday()) % 7)
    return date


def _organisation(short_name):
    model = EventPage._meta.get_field("organiser_organisation").related_model
    return model.objects.filter(short_name=short_name, live=True).first()


def _place(page, item):
    venue = item.get("venue")
    if not venue:
        return
    if "registry" in venue:
        page.venue_organisation = _organisation(venue["registry"])
        if page.venue_organisation is not None:
            return
        venue = {"address": venue["registry"], "locality": "Новосибирск", "region": "54"}
    page.venue_name = venue.get("name", "")
    page.venue_address = venue["address"]
    page.venue_locality = venue.get("locality", "")
    page.venue_region = Region.objects.get(code=venue["region"])
    if venue.get("lat"):
        page.latitude, page.longitude = Decimal(venue["lat"]), Decimal(venue["lon"])


def _organiser(page, item):
    organiser = item["organiser"]
    found = _organisation(organiser["registry"]) if "registry" in organiser else None
    page.organiser_organisation = found
    page.organiser_name = organiser.get("name") or ("" if found else organiser.get("registry", ""))
    page.organiser_url = organiser.get("url", "")


def _body(blocks):
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


def build_event(index, item, today):
    when = item["when"]
    start_date = _first_date(when, today)
    page = EventPage(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        start_date=start_date,
        start_time=_time(when["start"]),
        end_date=start_date + dt.timedelta(days=when["days"]) if when.get("days") else None,
        end_time=_time(when["end"]),
        time_zone=item["zone"],
        repeat=item.get("repeat", ""),
        repeat_until=start_date + dt.timedelta(days=item["repeat_days"]) if item.get("repeat") else None,
        status=item.get("status", "scheduled"),
        status_note=item.get("status_note", ""),
        format=item["format"],
        online_url=item.get("online_url", ""),
        for_parents="parents" in item["audiences"],
        for_specialists="specialists" in item["audiences"],
        for_managers="managers" in item["audiences"],
        all_russia=item.get("all_russia", False),
        registration_url=item.get("registration_url", ""),
        is_free=item.get("is_free", True),
        price=Decimal(item["price"]) if item.get("price") else None,
        speakers=item.get("speakers", ""),
        body=_body(item["body"]),
    )
    if "previous_day" in item:
        page.previous_start_date, page.previous_start_time = today + dt.timedelta(days=item["previous_day"]), None
    _place(page, item)
    _organiser(page, item)
    if item.get("recording"):
        page.recording = Page.objects.filter(slug=item["recording"]).live().first()
    page.topics = list(Topic.objects.filter(slug__in=item["topics"]))
    page.age_groups = list(AgeGroup.objects.filter(slug__in=item["ages"]))
    page.regions = list(Region.objects.filter(code__in=item.get("regions", [])))
    dates = sorted(page.series_dates()) if page.repeat else []
    page.occurrence_changes = [
        EventOccurrenceChange(
            original_date=dates[number],
            change=change,
            new_date=dates[number] + dt.timedelta(days=shift) if shift else None,
            note=note,
        )
        for number, change, shift, note in item.get("changes", [])
    ]
    page.full_clean(exclude=["path", "depth"])  # the rules an editor meets, before the page joins the tree
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def build(ctx):
    index = ensure_index(ctx.home)
    today = timezone.localdate()
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    created = [build_event(index, item, today) for item in EVENTS if item["slug"] not in existing]
    ctx.log(f"events: calendar ready ({len(EVENTS)} events, {len(created)} new)")
