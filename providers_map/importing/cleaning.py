"""Clean and validate one spreadsheet row: raw cells in, model-ready values or Russian reasons out.

Pure functions: no database access (taxonomies come in a Vocabulary), so each rule is testable alone.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from providers_map.hours import parse_hours
from providers_map.models import coordinates_in_russia
from providers_map.validators import normalise_phone, validate_inn, validate_ogrn
from search.text import fold

from .columns import COLUMNS, SEPARATOR
from .problems import Problem, shown_value
from .vocabulary import parse_bool

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COORDINATE_PLACES = Decimal("0.000001")
MAX_AGE_MONTHS = 216
MAX_LENGTH = {
    "name": 500,
    "short_name": 200,
    "cost_note": 500,
    "location_name": 300,
    "address": 500,
    "locality": 200,
}


@dataclass
class CleanRow:
    row: int
    organisation: dict = field(default_factory=dict)  # Organisation field -> value
    services: tuple = ()  # ((service_type_id, age_min, age_max, concern ids, language ids), ...)
    location: dict = field(default_factory=dict)  # Location field -> value
    cells: dict = field(default_factory=dict, repr=False)  # the raw cells, for reports

    @property
    def org_key(self):
        return self.organisation.get("ogrn") or self.organisation.get("inn")

    @property
    def location_key(self):
        return location_key(self.location["locality"], self.location["address"])


def location_key(locality, address):
    text = fold(f"{locality}|{address}")
    return re.sub(r"[\s.,]+", " ", text).strip()


def cell_text(value):
    """A cell as text: integral numbers without ".0", dates as DD.MM.YYYY, formula guards removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d.%m.%Y")
    text = str(value).strip()
    # Our exports put an apostrophe before text that a spreadsheet would run as a formula; undo it.
    if text.startswith("'") and text[1:2] in FORMULA_START:
        text = text[1:]
    return text


def split_values(text):
    return [part.strip() for part in re.split(rf"[{SEPARATOR}\n]+", text) if part.strip()]


class RowCleaner:
    """Collects problems while cleaning one row's cells (a dict column key -> raw cell value)."""

    def __init__(self, row, cells, vocabulary):
        self.row, self.cells, self.vocabulary = row, cells, vocabulary
        self.problems = []

    def fail(self, key, reason, value=None):
        raw = self.cells.get(key) if value is None else value
        self.problems.append(Problem(self.row, key, shown_value(cell_text(raw)), reason))

    def text(self, key):
        text = cell_text(self.cells.get(key))
        limit = MAX_LENGTH.get(key)
        if limit and len(text) > limit:
            self.fail(key, _("Too long: at most %(limit)s characters.") % {"limit": limit})
        return text

    def required(self, key):
        text = self.text(key)
        if not text:
            self.fail(key, _("Required column is empty."))
        return text

    def choice(self, key, choices, default=None):
        text = self.text(key)
        if not text:
            if default is None:
                self.fail(key, _("Required column is empty."))
            return default
        code = choices.resolve(text)
        if code is None:
            allowed = ", ".join(choices.all_labels())
            self.fail(key, _("Unknown value; allowed: %(allowed)s.") % {"allowed": allowed})
        return code

    def codes(self, key, choices):
        codes, unknown = [], []
        for part in split_values(self.text(key)):
            code = choices.resolve(part)
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        if unknown:
            allowed = ", ".join(choices.all_labels())
            self.fail(
                key,
                _("Unknown values: %(unknown)s; allowed: %(allowed)s.")
                % {"unknown": ", ".join(unknown), "allowed": allowed},
            )
        return codes

    def terms(self, key, terms):
        ids, unknown = [], []
        for part in split_values(self.text(key)):
            pk = terms.resolve(part)
            if pk is None:
                unknown.append(part)
            elif pk not in ids:
                ids.append(pk)
        if unknown:
            self.fail(
                key,
                _("Not in the list of the portal's reference values: %(unknown)s. Use a name or a code from the list.")
                % {"unknown": ", ".join(unknown)},
            )
        return ids

    def boolean(self, key):
        raw = self.cells.get(key)
        if raw in (None, ""):
            return False
        value = parse_bool(raw)
        if value is None:
            self.fail(key, _("Write “да” or “нет”."))
            return False
        return value

    def identifier(self, key, validator):
        raw = self.cells.get(key)
        text = re.sub(r"[\s-]", "", cell_text(raw))
        # A number cell loses the leading zero of ИНН of regions 01–09: restore it.
        if key == "inn" and text.isdigit() and len(text) in (9, 11):
            text = "0" + text
        if text:
            try:
                validator(text)
            except ValidationError as exc:
                self.fail(key, " ".join(exc.messages))
        return text

    def date(self, key):
        raw = self.cells.get(key)
        if raw in (None, ""):
            return None
        if isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        else:
            value = None
            text = cell_text(raw)
            for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y"):
                try:
                    value = dt.datetime.strptime(text, pattern).date()
                    break
                except ValueError:
                    continue
            if value is None:
                self.fail(key, _("Not a date: use a date cell or DD.MM.YYYY."))
                return None
        if value > timezone.localdate():
            self.fail(key, _("The date is in the future."))
        elif value.year < 2000:
            self.fail(key, _("The date is too old: check the year."))
        return value

    def months(self, key, default):
        text = self.text(key)
        if not text:
            return default
        if not text.isdigit() or int(text) > MAX_AGE_MONTHS:
            self.fail(key, _("A whole number of months from 0 to 216."))
            return default
        return int(text)

    def coordinate(self, key):
        raw = self.cells.get(key)
        if raw in (None, ""):
            return None
        text = cell_text(raw).replace(",", ".").replace(" ", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            self.fail(key, _("Not a number: use decimal degrees, for example 55.0302."))
            return None
        if not value.is_finite():
            self.fail(key, _("Not a number: use decimal degrees, for example 55.0302."))
            return None
        return value.quantize(COORDINATE_PLACES)


def clean_row(row, cells, vocabulary):
    """Return (CleanRow or None, [Problem]); None when the row must be rejected."""
    c = RowCleaner(row, cells, vocabulary)
    v = vocabulary
    org = {
        "name": c.required("name"),
        "short_name": c.text("short_name"),
        "inn": c.identifier("inn", validate_inn),
        "ogrn": c.identifier("ogrn", validate_ogrn),
        "ownership": c.choice("ownership", v.ownership),
        "sector": c.choice("sector", v.sector),
        "website": clean_website(c),
        "email": clean_email(c),
        "phones": clean_phones(c),
        "description": c.required("description"),
        "how_to_get_help": c.required("how_to_get_help"),
        "referral_required": c.choice("referral_required", v.referral_required, default="no"),
        "documents": "\n".join(split_values(c.text("documents"))),
        "cost": c.choice("cost", v.cost, default="free"),
        "cost_note": c.text("cost_note"),
        "in_official_registry": c.boolean("in_official_registry"),
        "verified_at": c.date("verified_at"),
        "status": c.choice("status", v.status, default="active"),
    }
    if not org["inn"] and not org["ogrn"] and not any(p.column in ("inn", "ogrn") for p in c.problems):
        c.fail("ogrn", _("Enter the INN or the OGRN: at least one is required."))
    services = clean_services(c)
    location = clean_location(c)
    if c.problems:
        return None, c.problems
    return CleanRow(row=row, organisation=org, services=services, location=location, cells=cells), []


def clean_website(c):
    text = c.text("website")
    if not text:
        return ""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = "https://" + text
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        c.fail("website", _("Not a website address: write it like https://example.ru."))
        return ""
    if len(text) > 300:
        c.fail("website", _("Too long: at most %(limit)s characters.") % {"limit": 300})
    return text


def clean_email(c):
    text = c.text("email")
    if text:
        try:
            EmailValidator()(text)
        except ValidationError:
            c.fail("email", _("Not an e-mail address: write it like info@example.ru."))
            return ""
    return text


def clean_phones(c):
    numbers = []
    for part in re.split(r"[;,\n]+", c.text("phones")):
        if not part.strip():
            continue
        try:
            number = normalise_phone(part)
        except ValidationError as exc:
            c.fail("phones", " ".join(exc.messages), value=part.strip())
            continue
        if number not in numbers:
            numbers.append(number)
    return "\n".join(numbers)


def clean_services(c):
    v = c.vocabulary
    type_ids = c.terms("services", v.service_types)
    age_min = c.months("age_min_months", 0)
    age_max = c.months("age_max_months", 36)
    if age_max <= age_min:
        c.fail("age_max_months", _("The upper age must be greater than the lower age."))
    concerns = tuple(sorted(c.terms("concerns", v.concerns)))
    languages = tuple(sorted(c.terms("languages", v.languages)))
    return tuple((pk, age_min, age_max, concerns, languages) for pk in type_ids)


def clean_location(c):
    v = c.vocabulary
    region_text = c.required("region")
    region_id = v.regions.resolve(region_text) if region_text else None
    if region_text and region_id is None:
        c.fail("region", _("Unknown federal subject: write its name, for example Новосибирская область, or code 54."))
    postcode = c.text("postcode")
    if postcode and not (len(postcode) == 6 and postcode.isdigit()):
        c.fail("postcode", _("A postcode has exactly 6 digits."))
    latitude, longitude = c.coordinate("latitude"), c.coordinate("longitude")
    if (latitude is None) != (longitude is None):
        c.fail("latitude" if latitude is None else "longitude", _("Enter both the latitude and the longitude."))
        latitude = longitude = None
    elif latitude is not None and not coordinates_in_russia(latitude, longitude):
        c.fail(
            "latitude",
            _("The point is outside Russia (latitude %(lat)s, longitude %(lon)s): check that they are not swapped.")
            % {"lat": latitude, "lon": longitude},
        )
    hours_text = c.text("opening_hours")
    try:
        hours = parse_hours(hours_text)
    except ValueError as exc:
        c.fail("opening_hours", str(exc))
        hours = None
    approximate = c.boolean("coordinates_approximate")
    return {
        "name": c.text("location_name"),
        "region_id": region_id,
        "locality": c.required("locality"),
        "address": c.required("address"),
        "postcode": postcode,
        "latitude": latitude,
        "longitude": longitude,
        "coordinates_approximate": approximate if latitude is not None else False,
        "opening_hours": hours,
        "accessibility": c.codes("accessibility", v.accessibility),
        "delivery_modes": c.codes("delivery_modes", v.delivery_modes),
    }


ALL_KEYS = [column.key for column in COLUMNS]
