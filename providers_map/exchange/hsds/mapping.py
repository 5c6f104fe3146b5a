"""Registry models → flat HSDS 3.0 records, one table at a time (the shape of the tabular data package).

`Mapper(base_url).organisation(org)` returns a `Bundle`: every HSDS record that one published organisation
yields, grouped by table (`TABLES`), each record a dict of the fields of that table's HSDS schema, with its
foreign keys (`organization_id`, `location_id`, `service_id`, `link_id`…) and without nested arrays. Optional
fields without a value are left out. The API (`nesting`) nests these same records, so the package and the API
always agree. What maps where (decoding helpers for importers are in `decoding`):

| registry | HSDS |
|---|---|
| organisation name, short name, summary, e-mail, website | organization name, alternate_name, description, … |
| ИНН, ОГРН | organization_identifier (identifier_scheme RU-INN / RU-OGRN) |
| phones (one per line) | phone (type voice) of the organization |
| ownership, sector, official-registry mark | legal_status + attributes (ownership, sectors, registry-marks) |
| public page | organization uri, service url |
| location name, coordinates | location (physical) name, latitude, longitude |
| address, locality, region, postcode | address (address_1, city, state_province, postal_code, country RU) |
| opening hours | schedule: one WEEKLY rule per distinct interval, opens_at/closes_at with the region's UTC offset |
| accessibility | accessibility (description) + attribute (accessibility) |
| delivery modes, approximate coordinates | attributes of the location (delivery-modes, registry-marks) |
| service type, details | service name, description + attribute (service-types) |
| ages in months | service minimum_age / maximum_age in years, eligibility_description |
| developmental concerns | attributes (developmental-concerns, link_type eligibility) |
| languages (none = Russian only) | language (name, ISO code) |
| cost, cost note | service fees_description, cost_option (RUB; amount 0 when free), attribute (cost) |
| how to get help, referral | service application_process, attribute (referral) |
| documents to bring (one per line) | required_document |
| status | service status: active / temporarily closed / defunct (closed) |
| verified on, last change | service assured_date, last_modified |
| confirmed by the organisation on | metadata of the organization (last_action_type "verified"; API objects only) |
| a service at each location of its organisation | service_at_location |

Never published: drafts, unpublished entries, error reports, operators' notes, the data source, where the
coordinates came from, import keys.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from providers_map import hours as hours_lib
from providers_map.wording import lines

from . import ids, texts
from .vocabulary import Vocabulary

TABLES = (
    "organization",
    "organization_identifier",
    "phone",
    "location",
    "address",
    "schedule",
    "accessibility",
    "service",
    "service_at_location",
    "language",
    "cost_option",
    "required_document",
    "attribute",
)
VOCABULARY_TABLES = ("taxonomy", "taxonomy_term")
SERVICE_STATUS = {"active": "active", "temporarily_closed": "temporarily closed", "closed": "defunct"}
IDENTIFIER_SCHEMES = (("inn", "RU-INN", "ИНН"), ("ogrn", "RU-OGRN", "ОГРН"))
RRULE_DAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
COUNTRY = "RU"
CURRENCY = "RUB"
DEFAULT_LANGUAGE = ("Русский", "ru")


def compact(record):
    """Leave out optional fields without a value (None or an empty string)."""
    return {key: value for key, value in record.items() if value is not None and value != ""}


@dataclass
class Bundle:
    """The HSDS records of one organisation, by table."""

    organisation: object
    tables: dict = field(default_factory=lambda: {table: [] for table in TABLES})
    metadata: list = field(default_factory=list)  # HSDS metadata of the organization (not a package table)

    def add(self, table, record):
        if record is not None:
            self.tables[table].append(record)
        return record

    def records(self, table, **match):
        return [r for r in self.tables[table] if all(r.get(key) == value for key, value in match.items())]

    def first(self, table, **match):
        found = self.records(table, **match)
        return found[0] if found else None


class Mapper:
    """Builds HSDS records. `base_url` (e.g. "https://example.org") makes page links absolute; `vocabulary`
    is shared between calls (pass one in when mapping many organisations)."""

    def __init__(self, base_url="", vocabulary=None, api_base=""):
        self.base_url = base_url.rstrip("/")
        self.vocabulary = vocabulary or Vocabulary(api_base=api_base)

    def page_url(self, organisation):
        return texts.as_uri(f"{self.base_url}{organisation.get_absolute_url()}")

    def organisation(self, organisation):
        """All records of a published organisation (prefetch locations__region and services__service_type,
        services__concerns, services__languages to keep the query count flat)."""
        with translation.override("ru"):
            bundle = Bundle(organisation)
            org_id = str(organisation.uuid)
            bundle.add("organization", self._organization(organisation))
            bundle.metadata = self.metadata(organisation)
            for attribute, scheme, label in IDENTIFIER_SCHEMES:
                number = getattr(organisation, attribute)
                if number:
                    record = {
                        "id": ids.part_id(org_id, "organization_identifier", scheme),
                        "organization_id": org_id,
                        "identifier_scheme": scheme,
                        "identifier_type": label,
                        "identifier": number,
                    }
                    bundle.add("organization_identifier", record)
            for number in dict.fromkeys(lines(organisation.phones)):
                record = {"id": ids.part_id(org_id, "phone", number), "organization_id": org_id}
                bundle.add("phone", {**record, "number": number, "type": "voice"})
            attach = self.vocabulary.attribute
            bundle.add("attribute", attach(org_id, "organization", "ownership", organisation.ownership))
            bundle.add("attribute", attach(org_id, "organization", "sectors", organisation.sector))
            if organisation.in_official_registry:
                bundle.add("attribute", attach(org_id, "organization", "registry-marks", "official-registry"))
            locations = sorted(organisation.locations.all(), key=lambda loc: (loc.sort_order or 0, loc.pk))
            services = sorted(organisation.services.all(), key=lambda s: (s.sort_order or 0, s.pk))
            for location in locations:
                self._location(bundle, organisation, location)
            for service in services:
                self._service(bundle, organisation, service, locations)
            return bundle

    def _organization(self, organisation):
        optional = {
            "alternate_name": organisation.short_name,
            "email": organisation.email,
            "website": texts.as_uri(organisation.website),
            "legal_status": str(organisation.get_ownership_display()),
            "uri": self.page_url(organisation),
        }
        return {
            "id": str(organisation.uuid),
            "name": organisation.name,
            "description": organisation.description or "",
            **compact(optional),
        }

    def metadata(self, organisation):
        """The organisation's own confirmation of its entry (providers_map/verification), as HSDS metadata."""
        if not organisation.confirmed_on:
            return []
        org_id, day = str(organisation.uuid), organisation.confirmed_on.isoformat()
        return [
            {
                "id": ids.part_id(org_id, "metadata", f"verified/{day}"),
                "resource_id": org_id,
                "resource_type": "organization",
                "last_action_date": day,
                "last_action_type": "verified",
                "field_name": "assured_date",
                "previous_value": "",
                "replacement_value": day,
                "updated_by": gettext("the organisation itself"),
            }
        ]

    def _location(self, bundle, organisation, location):
        loc_id = str(location.uuid)
        record = {
            "id": loc_id,
            "location_type": "physical",
            "organization_id": str(organisation.uuid),
            "name": location.name,
        }
        if location.has_coordinates:
            record.update(latitude=float(location.latitude), longitude=float(location.longitude))
        bundle.add("location", compact(record))
        bundle.add(
            "address",
            {
                "id": ids.part_id(loc_id, "address"),
                "location_id": loc_id,
                "address_1": location.address,
                "city": location.locality,
                "state_province": location.region.name if location.region_id else "",
                "postal_code": location.postcode or "",
                "country": COUNTRY,
                "address_type": "physical",
            },
        )
        for schedule in self.schedules(location):
            bundle.add("schedule", schedule)
        attach = self.vocabulary.attribute
        labels = dict(location.ACCESSIBILITY_FEATURES)
        for code in location.accessibility or []:
            if code in labels:
                record_id = ids.part_id(loc_id, "accessibility", code)
                bundle.add(
                    "accessibility",
                    {"id": record_id, "location_id": loc_id, "description": capfirst(str(labels[code]))},
                )
                bundle.add("attribute", attach(record_id, "accessibility", "accessibility", code))
        for code in location.delivery_modes or []:
            bundle.add("attribute", attach(loc_id, "location", "delivery-modes", code))
        if location.has_coordinates and location.coordinates_approximate:
            bundle.add("attribute", attach(loc_id, "location", "registry-marks", "approximate-coordinates"))

    def schedules(self, location):
        """One weekly rule per distinct opening interval, listing the days that have it."""
        hours = location.opening_hours or {}
        if not hours_lib.has_hours(hours):
            return []
        number, offset = texts.utc_offset(location.timezone())
        intervals = {}
        for day in hours_lib.DAYS:
            for opens, closes in hours.get(day) or []:
                intervals.setdefault((opens, closes), []).append(day)
        loc_id = str(location.uuid)
        records = []
        for (opens, closes), days in sorted(intervals.items()):
            records.append(
                {
                    "id": ids.part_id(loc_id, "schedule", f"{opens}-{closes}"),
                    "location_id": loc_id,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": ",".join(RRULE_DAYS[day] for day in days),
                    "opens_at": f"{opens}{offset}",
                    "closes_at": f"{closes}{offset}",
                    "timezone": number,
                    "description": hours_lib.format_hours({day: [[opens, closes]] for day in days}),
                }
            )
        return records

    def _service(self, bundle, organisation, service, locations):
        service_id = str(service.uuid)
        org_id = str(organisation.uuid)
        concerns = sorted(service.concerns.all(), key=lambda c: (c.sort_order, c.name))
        record = {
            "id": service_id,
            "organization_id": org_id,
            "name": service.service_type.name,
            "description": service.description or service.service_type.description,
            "url": self.page_url(organisation),
            "email": organisation.email,
            "status": SERVICE_STATUS.get(organisation.status, "inactive"),
            "application_process": organisation.how_to_get_help,
            "fees_description": texts.fees(organisation.get_cost_display(), organisation.cost_note),
            "eligibility_description": texts.eligibility(
                service.age_min_months,
                service.age_max_months,
                [concern.name for concern in concerns],
                organisation.get_referral_required_display(),
            ),
            "minimum_age": texts.years(service.age_min_months),
            "maximum_age": texts.years(service.age_max_months),
            "assured_date": organisation.verified_at.isoformat() if organisation.verified_at else None,
            "last_modified": texts.timestamp(organisation.updated_at),
        }
        bundle.add("service", compact(record))
        for location in locations:
            bundle.add(
                "service_at_location",
                {
                    "id": ids.service_at_location_id(service.uuid, location.uuid),
                    "service_id": service_id,
                    "location_id": str(location.uuid),
                },
            )
        languages = sorted(service.languages.all(), key=lambda lang: (lang.sort_order, lang.name))
        for name, code in [(lang.name, lang.code) for lang in languages] or [DEFAULT_LANGUAGE]:
            record = {"id": ids.part_id(service_id, "language", code), "service_id": service_id}
            bundle.add("language", {**record, "name": name, "code": code})
        for option in self.cost_options(organisation, service_id):
            bundle.add("cost_option", option)
        for document in dict.fromkeys(lines(organisation.documents)):
            record = {"id": ids.part_id(service_id, "required_document", document), "service_id": service_id}
            bundle.add("required_document", {**record, "document": document})
        attach = self.vocabulary.attribute
        bundle.add("attribute", attach(service_id, "service", "service-types", service.service_type.slug))
        for concern in concerns:
            bundle.add("attribute", attach(service_id, "service", "developmental-concerns", concern.slug))
        bundle.add("attribute", attach(service_id, "service", "cost", organisation.cost))
        bundle.add("attribute", attach(service_id, "service", "referral", organisation.referral_required))

    def cost_options(self, organisation, service_id):
        options = []
        labels = dict(organisation.Cost.choices)
        if organisation.cost in ("free", "mixed"):
            options.append({"kind": "free", "amount": 0})
        if organisation.cost in ("paid", "mixed"):
            options.append({"kind": "paid"})
        records = []
        for option in options:
            kind = option.pop("kind")
            record = {
                "id": ids.part_id(service_id, "cost_option", kind),
                "service_id": service_id,
                "option": capfirst(str(labels[kind])),
                "currency": CURRENCY,
                **option,
            }
            records.append(record)
        return records
