"""What the registry holds for the organisations of a file, as plain values (a few queries, no model objects).

Organisations are matched on `import_key` (ОГРН, or ИНН without one) and also on either number alone, so a
file that adds the ОГРН still finds the entry.
"""

import json
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from providers_map.models import Location, Organisation, Service

from .problems import Problem, shown_value
from .records import ServiceSpec, location_key

ORGANISATION_FIELDS = (
    "name",
    "short_name",
    "inn",
    "ogrn",
    "ownership",
    "sector",
    "website",
    "email",
    "phones",
    "description",
    "how_to_get_help",
    "referral_required",
    "documents",
    "cost",
    "cost_note",
    "in_official_registry",
    "verified_at",
    "status",
)
LOCATION_FIELDS = (
    "name",
    "region_id",
    "locality",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "coordinates_source",
    "coordinates_approximate",
    "opening_hours",
    "accessibility",
    "delivery_modes",
)
CHUNK = 500


@dataclass
class ExistingOrganisation:
    pk: int
    live: bool
    locked: bool
    values: dict  # ORGANISATION_FIELDS
    services: list = field(default_factory=list)  # [ServiceSpec] in their order
    service_pks: list = field(default_factory=list)
    locations: list = field(default_factory=list)  # [dict of LOCATION_FIELDS + pk, sort_order] in their order
    revision_id: int | None = None

    def locations_by_key(self):
        found = {}
        for location in self.locations:
            key = location_key(location["locality"], location["address"], location["name"])
            found.setdefault(key, []).append(location)
        return found


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


WHOLE_TABLE_SHARE = 0.3  # a file covering this share of the registry reads whole tables instead of IN lists


def load_organisations(keys, inns, ogrns):
    """{pk: ExistingOrganisation} for every entry matching any of the numbers."""
    keys, inns, ogrns = set(keys), set(inns), set(ogrns)
    index = Organisation.objects.values_list("pk", "import_key", "inn", "ogrn")
    wanted = {pk for pk, key, inn, ogrn in index if key in keys or inn in inns or ogrn in ogrns}
    if not wanted:
        return {}
    whole = len(wanted) >= WHOLE_TABLE_SHARE * len(index)
    columns = ("pk", "live", "locked", "latest_revision_id", "live_revision_id", *ORGANISATION_FIELDS)
    found = {}
    for row in _rows(Organisation.objects.order_by(), "pk", wanted, whole, columns):
        pk = row.pop("pk")
        live, latest, published = row.pop("live"), row.pop("latest_revision_id"), row.pop("live_revision_id")
        found[pk] = ExistingOrganisation(pk=pk, live=live, locked=row.pop("locked"), values=row)
        # the revision whose content this is, when it is the published one and no draft is pending
        found[pk].revision_id = latest if live and latest is not None and latest == published else None
    _load_children(found, whole)
    return found


def _rows(queryset, field, ids, whole, columns, flat=False):
    """values() of the rows whose `field` is in `ids`: by IN lists, or the whole table filtered here."""
    values = queryset.values_list(*columns) if flat else queryset.values(*columns)
    position = columns.index(field) if flat else None
    if whole:
        for row in values.iterator(chunk_size=2000):
            if (row[position] if flat else row[field]) in ids:
                yield row
        return
    for part in chunks(sorted(ids)):
        yield from values.filter(**{f"{field}__in": part})


JSON_FIELDS = ("opening_hours", "accessibility", "delivery_modes")


@lru_cache(maxsize=4096)
def _json(text):
    """Registries repeat the same hours and lists: decode each distinct text once (values are never mutated)."""
    return json.loads(text) if text is not None else None


def _load_children(found, whole):
    plain = [name for name in LOCATION_FIELDS if name not in JSON_FIELDS]
    as_text = {f"{name}__text": Cast(name, TextField()) for name in JSON_FIELDS}
    locations = Location.objects.order_by().annotate(**as_text)
    columns = ("pk", "uuid", "organisation_id", "sort_order", *plain, *as_text)
    for row in _rows(locations, "organisation_id", set(found), whole, columns):
        for name in JSON_FIELDS:
            row[name] = _json(row.pop(f"{name}__text"))
        found[row.pop("organisation_id")].locations.append(row)
    for organisation in found.values():  # the export's order: sort_order (empty = 0), then creation
        organisation.locations.sort(key=lambda loc: (loc["sort_order"] or 0, loc["pk"]))
    columns = (
        "pk",
        "organisation_id",
        "service_type_id",
        "age_min_months",
        "age_max_months",
        "description",
        "sort_order",
        "uuid",
    )
    services = list(_rows(Service.objects.order_by(), "organisation_id", set(found), whole, columns, True))
    services.sort(key=lambda s: (s[6] or 0, s[0]))
    service_ids = {s[0] for s in services}
    terms = {"concerns": {}, "languages": {}}
    for name, links in terms.items():
        field = Service._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        for service_id, term_id in _rows(
            through.objects.order_by(), source, service_ids, whole, (source, target), True
        ):
            links.setdefault(service_id, []).append(term_id)
    for pk, organisation_id, type_id, age_min, age_max, description, _order, service_uuid in services:
        spec = ServiceSpec(
            type_id,
            age_min,
            age_max,
            tuple(sorted(terms["concerns"].get(pk, ()))),
            tuple(sorted(terms["languages"].get(pk, ()))),
            (description or "").replace("\r\n", "\n").strip(),
            uuid=str(service_uuid),
        )
        found[organisation_id].services.append(spec)
        found[organisation_id].service_pks.append(pk)


def find_existing(groups):
    """Existing organisations per group key: ({key: ExistingOrganisation or None}, problems for the rows that
    cannot be matched safely (numbers of two different entries, an entry locked by an editor)."""
    numbers = {key: _numbers(rows) for key, rows in groups.items()}
    inns = {inn for inn, _ in numbers.values()} - {""}
    ogrns = {ogrn for _, ogrn in numbers.values()} - {""}
    existing = load_organisations(groups, inns, ogrns)
    by_key, by_inn, by_ogrn = {}, {}, {}
    for organisation in existing.values():
        values = organisation.values
        if values["ogrn"] or values["inn"]:
            by_key.setdefault(values["ogrn"] or values["inn"], organisation)
        if values["inn"]:
            by_inn.setdefault(values["inn"], organisation)
        if values["ogrn"]:
            by_ogrn.setdefault(values["ogrn"], organisation)
    found, problems = {}, []
    for key, rows in groups.items():
        inn, ogrn = numbers[key]
        matches = {o.pk: o for o in (by_key.get(key), by_inn.get(inn), by_ogrn.get(ogrn)) if o is not None}
        if len(matches) > 1:
            problems.extend(_reject_rows(rows, "inn", _("The INN and the OGRN belong to different registry entries.")))
        elif matches:
            organisation = next(iter(matches.values()))
            if organisation.locked:
                reason = _("An editor has locked this entry: unlock it in the admin or retry later.")
                problems.extend(_reject_rows(rows, "name", reason))
            else:
                found[key] = organisation
        else:
            found[key] = None
    return found, problems


def _numbers(rows):
    """(ИНН, ОГРН) of a group: from its organisation rows, else from any row."""
    for row in rows:
        if row.kind != "service":
            return row.organisation.get("inn", ""), row.organisation.get("ogrn", "")
    return rows[0].organisation.get("inn", ""), rows[0].organisation.get("ogrn", "")


def _reject_rows(rows, column, reason):
    return [Problem(row.row, column, shown_value(row.organisation.get(column, "")), reason) for row in rows]
