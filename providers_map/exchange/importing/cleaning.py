"""Clean and validate one spreadsheet row: raw cells in, model-ready values or Russian reasons out.

Pure functions: no database access (taxonomies come in a Vocabulary), so each rule is testable alone.
Only the columns the file has are cleaned: `cells` holds a key per column of the header, and a value that
the file does not mention (its column is absent) is absent from the result, so it never overwrites the
registry.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from . import memo
from .columns import COLUMNS, KIND_LOCATION, KIND_ORGANISATION, KIND_SERVICE, LOCATION_KEYS, SEPARATOR
from .fields import clean_email, clean_hidden, clean_location, clean_phones, clean_website
from .problems import Problem, shown_value
from .records import ServiceSpec, location_key
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
    # Our exports put an apostrophe before text that a spreadsheet would run as a formula; undo it.
    if text.startswith("'") and text.lstrip("'")[:1] in FORMULA_START:
        text = text[1:]
    return text.replace("\r\n", "\n")


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


def row_kind(c):
    if not c.has("row_kind"):
        return KIND_LOCATION
    return c.choice("row_kind", c.vocabulary.row_kind, default=KIND_LOCATION)


def clean_row(row, cells, vocabulary):
    """Return (CleanRow or None, [Problem]); None when the row must be rejected."""
    c = RowCleaner(row, cells, vocabulary)
    kind = row_kind(c)
    if not c.problems:
        if kind == KIND_SERVICE:
            return clean_service_row(c)
        if kind == KIND_ORGANISATION:
            return clean_organisation_row(c)
    organisation = clean_organisation_cached(c)
    services = cached(c, SERVICE_CELLS, clean_shared_services)
    location = clean_location(c)
    if c.problems:
        return None, c.problems
    clean = CleanRow(row=row, kind=KIND_LOCATION, organisation=organisation, services=services, location=location)
    clean.cells = cells
    return clean, []


def clean_identifiers(c):
    inn, ogrn = c.identifier("inn", "inn"), c.identifier("ogrn", "ogrn")
    if not inn and not ogrn and not any(p.column in ("inn", "ogrn") for p in c.problems):
        c.fail("ogrn", _("Enter the INN or the OGRN: at least one is required."))
    return {"inn": inn, "ogrn": ogrn}


OPTIONAL_ORGANISATION = (
    ("short_name", lambda c: c.text("short_name")),
    ("website", lambda c: clean_website(c)),
    ("email", lambda c: clean_email(c)),
    ("phones", lambda c: clean_phones(c)),
    ("referral_required", lambda c: c.choice("referral_required", c.vocabulary.referral_required, default="no")),
    ("documents", lambda c: "\n".join(split_lines(c.text("documents")))),
    ("cost", lambda c: c.choice("cost", c.vocabulary.cost, default="free")),
    ("cost_note", lambda c: c.text("cost_note")),
    ("in_official_registry", lambda c: c.boolean("in_official_registry")),
    ("verified_at", lambda c: c.date("verified_at")),
    ("status", lambda c: c.choice("status", c.vocabulary.status, default="active")),
)


def clean_organisation(c):
    v = c.vocabulary
    org = clean_identifiers(c)
    for key in ORGANISATION_REQUIRED:
        if key not in c.cells:  # only a sparse table (an HSDS package) can lack a required column
            continue
        if key in ("ownership", "sector"):
            org[key] = c.choice(key, getattr(v, key))
        else:
            org[key] = c.required(key)
    cells = c.cells
    for key, clean in OPTIONAL_ORGANISATION:
        if key in cells:
            org[key] = clean(c)
    clean_hidden(c, org, "organisation_uuid")
    return org


ABSENT = object()  # a column the file does not have
ORGANISATION_CELLS = (
    "inn",
    "ogrn",
    *ORGANISATION_REQUIRED,
    *(key for key, _ in OPTIONAL_ORGANISATION),
    "organisation_uuid",
    "slug",
    "last_modified",
)


SERVICE_CELLS = ("services", "age_min_months", "age_max_months", "concerns", "languages", "service_description")


def cached(c, names, clean):
    """Rows repeat the same cells (an organisation's, its services'): clean them once per run; the problems
    found are repeated with each row's number."""
    cache = c.vocabulary.cache
    key = (clean, *(c.cells.get(name, ABSENT) for name in names))
    found = cache.get(key)
    if found is None:
        before = len(c.problems)
        value = clean(c)
        if len(cache) > 50_000:
            cache.clear()
        cache[key] = found = (value, c.problems[before:])
        return value
    value, problems = found
    c.problems.extend(Problem(c.row, p.column, p.value, p.reason, p.kind) for p in problems)
    return value


def clean_organisation_cached(c):
    return dict(cached(c, ORGANISATION_CELLS, clean_organisation))


def clean_organisation_row(c):
    organisation = clean_organisation(c)
    filled = [key for key in LOCATION_KEYS if cell_text(c.cells.get(key))]
    for key in filled:
        c.fail(key, _("An “организация” row has no address: leave the address columns empty or use “адрес”."))
    services = clean_shared_services(c)
    if c.problems:
        return None, c.problems
    clean = CleanRow(row=c.row, kind=KIND_ORGANISATION, organisation=organisation, services=services)
    clean.cells = c.cells
    return clean, []


def clean_service_row(c):
    """A service row: the organisation's numbers and one service; other organisation columns are ignored."""
    v = c.vocabulary
    organisation = clean_identifiers(c)
    type_ids = c.terms("services", v.service_types)
    if not c.problems and len(type_ids) != 1:
        c.fail("services", _("A “услуга” row names exactly one service."))
    for key in LOCATION_KEYS:
        if cell_text(c.cells.get(key)):
            c.fail(key, _("A “услуга” row has no address: leave the address columns empty."))
    description = c.text("service_description") if c.has("service_description") else None
    spec = service_values(c, type_ids[0] if type_ids else None, description=description)
    hidden = {}
    clean_hidden(c, hidden, "service_uuid")
    if hidden.get("uuid"):
        spec = ServiceSpec(*spec.core, spec.description, uuid=hidden["uuid"])
    if description and type_ids and description == c.vocabulary.service_types.descriptions.get(type_ids[0]):
        spec = ServiceSpec(*spec.core, "", uuid=spec.uuid)  # HSDS shows the type's own description: not ours
    if c.problems:
        return None, c.problems
    clean = CleanRow(row=c.row, kind=KIND_SERVICE, organisation=organisation, service=spec)
    clean.cells = c.cells
    return clean, []


def service_values(c, type_id, description=None):
    v = c.vocabulary
    age_min = c.months("age_min_months", 0)
    age_max = c.months("age_max_months", 36)
    if age_max <= age_min:
        c.fail("age_max_months", _("The upper age must be greater than the lower age."))
    concerns = tuple(sorted(c.terms("concerns", v.concerns)))
    languages = tuple(sorted(c.terms("languages", v.languages)))
    return ServiceSpec(type_id, age_min, age_max, concerns, languages, description)


def clean_shared_services(c):
    """The older layout: services listed on an address row share one age range, concerns and languages."""
    if not c.text("services"):  # ages, concerns and languages without services change nothing, but are checked
        if cell_text(c.cells.get("service_description")):
            c.fail("service_description", _("The service description belongs on a “услуга” row."))
        service_values(c, None)
        return None
    if cell_text(c.cells.get("service_description")):
        c.fail("service_description", _("The service description belongs on a “услуга” row."))
    type_ids = c.terms("services", c.vocabulary.service_types)
    shared = service_values(c, None)
    return tuple(
        ServiceSpec(pk, shared.age_min, shared.age_max, shared.concerns, shared.languages, None) for pk in type_ids
    )


ALL_KEYS = [column.key for column in COLUMNS]
