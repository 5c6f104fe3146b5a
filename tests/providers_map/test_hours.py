import datetime as dt
import zoneinfo

import pytest

from providers_map.hours import (
    DAYS,
    format_hours,
    is_open_at,
    parse_hours,
    region_timezone,
    validate_hours,
    weekly_rows,
)

WEEKDAYS_9_18 = {day: [["09:00", "18:00"]] for day in DAYS[:5]}


def test_parse_typical_registry_text():
    hours = parse_hours("Пн-Пт 09:00-18:00; Сб 10:00-14:00")
    assert hours == {**WEEKDAYS_9_18, "sat": [["10:00", "14:00"]], "sun": []}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("пн - пт 9.00 – 18.00", WEEKDAYS_9_18),
        (
            "Пн., Ср. 9:00-13:00, 14:00-18:00",
            {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "wed": [["09:00", "13:00"], ["14:00", "18:00"]]},
        ),
        ("Понедельник: 08:30-17:00\nПятница 08:30-16:00", {"mon": [["08:30", "17:00"]], "fri": [["08:30", "16:00"]]}),
        ("Ежедневно 10:00-20:00", {day: [["10:00", "20:00"]] for day in DAYS}),
        ("Пн-Пт круглосуточно; Сб-Вс выходной", {day: [["00:00", "24:00"]] for day in DAYS[:5]}),
        ("Вс 10:00-24:00", {"sun": [["10:00", "24:00"]]}),
        ("Пн-Пт: 9:00-18:00, Сб: 10:00-14:00", {**WEEKDAYS_9_18, "sat": [["10:00", "14:00"]]}),
        ("Пн-Пт с 9.00 до 18.00", WEEKDAYS_9_18),
        ("Вс с 10:00 до 14:00", {"sun": [["10:00", "14:00"]]}),
        (
            "Пн-Пт 09:00-18:00, перерыв 13:00-14:00",
            {day: [["09:00", "13:00"], ["14:00", "18:00"]] for day in DAYS[:5]},
        ),
        ("ПН-ЧТ 08:30-17:30 обед 12:30-13:00", {d: [["08:30", "12:30"], ["13:00", "17:30"]] for d in DAYS[:4]}),
        ("", {}),
    ],
)
def test_parse_accepts_common_spellings(text, expected):
    hours = parse_hours(text)
    assert set(hours) == set(DAYS)
    assert {day: v for day, v in hours.items() if v} == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Пн-Пт", "разобрать"),
        ("Пн-Пт 9-18", "время"),
        ("Пн-Пт 18:00-09:00", "конец раньше начала"),
        ("Пн-Пт 09:00-25:00", "Неверное время"),
        ("Пн-Пт 09:00-18:70", "Неверное время"),
        ("Пт-Пн 09:00-18:00", "не по порядку"),
        ("Пн-Пт 09:00-18:00; Пт 10:00-12:00", "дважды"),
        ("Пн 09:00-13:00, 12:00-18:00", "пересекаются"),
        ("Будни 09:00-18:00", "день недели"),
        ("Пн, Ср", "не указано время"),
        ("перерыв 13:00-14:00", "раньше часов работы"),
        ("Пн-Пт 09:00-18:00, перерыв 19:00-20:00", "не попадает"),
    ],
)
def test_parse_rejects_with_russian_message(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_hours(text)


@pytest.mark.parametrize(
    "text",
    [
        "Пн-Пт 09:00-18:00; Сб 10:00-14:00",
        "Пн 09:00-13:00, 14:00-18:00; Ср 09:00-18:00; Пт 09:00-16:00",
        "Пн-Вс 10:00-20:00",
        "Пн-Пт круглосуточно",
        "Вт-Чт 08:00-17:00; Сб-Вс 10:00-14:00",
    ],
)
def test_format_round_trips(text):
    assert format_hours(parse_hours(text)) == text


def test_format_groups_consecutive_days_only():
    hours = {"mon": [["09:00", "18:00"]], "tue": [], "wed": [["09:00", "18:00"]]}
    assert format_hours(hours) == "Пн 09:00-18:00; Ср 09:00-18:00"
    assert format_hours({}) == ""


def test_is_open_at_uses_local_time_of_the_zone():
    hours = parse_hours("Пн-Пт 09:00-18:00")
    novosibirsk = zoneinfo.ZoneInfo("Asia/Novosibirsk")
    monday_10_local = dt.datetime(2026, 11, 23, 10, 0, tzinfo=novosibirsk)
    assert is_open_at(hours, monday_10_local, tz=novosibirsk)
    # 10:00 in Novosibirsk is 06:00 in Moscow: closed by Moscow time
    assert not is_open_at(hours, monday_10_local, tz="Europe/Moscow")
    assert not is_open_at(hours, dt.datetime(2026, 11, 23, 18, 0), tz=novosibirsk)  # the end is exclusive
    assert is_open_at(hours, dt.datetime(2026, 11, 23, 17, 59))
    assert not is_open_at(hours, dt.datetime(2026, 11, 28, 12, 0))  # Saturday
    assert not is_open_at({}, dt.datetime(2026, 11, 23, 12, 0))


def test_region_timezones():
    assert str(region_timezone("54")) == "Asia/Novosibirsk"
    assert str(region_timezone("77")) == "Europe/Moscow"
    assert str(region_timezone("39")) == "Europe/Kaliningrad"
    assert str(region_timezone("87")) == "Asia/Kamchatka"
    assert str(region_timezone(None)) == "Europe/Moscow"


def test_weekly_rows_for_templates():
    rows = weekly_rows(parse_hours("Пн-Пт 09:00-18:00"), today=dt.date(2026, 11, 28))
    assert [r["short"] for r in rows] == ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
    assert rows[0]["text"] == "09:00–18:00" and not rows[0]["closed"]
    assert rows[5]["closed"] and rows[5]["text"] == "выходной" and rows[5]["is_today"]


def test_validate_hours_rejects_broken_structures():
    assert validate_hours({"mon": [["9:00", "18:00"]]})["mon"] == [["09:00", "18:00"]]
    for broken in ({"monday": []}, {"mon": "09:00-18:00"}, {"mon": [["18:00", "09:00"]]}, ["mon"]):
        with pytest.raises(ValueError):
            validate_hours(broken)
