"""The schedule in an event's own zone: a series with its exceptions, and times named for readers in other zones."""

import datetime as dt

from django.utils import translation

from events import schedule, zones
from events.times import clock, meeting_times

NOVOSIBIRSK = "Asia/Novosibirsk"


def test_a_series_every_second_tuesday_keeps_its_cancelled_and_moved_dates():
    start = schedule.local(dt.date(2026, 3, 10), dt.time(18, 0), NOVOSIBIRSK)
    changes = [
        schedule.Exception_(dt.date(2026, 3, 24), "cancelled", note="отпуск"),
        schedule.Exception_(dt.date(2026, 4, 7), "moved", dt.date(2026, 4, 9), dt.time(19, 0)),
    ]
    found = schedule.occurrences(start, dt.timedelta(minutes=90), "biweekly", dt.date(2026, 5, 5), changes)

    assert [(m.start.date().isoformat(), m.start.strftime("%H:%M")) for m in found] == [
        ("2026-03-10", "18:00"),
        ("2026-03-24", "18:00"),
        ("2026-04-09", "19:00"),
        ("2026-04-21", "18:00"),
        ("2026-05-05", "18:00"),
    ]
    assert [m.cancelled for m in found] == [False, True, False, False, False]
    assert found[2].moved and found[2].original_start.date() == dt.date(2026, 4, 7)
    assert found[2].end - found[2].start == dt.timedelta(minutes=90)
    assert schedule.rule_text("biweekly", start, dt.date(2026, 5, 5)) == (
        "FREQ=WEEKLY;UNTIL=20260505T165959Z;INTERVAL=2;BYDAY=TU"
    )


def test_a_monthly_series_is_on_the_same_weekday_of_the_month():
    start = schedule.local(dt.date(2026, 3, 10), dt.time(18, 0), NOVOSIBIRSK)  # the second Tuesday
    found = schedule.occurrences(start, dt.timedelta(hours=1), "monthly", dt.date(2026, 6, 30))
    assert [m.start.date().isoformat() for m in found] == ["2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09"]


def test_ten_in_vladivostok_is_three_in_moscow_for_a_moscow_reader():
    start = schedule.local(dt.date(2026, 5, 12), dt.time(10, 0), "Asia/Vladivostok")
    meeting = schedule.occurrences(start, dt.timedelta(minutes=90))[0]
    with translation.override("ru"):
        times = meeting_times(meeting, "Asia/Vladivostok", reader_zone="Europe/Moscow", online=True)
        assert times.own.time == "10:00–11:30" and times.own.zone == "Владивосток, МСК+7"
        assert times.reader.time == "03:00–04:30" and times.reader.zone == "Москва, МСК"
        assert times.own.date == "вторник, 12 мая 2026"
        # in person, or a reader in the same zone: only the event's own time
        assert meeting_times(meeting, "Asia/Vladivostok", "Europe/Moscow", online=False).reader is None
        assert meeting_times(meeting, "Asia/Vladivostok", "Asia/Vladivostok", online=True).reader is None


def test_the_eleven_zones_from_kaliningrad_to_kamchatka():
    at = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    with translation.override("ru"):
        labels = [label for _name, label in zones.zone_choices(at)]
        assert len(labels) == 11
        assert labels[0] == "Калининград (МСК−1, UTC+2)" and labels[-1] == "Петропавловск-Камчатский (МСК+9, UTC+12)"
        assert clock(at, at + dt.timedelta(days=1, hours=2), "Europe/Kaliningrad").time == "02:00 – 2 июня, 04:00"
    assert zones.subject_zone("54") == NOVOSIBIRSK and zones.subject_zone("") == "Europe/Moscow"
