"""Calendars: one instant in every reader, series as the page lists them, UID kept and SEQUENCE raised on change,
cancelled events kept, the 30-day window, VTIMEZONE for every zone, ETag/Last-Modified and 304."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from events.choices import Status
from tests.events.builders import make_event, make_index, publish_change
from tests.events.ical import expanded, starts_icalendar, starts_ics, vevents

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return make_index()


def _ics(client, page):
    response = client.get(reverse("events:event_ics", args=[page.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return response.content


def test_an_online_seminar_at_ten_in_vladivostok_is_three_in_moscow_on_the_page_and_in_both_parsers(client, index):
    day = timezone.localdate() + dt.timedelta(days=20)
    page = make_event(index, start_date=day, time_zone="Asia/Vladivostok", audiences=("specialists",))

    html = client.get(page.url, {"region": "77"}).content.decode()
    assert "10:00–11:30" in html and "Владивосток, МСК+7" in html
    assert "03:00–04:30" in html and "Москва, МСК" in html
    assert client.cookies["reader_region"].value == "77"  # remembered for the next pages

    body = _ics(client, page)
    instant = dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)  # 10:00 UTC+10
    assert list(starts_icalendar(body).values()) == [instant]
    assert list(starts_ics(body).values()) == [instant]
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Vladivostok" in body


def test_a_series_in_the_feed_expands_to_the_meetings_the_page_lists(client, index):
    first = timezone.localdate() + dt.timedelta(days=(1 - timezone.localdate().weekday()) % 7 + 7)  # a Tuesday
    page = make_event(
        index,
        start_date=first,
        start_time=dt.time(18, 0),
        end_time=dt.time(19, 30),
        time_zone="",
        regions=["54"],
        format="in-person",
        venue_address="ул. Ленина, д. 1",
        repeat="biweekly",
        repeat_until=first + dt.timedelta(days=70),
        changes=[
            {"original_date": first + dt.timedelta(days=28), "change": "cancelled", "note": "отпуск"},
            {"original_date": first + dt.timedelta(days=42), "change": "moved", "new_date": first + dt.timedelta(44)},
        ],
    )
    assert page.zone == "Asia/Novosibirsk"  # from its federal subject
    feed = client.get(reverse("events:feed")).content
    window = (
        dt.datetime.combine(first, dt.time(), dt.UTC),
        dt.datetime.combine(first + dt.timedelta(90), dt.time(), dt.UTC),
    )
    in_feed = [(start, status) for uid, start, status in expanded(feed, *window)]
    on_page = [(m.start.astimezone(dt.UTC), m.cancelled) for m in page.occurrences()]

    assert [start for start, _status in in_feed] == [start for start, cancelled in on_page if not cancelled]
    assert len(on_page) == 6 and sum(cancelled for _start, cancelled in on_page) == 1  # absent from the feed
    assert in_feed[2][0].date() == first + dt.timedelta(44)  # the moved meeting, on its new day
    html = client.get(page.url).content.decode()
    assert html.count("event-meeting--cancelled") == 1 and "отпуск" in html


def test_editing_the_time_keeps_the_uid_and_raises_the_sequence_and_cancelling_keeps_it_in_the_feed(client, index):
    page = make_event(index)
    before = vevents(client.get(reverse("events:feed")).content)[0]
    assert int(before["SEQUENCE"]) == 0

    page = publish_change(page, title="Новое название")  # not a change of time, status or place
    assert page.sequence == 0
    page = publish_change(page, start_time=dt.time(12, 0), end_time=dt.time(13, 0))
    moved = vevents(client.get(reverse("events:feed")).content)[0]
    assert moved["UID"] == before["UID"] and int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").hour == 12

    page = publish_change(page, status=Status.CANCELLED, status_note="Ведущая заболела.")
    cancelled = vevents(client.get(reverse("events:feed")).content)
    assert [str(e["UID"]) for e in cancelled] == [str(before["UID"])]
    assert cancelled[0]["STATUS"] == "CANCELLED" and int(cancelled[0]["SEQUENCE"]) == 2
    # an older draft published later cannot bring the counter back
    assert publish_change(page, summary="Уточнение.").sequence == 2


def test_a_feed_holds_upcoming_events_and_the_last_thirty_days_with_a_timezone_for_each_zone(client, index):
    today = timezone.localdate()
    old = make_event(index, start_date=today - dt.timedelta(days=40), time_zone="Europe/Kaliningrad")
    recent = make_event(index, start_date=today - dt.timedelta(days=20), time_zone="Asia/Kamchatka")
    coming = make_event(index, start_date=today + dt.timedelta(days=5), time_zone="Europe/Moscow")

    body = client.get(reverse("events:feed")).content
    uids = set(starts_icalendar(body))
    assert {str(e["UID"]) for e in vevents(_ics(client, recent))} <= uids
    assert {str(e["UID"]) for e in vevents(_ics(client, coming))} <= uids
    assert not {str(e["UID"]) for e in vevents(_ics(client, old))} & uids
    assert body.count(b"BEGIN:VTIMEZONE") == 2
    assert b"TZID:Asia/Kamchatka" in body and b"TZID:Europe/Moscow" in body


def test_feeds_per_region_audience_and_topic_and_conditional_get(client, index):
    online = make_event(index, topics=["communication"], audiences=("parents",))
    local = make_event(
        index, format="in-person", venue_address="ул. Мира, 1", regions=["39"], audiences=("specialists",)
    )
    uid = {page.pk: str(vevents(_ics(client, page))[0]["UID"]) for page in (online, local)}

    def feed(kind, value):
        return set(starts_icalendar(client.get(reverse("events:feed_for", args=[kind, value])).content))

    assert feed("region", "39") == {uid[online.pk], uid[local.pk]}  # online events count for every region
    assert feed("region", "54") == {uid[online.pk]}
    assert feed("audience", "specialists") == {uid[local.pk]}
    assert feed("topic", "communication") == {uid[online.pk]}
    assert client.get(reverse("events:feed_for", args=["region", "00"])).status_code == 404
    assert client.get(reverse("events:feed_for", args=["colour", "red"])).status_code == 404

    first = client.get(reverse("events:feed"))
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(reverse("events:feed"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(reverse("events:feed"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    publish_change(online, start_time=dt.time(15, 0), end_time=dt.time(16, 0))
    changed = client.get(reverse("events:feed"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
