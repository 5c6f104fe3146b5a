"""The inverse of the mapping's encodings, for importers of HSDS data (ours or another portal's).

`hours_from_schedules(schedules)` rebuilds the per-weekday opening hours from weekly schedule rules;
`months(years)` turns an HSDS age back into months; `codes_by_taxonomy(attributes, vocabulary)` reads which
of our terms a record carries. Unknown or foreign values raise ValueError with a message an operator can act on.
"""

from providers_map import hours as hours_lib

from .mapping import RRULE_DAYS
from .texts import months

__all__ = ["codes_by_taxonomy", "hours_from_schedules", "months"]

DAY_CODES = {rrule: day for day, rrule in RRULE_DAYS.items()}


def _local_time(value):
    """'09:00+07:00', '09:00:00', '09:00Z' → '09:00' (the mapping writes local time with the zone's offset)."""
    text = str(value or "").strip()
    if len(text) < 5 or text[2] != ":" or not (text[:2] + text[3:5]).isdecimal():
        raise ValueError(f"Неверное время «{text}»: ожидается ЧЧ:ММ.")
    return text[:5]


def hours_from_schedules(schedules):
    """Opening hours {"mon": [["09:00", "18:00"]], …} from HSDS schedules with freq WEEKLY and byday."""
    hours = hours_lib.empty_hours()
    for schedule in schedules:
        if str(schedule.get("freq") or "WEEKLY").upper() != "WEEKLY":
            raise ValueError("Поддерживаются только еженедельные расписания (freq WEEKLY).")
        opens, closes = _local_time(schedule.get("opens_at")), _local_time(schedule.get("closes_at"))
        for part in str(schedule.get("byday") or "").split(","):
            code = DAY_CODES.get(part.strip().upper())
            if code is None:
                raise ValueError(f"Неизвестный день недели «{part.strip()}» в расписании.")
            hours[code].append([opens, closes])
    for day in hours_lib.DAYS:
        hours[day].sort()
    return hours_lib.validate_hours(hours)


def codes_by_taxonomy(attributes, vocabulary):
    """{taxonomy key: [codes]} for attribute records (flat or nested) whose terms are ours; others are skipped."""
    found = {}
    for attribute in attributes:
        key_code = vocabulary.lookup(attribute.get("taxonomy_term_id"))
        if key_code:
            found.setdefault(key_code[0], []).append(key_code[1])
    return found
