"""/events/ and /api/v1/events: one reader of the filters, counts per option, online events in every region, the
past behind a filter with «есть запись», and hostile parameters answered with a clear page or a 400, never a 500."""

import datetime as dt

from django.test import Client
from django.utils import timezone

import pytest

from tests.events.builders import make_event, make_index
from tests.portal.hostile import MARKUP, RAW_MARKERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar():
    """An online seminar for parents, an in-person meeting in Kaliningrad, a past webinar with a recording."""
    from tests.materials.factories import make_index as make_library
    from tests.materials.factories import make_material

    index = make_index()
    today = timezone.localdate()
    online = make_event(index, title="Онлайн-семинар", ages=["2-3y"], topics=["communication"])
    local = make_event(
        index,
        title="Встреча в Калининграде",
        format="in-person",
        venue_address="ул. Театральная, 5",
        regions=["39"],
        time_zone="",
        audiences=("specialists",),
        start_date=today + dt.timedelta(days=40),
    )
    recording = make_material(make_library(slug="library-events"), material_type="recommendations")
    recording.save_revision().publish()
    past = make_event(index, title="Прошедший вебинар", start_date=today - dt.timedelta(days=20), recording=recording)
    return {"index": index, "online": online, "local": local, "past": past, "recording": recording}


def _options(body, key):
    return {option["value"]: option["count"] for option in body["facets"][key]}


def test_the_api_lists_upcoming_events_with_the_pages_filters_and_counts(client, calendar):
    body = client.get("/api/v1/events").json()
    assert [event["title"] for event in body["results"]] == ["Онлайн-семинар", "Встреча в Калининграде"]
    first = body["results"][0]
    assert first["start"].endswith("+03:00") and first["timezone"] == "Europe/Moscow"
    assert first["status"] == "scheduled" and first["ics_url"].endswith(".ics")
    assert _options(body, "region")["54"] == 1 and _options(body, "region")["39"] == 2  # online counts everywhere
    assert _options(body, "audience") == {"parents": 1, "specialists": 1}
    assert calendar["local"].zone == "Europe/Kaliningrad"

    narrowed = client.get("/api/v1/events", {"region": "54", "age": "2-3y", "format": "online"}).json()
    assert [event["title"] for event in narrowed["results"]] == ["Онлайн-семинар"]
    past = client.get("/api/v1/events", {"when": "past", "recorded": "1"}).json()
    assert [event["title"] for event in past["results"]] == ["Прошедший вебинар"]
    assert past["results"][0]["recording_url"].endswith(calendar["recording"].url)

    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/events" in document["paths"]


def test_the_page_works_without_javascript_and_the_past_links_its_recording_and_back(client, calendar):
    html = client.get(calendar["index"].url).content.decode()
    assert 'type="text/calendar"' in html and "/events/calendar.ics" in html
    assert "Онлайн-семинар" in html and "Прошедший вебинар" not in html
    assert '<option value="39">Калининградская область (2)</option>' in html

    past = client.get(calendar["index"].url, {"when": "past", "recorded": "1", "region": "39"}).content.decode()
    assert "Прошедший вебинар" in past and calendar["recording"].url in past
    assert 'name="recorded" value="1" checked' in past
    material = client.get(calendar["recording"].url).content.decode()
    assert calendar["past"].url in material  # the library page links back to the event


HOSTILE = [MARKUP[2], "9" * 30, "\x00", "2026-13", "../../../../etc/passwd"]
NAMES = ["when", "recorded", "region", "audience", "format", "topic", "age", "month", "page"]


def test_hostile_parameters_get_a_clear_page_or_a_400_never_a_500(calendar):
    """A table: every filter × hostile values, on the page, the API and the feeds' addresses."""
    client = Client(raise_request_exception=False)
    failures = []
    for value in HOSTILE:
        feed = client.get(f"/events/calendar/region/{value.replace('/', '')[:40] or 'x'}.ics")
        if feed.status_code not in (200, 400, 404):
            failures.append(("feed", value, feed.status_code))
        for name in NAMES:
            page = client.get(calendar["index"].url, {name: value})
            html = page.content.decode()
            if page.status_code != 200 or any(marker in html for marker in RAW_MARKERS):
                failures.append(("page", name, value, page.status_code))
            api = client.get("/api/v1/events", {name: value})
            if api.status_code not in (200, 400) or (api.status_code == 400 and not api.json()["details"]):
                failures.append(("api", name, value, api.status_code))
    assert failures == []


def test_unknown_repeated_and_unreadable_api_parameters_are_named_in_russian(client, calendar):
    body = client.get("/api/v1/events?region=54&region=39&colour=red&month=2026-9&page=0").json()
    messages = {detail["parameter"]: detail["message"] for detail in body["details"]}
    assert messages == {
        "region": "Укажите этот параметр один раз.",
        "colour": "Неизвестный параметр.",
        "month": "Месяц в виде ГГГГ-ММ, например 2026-09.",
        "page": "Целое число от 1 до 1000.",
    }
    page = client.get(calendar["index"].url, {"month": "2026-9", "region": "54"}).content.decode()
    assert "Месяц в виде ГГГГ-ММ" in page and "Регион: Новосибирская область" in page


def test_the_number_of_queries_does_not_grow_with_the_number_of_events(client, calendar):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(path):
        client.get(path)  # the site's caches (menus, settings, site roots) warm up on the first request
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    paths = [calendar["index"].url, "/api/v1/events", "/events/calendar.ics"]
    before = [count(path) for path in paths]
    for number in range(3):
        make_event(calendar["index"], regions=["54"], topics=["communication"], ages=["1-2y"], title=f"Ещё {number}")
    assert [count(path) for path in paths] == before
