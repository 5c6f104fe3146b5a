"""The demo calendar, checked event by event: every .ics resolves to the page's instant in two parsers, every
JSON-LD carries what Google's event guidelines require, and the events appear where they belong (home page,
provider page, library page, sitemap, search, OpenAPI)."""

import datetime as dt
import json
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from events.models import EventPage
from tests.events.ical import starts_icalendar, starts_ics

pytestmark = pytest.mark.django_db

REQUIRED = {"name", "startDate", "location"}  # Google: required for an Event
RECOMMENDED = {
    "description",
    "endDate",
    "eventAttendanceMode",
    "eventStatus",
    "image",
    "offers",
    "organizer",
    "performer",
}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def events(demo_site):
    return list(EventPage.objects.live().public().order_by("starts_at"))


def test_the_demo_spans_four_zones_both_formats_both_audiences_and_every_status(events):
    today = timezone.now()
    assert len(events) >= 12
    zones = {page.zone for page in events}
    assert {"Europe/Kaliningrad", "Europe/Moscow", "Asia/Novosibirsk", "Asia/Vladivostok"} <= zones
    assert {page.format for page in events} >= {"in-person", "online"}
    assert any(page.for_parents for page in events) and any(page.for_specialists for page in events)
    assert {page.status for page in events} >= {"cancelled", "postponed", "moved-online"}
    series = [page for page in events if page.repeat]
    assert series and any(meeting.cancelled for meeting in series[0].occurrences())
    recorded = [page for page in events if page.recording_id and page.ends_at < today]
    assert len(recorded) >= 2
    horizon = dt.timedelta(days=93)
    assert all(today - horizon <= page.starts_at and page.ends_at <= today + horizon for page in events)


def test_every_demo_event_resolves_to_one_instant_in_two_parsers_and_carries_googles_properties(client, events):
    for page in events:
        body = client.get(reverse("events:event_ics", args=[page.pk])).content
        first = page.occurrences()[0].start.astimezone(dt.UTC)
        assert list(starts_icalendar(body).values()) == [first], page.slug
        assert list(starts_ics(body).values()) == [first], page.slug

        html = client.get(page.url).content.decode()
        data = json.loads(JSON_LD.search(html).group(1))
        assert len(data) == len(page.occurrences())
        for item in data:
            assert item["@type"] == "Event" and REQUIRED | RECOMMENDED <= set(item), page.slug
            location = item["location"] if isinstance(item["location"], list) else [item["location"]]
            assert all(place.get("url") or place.get("address") for place in location)
        assert data[0]["startDate"] == page.occurrences()[0].start.isoformat()
        if page.status == "postponed":
            assert data[0]["previousStartDate"] and data[0]["eventStatus"].endswith("EventRescheduled")
        if page.status == "cancelled":
            assert data[0]["eventStatus"].endswith("EventCancelled") and "Отменено" in html
        if page.recording_id:
            assert data[0]["recordedIn"]["url"].endswith(page.recording.url)


def test_events_appear_on_the_home_provider_and_library_pages_and_in_the_sitemap(client, events, demo_site):
    home = client.get("/").content.decode()
    assert "Ближайшие события" in home
    organised = next(page for page in events if page.organiser_organisation_id and not page.is_past())
    provider = client.get(organised.organiser_organisation.get_absolute_url()).content.decode()
    assert organised.url in provider and "Ближайшие события организации" in provider
    recorded = next(page for page in events if page.recording_id)
    assert recorded.url in client.get(recorded.recording.url).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert all(page.url_path.split("/", 2)[2] in sitemap for page in events[:3])


def test_the_home_page_puts_the_readers_region_first(client, events):
    client.cookies["reader_region"] = "39"
    home = client.get("/").content.decode()
    section = home[home.index("Ближайшие события") :]
    titles = re.findall(r'class="event-card__title"><a href="([^"]+)"', section)
    kaliningrad = {page.url for page in events if "39" in page.region_codes() and not page.is_past()}
    assert titles and titles[0] in kaliningrad


def test_webinar_finds_the_events_in_their_own_search_tab(client, events):
    found = client.get("/api/v1/search", {"q": "вебинар", "kind": "events"}).json()
    online = {page.url for page in events if page.is_online}
    assert found["count"] >= 3 and {result["url"] for result in found["results"]} - {"/events/"} <= online
    everything = client.get("/api/v1/search", {"q": "вебинар"}).json()
    assert everything["kinds"]["events"] == found["count"]
    page = client.get("/search/", {"q": "вебинар"}).content.decode()
    assert "События" in page
