"""The cells of one spreadsheet row and the rules for reading each kind of cell: text, choices, terms, numbers,
dates, coordinates. `RowCleaner` collects Russian reasons as Problems; `cleaning.py` assembles a row from it.
Pure: no database access (taxonomies come in a Vocabulary).
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core.spreadsheet_cells import unguard

from . import memo
from .columns import KIND_LOCATION, SEPARATOR
from .problems import Problem, shown_value
from .records import ServiceSpec, location_key
from .vocabulary import parse_bool

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
ORGANISATION_REQUIRED = ("name", "ownership", "sector", "description", "how_to_get_help")
LOCATION_REQUIRED = ("region", "locality", "address")


@dataclass
class CleanRow:
    row: int
    kind: str = KIND_LOCATION
    organisation: dict = field(default_factory=dict)  # Organisation field -> value (mentioned columns only)
    services: tuple | None = None  # an address row's shared services (ServiceSpec, ...); None: not given
    service: ServiceSpec | None = None  # a service row's service
    location: dict = field(default_factory=dict)  # Location field -> value (mentioned columns only)
    cells: dict = field(default_factory=dict, repr=False)  # the raw cells, for reports
    gazetteer_point: tuple | None = None  # set by the geocode step

    @property
    def org_key(self):
        return self.organisation.get("ogrn") or self.organisation.get("inn")

    @property
    def location_key(self):
        loc = self.location
        return location_key(loc.get("locality", ""), loc.get("address", ""), loc.get("name", ""))

    @property
    def point(self):
        return (self.location.get("latitude"), self.location.get("longitude"))


def cell_text(value):
    """A cell as text: integral numbers without ".0", dates as DD.MM.YYYY, formula guards removed."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, bool):
        return _("yes") if value else _("no")
    elif isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d.%m.%Y")
    else:
        text = str(value).strip()
    return unguard(text).replace("\r\n", "\n")


SPLIT = re.compile(rf"[{SEPARATOR}\n]+")


def split_values(text):
    if not text:
        return []
    if SEPARATOR not in text and "\n" not in text:
        return [text]
    return [part.strip() for part in SPLIT.split(text) if part.strip()]


def split_lines(text):
    """Documents: one per line; a cell without line breaks may separate them with ";"."""
    parts = text.split("\n") if "\n" in text else text.split(SEPARATOR)
    return [part.strip() for part in parts if part.strip()]


class RowCleaner:
    """Collects problems while cleaning one row's cells (a dict column key -> raw cell value)."""

    def __init__(self, row, cells, vocabulary):
        self.row, self.cells, self.vocabulary = row, cells, vocabulary
        self.problems = []

    def has(self, key):
        return key in self.cells

    def fail(self, key, reason, value=None):
        raw = self.cells.get(key) if value is None else value
        self.problems.append(Problem(self.row, key, shown_value(cell_text(raw)), reason))

    def text(self, key):
        value = self.cells.get(key)
        if value.__class__ is str and value[:1] != "'" and "\r" not in value:
            text = value.strip()  # the usual cell: no formula guard, no Windows line ends
        else:
            text = cell_text(value)
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
            allowed = ", ".join(label for label in choices.all_labels() if label)
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
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return False
        value = parse_bool(raw)
        if value is None:
            self.fail(key, _("Write “да” or “нет”."))
            return False
        return value

    def identifier(self, key, kind):
        raw = self.cells.get(key)
        text = re.sub(r"[\s-]", "", cell_text(raw))
        # A number cell loses the leading zero of ИНН of regions 01–09: restore it.
        if key == "inn" and text.isdecimal() and len(text) in (9, 11):
            text = "0" + text
        if text:
            error = memo.identifier_error(kind, text)
            if error:
                self.fail(key, error)
        return text

    def date(self, key):
        raw = self.cells.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        else:
            value = memo.parse_date(cell_text(raw))
            if value is None:
                self.fail(key, _("Not a date: use a date cell or DD.MM.YYYY."))
                return None
        if value > self.vocabulary.today:
            self.fail(key, _("The date is in the future."))
        elif value.year < 2000:
            self.fail(key, _("The date is too old: check the year."))
        return value

    def months(self, key, default):
        text = self.text(key)
        if not text:
            return default
        if not text.isdigit() or not text.isascii() or int(text) > MAX_AGE_MONTHS:
            self.fail(key, _("A whole number of months from 0 to 216."))
            return default
        return int(text)

    def coordinate(self, key):
        raw = self.cells.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        text = cell_text(raw).replace(",", ".").replace(" ", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or abs(value) > 1000:
            self.fail(key, _("Not a number: use decimal degrees, for example 55.0302."))
            return None
        return value.quantize(COORDINATE_PLACES)
