"""The spreadsheet column layout shared by import, export, the templates and the documentation.

One row = one location of an organisation. Organisation columns repeat on every row of the same
organisation; cells with several values separate them with ";". Headers are Russian; the importer also
accepts them in any letter case, with ё written as е and with a trailing "*" (the template marks required
columns so), and the English keys below for machine-made files.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from search.text import fold

ROW = "row"
ORGANISATION = "organisation"
SERVICES = "services"
LOCATION = "location"

# Row kinds («Вид строки»): an organisation without an address, an address (the default), one service.
KIND_ORGANISATION, KIND_LOCATION, KIND_SERVICE = "organisation", "location", "service"


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Russian: it is the data format, not UI text, so it never changes with the language
    level: str
    required: bool
    help: str
    example: str


COLUMNS = (
    Column(
        "row_kind",
        "Вид строки",
        ROW,
        False,
        _(
            "“адрес” (or empty): an address of the organisation; “услуга”: one service with its own ages, "
            "concerns and languages; “организация”: an organisation without an address."
        ),
        "адрес",
    ),
    Column(
        "name",
        "Полное наименование",
        ORGANISATION,
        True,
        _("The full official name."),
        "ГБУ НСО «Областной центр ранней помощи»",
    ),
    Column(
        "short_name", "Краткое наименование", ORGANISATION, False, _("The name families know."), "Центр ранней помощи"
    ),
    Column("inn", "ИНН", ORGANISATION, False, _("10 or 12 digits; the INN or the OGRN is required."), "5406123450"),
    Column(
        "ogrn",
        "ОГРН",
        ORGANISATION,
        False,
        _("13 or 15 digits; a repeated import finds the organisation by it (by the INN when there is no OGRN)."),
        "1025400000009",
    ),
    Column(
        "ownership", "Форма собственности", ORGANISATION, True, _("One of the values listed below."), "государственная"
    ),
    Column("sector", "Ведомство", ORGANISATION, True, _("One of the values listed below."), "социальная защита"),
    Column(
        "website",
        "Сайт",
        ORGANISATION,
        False,
        _("The address of the website; https:// is added when missing."),
        "https://example.ru",
    ),
    Column("email", "Электронная почта", ORGANISATION, False, _("One e-mail address."), "info@example.ru"),
    Column(
        "phones",
        "Телефоны",
        ORGANISATION,
        False,
        _("Russian numbers separated by “;”."),
        "+7 383 222-33-44; 8 913 000-00-00",
    ),
    Column(
        "description",
        "Описание",
        ORGANISATION,
        True,
        _("Two or three plain-language sentences: who the organisation helps and how."),
        "Помогаем семьям с детьми до 3 лет.",
    ),
    Column(
        "how_to_get_help",
        "Как получить помощь",
        ORGANISATION,
        True,
        _("The first steps for a family."),
        "Позвоните и запишитесь на первичный приём.",
    ),
    Column(
        "referral_required",
        "Направление",
        ORGANISATION,
        False,
        _("Whether a referral is needed; empty means not needed."),
        "не нужно",
    ),
    Column(
        "documents",
        "Документы",
        ORGANISATION,
        False,
        _("Documents to bring, separated by “;”."),
        "свидетельство о рождении ребёнка; паспорт родителя",
    ),
    Column("cost", "Стоимость", ORGANISATION, False, _("Empty means free of charge."), "бесплатно"),
    Column("cost_note", "Примечание о стоимости", ORGANISATION, False, _("Free text."), ""),
    Column(
        "in_official_registry", "В региональном реестре", ORGANISATION, False, _("Yes or no; empty means no."), "да"
    ),
    Column(
        "verified_at",
        "Дата проверки",
        ORGANISATION,
        False,
        _("The date a person confirmed the data: a date cell or DD.MM.YYYY."),
        "15.03.2026",
    ),
    Column("status", "Статус", ORGANISATION, False, _("Empty means open."), "работает"),
    Column(
        "services",
        "Услуги",
        SERVICES,
        False,
        _("Early-care services by name or code, separated by “;”."),
        "determining-need; Консультирование семьи",
    ),
    Column(
        "service_description",
        "Описание услуги",
        SERVICES,
        False,
        _("On a service row: what exactly happens, in plain language."),
        "",
    ),
    Column(
        "age_min_months",
        "Возраст от, мес.",
        SERVICES,
        False,
        _("The youngest age served, in months; empty means 0."),
        "0",
    ),
    Column(
        "age_max_months",
        "Возраст до, мес.",
        SERVICES,
        False,
        _("The oldest age served, in months; empty means 36."),
        "36",
    ),
    Column(
        "concerns",
        "Нарушения развития",
        SERVICES,
        False,
        _("Developmental concerns by name or code, separated by “;”; empty means any child."),
        "",
    ),
    Column(
        "languages",
        "Языки",
        SERVICES,
        False,
        _("Languages by name or code, separated by “;”; empty means Russian."),
        "",
    ),
    Column("location_name", "Филиал", LOCATION, False, _("The branch name; empty for the main office."), ""),
    Column(
        "region", "Регион", LOCATION, True, _("The federal subject by name or two-digit code."), "Новосибирская область"
    ),
    Column("locality", "Населённый пункт", LOCATION, True, _("City, town or village."), "Новосибирск"),
    Column(
        "address",
        "Адрес",
        LOCATION,
        True,
        _("Street and building without the region and the locality; a repeated import finds the location by it."),
        "ул. Ленина, д. 1",
    ),
    Column("postcode", "Индекс", LOCATION, False, _("Six digits."), "630000"),
    Column(
        "latitude",
        "Широта",
        LOCATION,
        False,
        _("Decimal degrees, for example 55.0302; empty means the locality from the gazetteer is used."),
        "",
    ),
    Column("longitude", "Долгота", LOCATION, False, _("Decimal degrees, filled together with the latitude."), ""),
    Column(
        "coordinates_approximate",
        "Координаты приблизительные",
        LOCATION,
        False,
        _("Yes when the point marks the locality rather than the building."),
        "",
    ),
    Column(
        "coordinates_source",
        "Источник координат",
        LOCATION,
        False,
        _(
            "Where the point comes from; empty: from the file, or from the gazetteer when there are no "
            "coordinates; “не указаны”: the address has no point."
        ),
        "",
    ),
    Column(
        "opening_hours",
        "Часы работы",
        LOCATION,
        False,
        _("Days and hours, groups separated by “;”."),
        "Пн-Пт 09:00-18:00; Сб 10:00-14:00",
    ),
    Column(
        "accessibility",
        "Доступность помещения",
        LOCATION,
        False,
        _("Accessibility features separated by “;”."),
        "вход без ступенек или пандус; лифт",
    ),
    Column(
        "delivery_modes",
        "Формы работы",
        LOCATION,
        False,
        _("How services are delivered, separated by “;”."),
        "в центре; на дому",
    ),
)

BY_KEY = {column.key: column for column in COLUMNS}
HEADERS = [column.header for column in COLUMNS]
REQUIRED_KEYS = [column.key for column in COLUMNS if column.required]
ORGANISATION_KEYS = [column.key for column in COLUMNS if column.level in (ORGANISATION, SERVICES)]
ORGANISATION_ONLY_KEYS = [column.key for column in COLUMNS if column.level == ORGANISATION]
SERVICE_KEYS = [column.key for column in COLUMNS if column.level == SERVICES]
LOCATION_KEYS = [column.key for column in COLUMNS if column.level == LOCATION]
SEPARATOR = ";"


def normalise_header(text):
    text = fold(text)  # also drops the byte-order mark
    text = re.sub(r"\s+", " ", text).strip().rstrip("*").strip()
    return text


_HEADER_LOOKUP = {}
for _column in COLUMNS:
    _HEADER_LOOKUP[normalise_header(_column.header)] = _column.key
    _HEADER_LOOKUP[_column.key] = _column.key


# Columns only machine-made files have (the HSDS reader's): the entries' identifiers, page slug, last change.
HIDDEN_KEYS = ("organisation_uuid", "location_uuid", "service_uuid", "slug", "last_modified")
for _key in HIDDEN_KEYS:
    _HEADER_LOOKUP[f"_{_key}"] = _key


def column_for_header(text):
    """The column key for a header cell, or None when the header is not part of the layout."""
    return _HEADER_LOOKUP.get(normalise_header(text))


def header(key):
    return BY_KEY[key].header
