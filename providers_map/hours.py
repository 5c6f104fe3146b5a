"""Structured opening hours: {"mon": [["09:00", "18:00"]], ..., "sun": []}.

Pure helpers shared by the editor, the import/export pipeline and the public pages. The text form is the
one Russian registries use: "Пн-Пт 09:00-18:00; Сб 10:00-14:00". A day absent from the dict or with an
empty list is a day off. An interval may end at "24:00"; intervals never cross midnight (split them).

Time zones: a location's hours are local time, in its federal subject's zone (`core.regions.region_timezone`).
"""

import datetime as dt
import re
import zoneinfo

from core.regions import DEFAULT_TIMEZONE, REGION_TIMEZONES, region_timezone  # noqa: F401 (used here and re-exported)
from search.text import fold

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_ABBR = {"mon": "Пн", "tue": "Вт", "wed": "Ср", "thu": "Чт", "fri": "Пт", "sat": "Сб", "sun": "Вс"}
DAY_NAMES = {
    "mon": "Понедельник",
    "tue": "Вторник",
    "wed": "Среда",
    "thu": "Четверг",
    "fri": "Пятница",
    "sat": "Суббота",
    "sun": "Воскресенье",
}
# Spellings accepted on input (lower-case, ё→е): abbreviations, full names and English codes.
_DAY_ALIASES = {
    "mon": ("пн", "пон", "понедельник", "mon"),
    "tue": ("вт", "вто", "вторник", "tue"),
    "wed": ("ср", "сре", "среда", "wed"),
    "thu": ("чт", "чет", "четверг", "thu"),
    "fri": ("пт", "пят", "пятница", "fri"),
    "sat": ("сб", "суб", "суббота", "sat"),
    "sun": ("вс", "вос", "воскресенье", "sun"),
}
DAY_LOOKUP = {alias: code for code, aliases in _DAY_ALIASES.items() for alias in aliases}
EVERY_DAY_WORDS = ("ежедневно", "без выходных", "каждый день")
CLOSED_WORDS = ("выходной", "выходные", "закрыто", "не работает")
ROUND_THE_CLOCK_WORDS = ("круглосуточно",)


_TIME = r"(\d{1,2})[:.](\d{2})"
_INTERVAL = re.compile(rf"^{_TIME}\s*[-–—]\s*{_TIME}$")
_DAY_RANGE = re.compile(r"^([^\W\d_]+)\.?\s*[-–—]\s*([^\W\d_]+)\.?$")


def empty_hours():
    return {day: [] for day in DAYS}


def _day(word, original):
    code = DAY_LOOKUP.get(word.strip().rstrip("."))
    if code is None:
        raise ValueError(f"Не удалось распознать день недели «{word.strip()}» в «{original}». Пишите так: Пн-Пт.")
    return code


def _parse_days(spec, original):
    spec = spec.strip()
    if spec in EVERY_DAY_WORDS:
        return list(DAYS)
    days = []
    for part in re.split(r"\s*,\s*", spec):
        match = _DAY_RANGE.match(part)
        if match:
            first, last = DAYS.index(_day(match[1], original)), DAYS.index(_day(match[2], original))
            if last < first:
                raise ValueError(f"Дни «{part}» идут не по порядку: пишите от понедельника к воскресенью.")
            days.extend(DAYS[first : last + 1])
        else:
            days.append(_day(part, original))
    return days


def _normal_time(hours, minutes, original):
    hours, minutes = int(hours), int(minutes)
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f"Неверное время «{original}»: часы от 00 до 24, минуты от 00 до 59.")
    return f"{hours:02d}:{minutes:02d}"


def _parse_intervals(spec, original):
    spec = spec.strip()
    if spec in CLOSED_WORDS:
        return []
    if spec in ROUND_THE_CLOCK_WORDS:
        return [["00:00", "24:00"]]
    intervals = []
    for part in re.split(r"\s*,\s*", spec):
        match = _INTERVAL.match(part)
        if not match:
            raise ValueError(f"Не удалось распознать время «{part}» в «{original}». Пишите так: 09:00-18:00.")
        start = _normal_time(match[1], match[2], part)
        end = _normal_time(match[3], match[4], part)
        if end <= start:
            raise ValueError(f"В интервале «{part}» конец раньше начала: разделите ночную смену на два дня.")
        intervals.append([start, end])
    intervals.sort()
    for (_, prev_end), (next_start, _) in zip(intervals, intervals[1:], strict=False):
        if next_start < prev_end:
            raise ValueError(f"Интервалы времени в «{original}» пересекаются.")
    return intervals


_GROUP = re.compile(r"^(.*?[^\W\d_]\.?)\s*(:\s*)?(\d.*|выходн\w*|закрыто|не работает|круглосуточно)$")
_TIMES_FIRST = re.compile(r"^(\d|выходн|закрыто|не работает|круглосуточно)")
_BREAK = re.compile(r"^(перерыв|обед)\w*\s*:?\s*(.+)$")


def _normalise_text(part):
    """Lower-case, ё→е, "с 9:00 до 18:00" → "9:00-18:00", a break after the hours → its own chunk."""
    low = fold(part)
    low = re.sub(r"(?<![^\W\d_])с\s+(?=\d)", "", low)
    low = re.sub(r"\s+(?=(перерыв|обед))", ", ", low)  # "9:00-18:00 обед 13:00-14:00": the break is a chunk
    return re.sub(r"\s+до\s+(?=\d)", "-", low)


def _split_groups(part):
    """Split one ";"-separated part into groups {days, times, breaks}; commas may separate groups too."""
    groups, pending_days, current = [], [], None
    for chunk in (c.strip() for c in _normalise_text(part).split(",")):
        if not chunk:
            continue
        if brk := _BREAK.match(chunk):
            if current is None:
                raise ValueError(f"В «{part}» перерыв указан раньше часов работы.")
            current["breaks"].append(brk[2])
        elif _TIMES_FIRST.match(chunk):
            if current is None or pending_days:
                raise ValueError(f"Не удалось разобрать «{part}». Пример: Пн-Пт 09:00-18:00; Сб 10:00-14:00.")
            current["times"].append(chunk)
        elif match := _GROUP.match(chunk):
            current = {"days": ", ".join([*pending_days, match[1]]), "times": [match[3]], "breaks": []}
            groups.append(current)
            pending_days = []
        else:
            pending_days.append(chunk)  # days only ("Пн, Ср 9:00-18:00"): their hours follow
    if pending_days:
        raise ValueError(f"Не удалось разобрать «{part}»: для дней не указано время. Пример: Пн-Пт 09:00-18:00.")
    return groups


def _without_breaks(intervals, breaks, original):
    for start, end in _parse_intervals(", ".join(breaks), original) if breaks else []:
        for index, (open_at, close_at) in enumerate(intervals):
            if open_at < start and end < close_at:
                intervals[index : index + 1] = [[open_at, start], [end, close_at]]
                break
        else:
            raise ValueError(f"Перерыв {start}-{end} в «{original}» не попадает в часы работы.")
    return intervals


def parse_hours(text):
    """Parse "Пн-Пт 09:00-18:00; Сб 10:00-14:00" into the structured dict (ValueError in Russian on errors).

    Groups are separated by ";", new lines or commas; a group is days then times: "Пн, Ср 9:00-13:00,
    14:00-18:00", "Пн-Пт с 9:00 до 18:00, перерыв 13:00-14:00", "Ежедневно 10:00-20:00", "Сб-Вс выходной",
    "Пн-Пт круглосуточно". An empty text means "not specified".
    """
    hours = empty_hours()
    seen = set()
    for part in re.split(r"[;\n]+", str(text or "")):
        part = part.strip()
        if not part:
            continue
        for group in _split_groups(part):
            days = _parse_days(group["days"], part)
            intervals = _without_breaks(_parse_intervals(", ".join(group["times"]), part), group["breaks"], part)
            repeated = seen.intersection(days)
            if repeated:
                names = ", ".join(DAY_ABBR[d] for d in DAYS if d in repeated)
                raise ValueError(f"День указан дважды: {names}.")
            seen.update(days)
            for day in days:
                hours[day] = [list(i) for i in intervals]
    return hours


def validate_hours(hours):
    """Check the stored structure; returns a normalised copy or raises ValueError."""
    if hours in (None, ""):
        return empty_hours()
    if not isinstance(hours, dict):
        raise ValueError("Часы работы должны быть словарём по дням недели.")
    unknown = set(hours) - set(DAYS)
    if unknown:
        raise ValueError(f"Неизвестные дни недели: {', '.join(sorted(map(str, unknown)))}.")
    text = format_hours_loose(hours)
    return parse_hours(text)


def format_hours_loose(hours):
    groups = []
    for day in DAYS:
        intervals = hours.get(day) or []
        if not isinstance(intervals, list) or not all(isinstance(i, (list, tuple)) and len(i) == 2 for i in intervals):
            raise ValueError(f"Неверный формат часов для дня «{DAY_ABBR[day]}».")
        if intervals:
            groups.append(f"{DAY_ABBR[day]} " + ", ".join(f"{a}-{b}" for a, b in intervals))
    return "; ".join(groups)


def _intervals_text(intervals, dash="-"):
    if intervals == [["00:00", "24:00"]]:
        return "круглосуточно"
    return ", ".join(f"{start}{dash}{end}" for start, end in intervals)


def format_hours(hours):
    """The text form of `hours`, grouping consecutive days with equal hours; days off are omitted."""
    hours = hours or {}
    groups = []
    run = []
    for day in (*DAYS, None):
        intervals = [list(i) for i in (hours.get(day) or [])] if day else None
        if run and (day is None or intervals != run[0][1]):
            first, last = run[0][0], run[-1][0]
            days = DAY_ABBR[first] if first == last else f"{DAY_ABBR[first]}-{DAY_ABBR[last]}"
            if run[0][1]:
                groups.append(f"{days} {_intervals_text(run[0][1])}")
            run = []
        if day is not None:
            run.append((day, intervals))
    return "; ".join(groups)


def has_hours(hours):
    return any((hours or {}).get(day) for day in DAYS)


def is_open_at(hours, when, tz=None):
    """Whether a location with `hours` is open at `when`.

    An aware `when` is converted to `tz` (a tzinfo or IANA name; default Europe/Moscow) first; a naive one
    is taken as local time already.
    """
    if when.tzinfo is not None:
        zone = zoneinfo.ZoneInfo(tz) if isinstance(tz, str) else (tz or zoneinfo.ZoneInfo(DEFAULT_TIMEZONE))
        when = when.astimezone(zone)
    day = DAYS[when.weekday()]
    now = when.strftime("%H:%M")
    return any(start <= now < end for start, end in (hours or {}).get(day) or [])


def weekly_rows(hours, today=None):
    """Rows for a Monday-first table: code, name, short name, intervals, text, closed, is_today."""
    hours = hours or {}
    today_code = DAYS[today.weekday()] if isinstance(today, (dt.date, dt.datetime)) else None
    rows = []
    for day in DAYS:
        intervals = [list(i) for i in (hours.get(day) or [])]
        rows.append(
            {
                "code": day,
                "name": DAY_NAMES[day],
                "short": DAY_ABBR[day],
                "intervals": intervals,
                "text": _intervals_text(intervals, dash="–") if intervals else "выходной",
                "closed": not intervals,
                "is_today": day == today_code,
            }
        )
    return rows
