"""Clean and validate one spreadsheet row: raw cells in, model-ready values or Russian reasons out.

Pure functions: no database access (taxonomies come in a Vocabulary), so each rule is testable alone.
Only the columns the file has are cleaned: `cells` holds a key per column of the header, and a value that
the file does not mention (its column is absent) is absent from the result, so it never overwrites the
registry.
"""

from django.utils.translation import gettext as _

from .columns import COLUMNS, KIND_LOCATION, KIND_ORGANISATION, KIND_SERVICE, LOCATION_KEYS
from .fields import clean_email, clean_hidden, clean_location, clean_phones, clean_website
from .problems import Problem
from .records import ServiceSpec
from .row_cleaner import (
    ORGANISATION_REQUIRED,
    CleanRow,
    RowCleaner,
    cell_text,
    split_lines,
)


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
