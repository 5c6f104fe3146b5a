"""Russia's eleven time zones and how a time is named to a reader: «10:00 (Владивосток, МСК+7)».

An event's wall-clock time is entered in its own zone: the one an editor picks from the eleven below, or its
federal subject's (`core.regions.region_timezone`, e.g. Asia/Novosibirsk). City names are data (proper names),
like the federal subjects' names.
"""

import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _

from core.regions import DEFAULT_TIMEZONE, region_timezone

MOSCOW = zoneinfo.ZoneInfo(DEFAULT_TIMEZONE)

# One zone per UTC offset, west to east (UTC+2 … UTC+12).
ELEVEN_ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)
CITIES = {
    "Europe/Kaliningrad": "Калининград",
    "Europe/Moscow": "Москва",
    "Europe/Samara": "Самара",
    "Europe/Astrakhan": "Астрахань",
    "Europe/Saratov": "Саратов",
    "Europe/Ulyanovsk": "Ульяновск",
    "Asia/Yekaterinburg": "Екатеринбург",
    "Asia/Omsk": "Омск",
    "Asia/Novosibirsk": "Новосибирск",
    "Asia/Barnaul": "Барнаул",
    "Asia/Tomsk": "Томск",
    "Asia/Novokuznetsk": "Новокузнецк",
    "Asia/Krasnoyarsk": "Красноярск",
    "Asia/Irkutsk": "Иркутск",
    "Asia/Chita": "Чита",
    "Asia/Yakutsk": "Якутск",
    "Asia/Vladivostok": "Владивосток",
    "Asia/Sakhalin": "Южно-Сахалинск",
    "Asia/Magadan": "Магадан",
    "Asia/Kamchatka": "Петропавловск-Камчатский",
}


def moscow_offset(zone_name, at):
    """Hours ahead of Moscow at the instant `at` («МСК+7» → 7)."""
    local = at.astimezone(zoneinfo.ZoneInfo(zone_name)).utcoffset()
    return int((local - at.astimezone(MOSCOW).utcoffset()).total_seconds() // 3600)


def msk_label(zone_name, at):
    """«МСК», «МСК+7», «МСК−1» (a real minus sign)."""
    hours = moscow_offset(zone_name, at)
    if hours == 0:
        return _("MSK")
    return f"{_('MSK')}{'+' if hours > 0 else '−'}{abs(hours)}"


def zone_label(zone_name, at):
    """«Владивосток, МСК+7»: where the clock is and how far it is from Moscow's."""
    return f"{CITIES.get(zone_name, zone_name)}, {msk_label(zone_name, at)}"


def zone_choices(at):
    """The eleven zones as choices for editors: («Asia/Vladivostok», «Владивосток (МСК+7, UTC+10)»)."""
    choices = []
    for name in ELEVEN_ZONES:
        utc = int(at.astimezone(zoneinfo.ZoneInfo(name)).utcoffset().total_seconds() // 3600)
        choices.append((name, f"{CITIES[name]} ({msk_label(name, at)}, UTC+{utc})"))
    return choices


def subject_zone(region_code):
    """The IANA zone name of a federal subject."""
    return str(region_timezone(region_code))


def zone_field_choices():
    """The model field's choices (a callable: labels are made in the reader's language when a form needs them)."""
    return zone_choices(timezone.now())
