"""What the harvest learns from one feed organisation: whether it is valid HSDS, what identifies it (for
de-duplication) and how complete it is for parents.

API organisations are checked as the fully nested objects they are (`compiled/organization.json`); package
records table by table (`<table>.json`) after typing the CSV text as HSDS's tabular schema says.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from stdnum.ru import inn as inn_number
from stdnum.ru import ogrn as ogrn_number

from providers_map.exchange.hsds.validation import load, validate

COMPLETENESS = ("phone", "address with coordinates", "age range", "hours", "last verified")
LABELS = {
    "phone": _("phone"),
    "address with coordinates": _("address with coordinates"),
    "age range": _("age range"),
    "hours": _("opening hours"),
    "last verified": _("date last verified"),
}
SCHEMES = {"RU-INN": "inn", "RU-OGRN": "ogrn", "INN": "inn", "OGRN": "ogrn"}


def check_organization(organization):
    """Schema errors of a fully nested organization (empty = valid)."""
    return validate(organization, "compiled/organization.json")


def _tabular_types():
    official = load("compiled/tabular.json")["properties"]
    return {
        table: {name: f.get("type") for name, f in spec["items"]["properties"].items()}
        for table, spec in official.items()
    }


_TYPES = None


def typed(table, record):
    """A CSV record with numbers and booleans as HSDS's JSON schemas expect them (unreadable ones kept as text,
    so the schema reports them)."""
    global _TYPES
    _TYPES = _TYPES or _tabular_types()
    kinds, result = _TYPES.get(table, {}), {}
    for name, value in record.items():
        kind = kinds.get(name)
        try:
            if kind == "number":
                value = float(value)
            elif kind == "integer":
                value = int(value)
            elif kind == "boolean":
                value = {"true": True, "false": False}.get(str(value).lower(), value)
        except (TypeError, ValueError):
            pass
        result[name] = value
    return result


def check_tables(tables):
    """{organization id: [errors]} for the package's records, each error blamed on its organisation."""
    location_owner = {r.get("id"): r.get("organization_id") for r in tables.get("location", [])}
    service_owner = {r.get("id"): r.get("organization_id") for r in tables.get("service", [])}
    owners = {**location_owner, **service_owner}
    errors = {}
    for table, records in tables.items():
        for record in records:
            problems = validate(typed(table, record), f"{table}.json")
            if not problems:
                continue
            owner = (
                record.get("id")
                if table == "organization"
                else record.get("organization_id")
                or owners.get(record.get("location_id"))
                or owners.get(record.get("service_id"))
                or owners.get(record.get("link_id"))
            )
            errors.setdefault(owner, []).extend(f"{table}: {problem}" for problem in problems)
    return errors


@dataclass
class Identity:
    """What tells one organisation from another, as the feed gives it."""

    key: str
    name: str = ""
    inn: str = ""
    ogrn: str = ""
    address: str = ""
    locality: str = ""
    region: str = ""
    lat: float | None = None
    lon: float | None = None
    extra: dict = field(default_factory=dict)

    @property
    def import_key(self):
        return self.ogrn or self.inn

    def as_dict(self):
        return {k: getattr(self, k) for k in ("name", "inn", "ogrn", "address", "locality", "region", "lat", "lon")}


def valid_number(kind, value):
    value = "".join(ch for ch in str(value or "") if ch.isdigit())
    checker = inn_number if kind == "inn" else ogrn_number
    return value if value and checker.is_valid(value) else ""


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class Summary:
    """Identity and completeness of each organisation in flat HSDS tables."""

    def __init__(self, tables):
        self.tables = tables
        self.by = {}
        for table, key in (
            ("organization_identifier", "organization_id"),
            ("phone", "organization_id"),
            ("location", "organization_id"),
            ("service", "organization_id"),
        ):
            index = {}
            for record in tables.get(table, []):
                index.setdefault(record.get(key), []).append(record)
            self.by[table] = index
        for table in ("address", "schedule", "phone"):
            for key in ("location_id", "service_id"):
                index = {}
                for record in tables.get(table, []):
                    if record.get(key):
                        index.setdefault(record.get(key), []).append(record)
                self.by[(table, key)] = index

    def related(self, table, owner, key=None):
        return (self.by[(table, key)] if key else self.by[table]).get(owner, [])

    def identity(self, organization, source_key):
        org_id = organization.get("id")
        numbers = {}
        for record in self.related("organization_identifier", org_id):
            kind = SCHEMES.get(str(record.get("identifier_scheme") or "").upper())
            if kind:
                numbers.setdefault(kind, valid_number(kind, record.get("identifier")))
        tax_id = valid_number("inn", organization.get("tax_id"))
        identity = Identity(
            key=f"{source_key}:{org_id}",
            name=str(organization.get("name") or ""),
            inn=numbers.get("inn") or tax_id,
            ogrn=numbers.get("ogrn", ""),
        )
        for location in self.related("location", org_id):
            address = next(iter(self.related("address", location.get("id"), "location_id")), {})
            if address or location.get("latitude") is not None:
                identity.address = str(address.get("address_1") or "")
                identity.locality = str(address.get("city") or "")
                identity.region = str(address.get("state_province") or "")
                identity.lat, identity.lon = _number(location.get("latitude")), _number(location.get("longitude"))
                break
        return identity

    def completeness(self, organization):
        """{criterion: met} of what parents need, for one organisation."""
        org_id = organization.get("id")
        locations = self.related("location", org_id)
        services = self.related("service", org_id)
        location_ids = [location.get("id") for location in locations]
        service_ids = [service.get("id") for service in services]
        phones = self.related("phone", org_id) + [
            p for owner in location_ids for p in self.related("phone", owner, "location_id")
        ] + [p for owner in service_ids for p in self.related("phone", owner, "service_id")]  # fmt: skip
        schedules = [s for owner in location_ids for s in self.related("schedule", owner, "location_id")] + [
            s for owner in service_ids for s in self.related("schedule", owner, "service_id")
        ]
        located = any(
            self.related("address", location.get("id"), "location_id")
            and _number(location.get("latitude")) is not None
            and _number(location.get("longitude")) is not None
            for location in locations
        )
        return {
            "phone": bool(phones),
            "address with coordinates": located,
            "age range": any(
                s.get("minimum_age") not in (None, "") or s.get("maximum_age") not in (None, "") for s in services
            ),  # fmt: skip
            "hours": bool(schedules),
            "last verified": any(s.get("assured_date") for s in services),
        }
