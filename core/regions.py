"""The 89 federal subjects of the Russian Federation with their tax-service codes and federal districts.

Used to seed the Region taxonomy; the list is fixed by the Constitution, so it is data, not content.
"""

import zoneinfo

CENTRAL = "Центральный"
NORTHWEST = "Северо-Западный"
SOUTH = "Южный"
CAUCASUS = "Северо-Кавказский"
VOLGA = "Приволжский"
URAL = "Уральский"
SIBERIA = "Сибирский"
FAR_EAST = "Дальневосточный"

# (code, name, federal district)
FEDERAL_SUBJECTS = [
    ("01", "Республика Адыгея", SOUTH),
    ("02", "Республика Башкортостан", VOLGA),
    ("03", "Республика Бурятия", FAR_EAST),
    ("04", "Республика Алтай", SIBERIA),
    ("05", "Республика Дагестан", CAUCASUS),
    ("06", "Республика Ингушетия", CAUCASUS),
    ("07", "Кабардино-Балкарская Республика", CAUCASUS),
    ("08", "Республика Калмыкия", SOUTH),
    ("09", "Карачаево-Черкесская Республика", CAUCASUS),
    ("10", "Республика Карелия", NORTHWEST),
    ("11", "Республика Коми", NORTHWEST),
    ("12", "Республика Марий Эл", VOLGA),
    ("13", "Республика Мордовия", VOLGA),
    ("14", "Республика Саха (Якутия)", FAR_EAST),
    ("15", "Республика Северная Осетия — Алания", CAUCASUS),
    ("16", "Республика Татарстан", VOLGA),
    ("17", "Республика Тыва", SIBERIA),
    ("18", "Удмуртская Республика", VOLGA),
    ("19", "Республика Хакасия", SIBERIA),
    ("20", "Чеченская Республика", CAUCASUS),
    ("21", "Чувашская Республика", VOLGA),
    ("22", "Алтайский край", SIBERIA),
    ("23", "Краснодарский край", SOUTH),
    ("24", "Красноярский край", SIBERIA),
    ("25", "Приморский край", FAR_EAST),
    ("26", "Ставропольский край", CAUCASUS),
    ("27", "Хабаровский край", FAR_EAST),
    ("28", "Амурская область", FAR_EAST),
    ("29", "Архангельская область", NORTHWEST),
    ("30", "Астраханская область", SOUTH),
    ("31", "Белгородская область", CENTRAL),
    ("32", "Брянская область", CENTRAL),
    ("33", "Владимирская область", CENTRAL),
    ("34", "Волгоградская область", SOUTH),
    ("35", "Вологодская область", NORTHWEST),
    ("36", "Воронежская область", CENTRAL),
    ("37", "Ивановская область", CENTRAL),
    ("38", "Иркутская область", SIBERIA),
    ("39", "Калининградская область", NORTHWEST),
    ("40", "Калужская область", CENTRAL),
    ("41", "Камчатский край", FAR_EAST),
    ("42", "Кемеровская область — Кузбасс", SIBERIA),
    ("43", "Кировская область", VOLGA),
    ("44", "Костромская область", CENTRAL),
    ("45", "Курганская область", URAL),
    ("46", "Курская область", CENTRAL),
    ("47", "Ленинградская область", NORTHWEST),
    ("48", "Липецкая область", CENTRAL),
    ("49", "Магаданская область", FAR_EAST),
    ("50", "Московская область", CENTRAL),
    ("51", "Мурманская область", NORTHWEST),
    ("52", "Нижегородская область", VOLGA),
    ("53", "Новгородская область", NORTHWEST),
    ("54", "Новосибирская область", SIBERIA),
    ("55", "Омская область", SIBERIA),
    ("56", "Оренбургская область", VOLGA),
    ("57", "Орловская область", CENTRAL),
    ("58", "Пензенская область", VOLGA),
    ("59", "Пермский край", VOLGA),
    ("60", "Псковская область", NORTHWEST),
    ("61", "Ростовская область", SOUTH),
    ("62", "Рязанская область", CENTRAL),
    ("63", "Самарская область", VOLGA),
    ("64", "Саратовская область", VOLGA),
    ("65", "Сахалинская область", FAR_EAST),
    ("66", "Свердловская область", URAL),
    ("67", "Смоленская область", CENTRAL),
    ("68", "Тамбовская область", CENTRAL),
    ("69", "Тверская область", CENTRAL),
    ("70", "Томская область", SIBERIA),
    ("71", "Тульская область", CENTRAL),
    ("72", "Тюменская область", URAL),
    ("73", "Ульяновская область", VOLGA),
    ("74", "Челябинская область", URAL),
    ("75", "Забайкальский край", FAR_EAST),
    ("76", "Ярославская область", CENTRAL),
    ("77", "Москва", CENTRAL),
    ("78", "Санкт-Петербург", NORTHWEST),
    ("79", "Еврейская автономная область", FAR_EAST),
    ("83", "Ненецкий автономный округ", NORTHWEST),
    ("86", "Ханты-Мансийский автономный округ — Югра", URAL),
    ("87", "Чукотский автономный округ", FAR_EAST),
    ("89", "Ямало-Ненецкий автономный округ", URAL),
    ("90", "Запорожская область", SOUTH),
    ("91", "Республика Крым", SOUTH),
    ("92", "Севастополь", SOUTH),
    ("93", "Донецкая Народная Республика", SOUTH),
    ("94", "Луганская Народная Республика", SOUTH),
    ("95", "Херсонская область", SOUTH),
]


# The IANA zone of each federal subject (one per subject; the few that span two zones use their capital's);
# anything unknown falls back to Moscow time.
DEFAULT_TIMEZONE = "Europe/Moscow"
_ZONES = {
    "Europe/Kaliningrad": ("39",),
    "Europe/Samara": ("18", "63"),
    "Europe/Astrakhan": ("30",),
    "Europe/Saratov": ("64",),
    "Europe/Ulyanovsk": ("73",),
    "Asia/Yekaterinburg": ("02", "45", "56", "59", "66", "72", "74", "86", "89"),
    "Asia/Omsk": ("55",),
    "Asia/Novosibirsk": ("54",),
    "Asia/Barnaul": ("04", "22"),
    "Asia/Tomsk": ("70",),
    "Asia/Novokuznetsk": ("42",),
    "Asia/Krasnoyarsk": ("17", "19", "24"),
    "Asia/Irkutsk": ("03", "38"),
    "Asia/Chita": ("75",),
    "Asia/Yakutsk": ("14", "28"),
    "Asia/Vladivostok": ("25", "27", "79"),
    "Asia/Sakhalin": ("65",),
    "Asia/Magadan": ("49",),
    "Asia/Kamchatka": ("41", "87"),
}
REGION_TIMEZONES = {code: zone for zone, codes in _ZONES.items() for code in codes}


def region_timezone(region_code):
    return zoneinfo.ZoneInfo(REGION_TIMEZONES.get(str(region_code or ""), DEFAULT_TIMEZONE))
