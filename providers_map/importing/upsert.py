"""Compare accepted rows with the registry and write the differences.

Organisations are matched on `import_key` (ОГРН, or ИНН without one; also on either number alone, so a
file that adds the ОГРН still finds the entry), locations on locality + address. Nothing is written for
an organisation whose values already match, so re-running a file changes nothing. Written entries are
saved as a revision and published, so their history shows the import. Locations that exist in the
registry but not in the file are kept (an import never deletes).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import published

from portal.models import DevelopmentalConcern, Language
from providers_map.hours import DAYS
from providers_map.models import Location, Organisation, Service

from .cleaning import location_key
from .problems import Problem, shown_value

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
COORDINATE_FIELDS = ("latitude", "longitude", "coordinates_source", "coordinates_approximate")

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass
class OrganisationPlan:
    key: str
    rows: list
    existing: Organisation | None = None
    action: str = UNCHANGED
    changed_fields: list = field(default_factory=list)
    services_changed: bool = False
    locations_created: int = 0
    locations_updated: int = 0
    location_values: dict = field(default_factory=dict)  # location key -> final values

    @property
    def organisation(self):
        return self.rows[0].organisation

    @property
    def display_name(self):
        return self.organisation["short_name"] or self.organisation["name"]


def normal_hours(hours):
    return {day: [list(i) for i in (hours or {}).get(day) or []] for day in DAYS}


def comparable(name, value):
    if name == "opening_hours":
        return normal_hours(value)
    if name in ("accessibility", "delivery_modes"):
        return sorted(value or [])
    if value is None and name not in ("latitude", "longitude", "verified_at", "region_id"):
        return ""
    return value


def service_signature(service):
    return (
        service.service_type_id,
        service.age_min_months,
        service.age_max_months,
        tuple(sorted(c.pk for c in service.concerns.all())),
        tuple(sorted(lang.pk for lang in service.languages.all())),
    )


def find_existing(groups):
    """Existing organisations for each group key: {key: Organisation}, plus problems for ambiguous matches."""
    inns = {rows[0].organisation["inn"] for rows in groups.values()} - {""}
    ogrns = {rows[0].organisation["ogrn"] for rows in groups.values()} - {""}
    candidates = list(
        Organisation.objects.filter(Q(import_key__in=groups) | Q(inn__in=inns) | Q(ogrn__in=ogrns)).prefetch_related(
            "locations", "services__concerns", "services__languages"
        )
    )
    by_key, by_inn, by_ogrn = {}, {}, {}
    for organisation in candidates:
        if organisation.import_key:
            by_key[organisation.import_key] = organisation
        if organisation.inn:
            by_inn.setdefault(organisation.inn, organisation)
        if organisation.ogrn:
            by_ogrn.setdefault(organisation.ogrn, organisation)
    found, problems = {}, []
    for key, rows in groups.items():
        org = rows[0].organisation
        matches = {
            o.pk: o for o in (by_key.get(key), by_inn.get(org["inn"]), by_ogrn.get(org["ogrn"])) if o is not None
        }
        if len(matches) > 1:
            problems.extend(_reject_rows(rows, "inn", _("The INN and the OGRN belong to different registry entries.")))
        elif matches:
            organisation = next(iter(matches.values()))
            if organisation.locked:
                problems.extend(
                    _reject_rows(
                        rows, "name", _("An editor has locked this entry: unlock it in the admin or retry later.")
                    )
                )
            else:
                found[key] = organisation
        else:
            found[key] = None
    return found, problems


def _reject_rows(rows, column, reason):
    return [Problem(row.row, column, shown_value(row.organisation.get(column, "")), reason) for row in rows]


def plan_organisation(key, rows, existing):
    plan = OrganisationPlan(key=key, rows=rows, existing=existing)
    desired_services = sorted(rows[0].services)
    if existing is None:
        plan.action = CREATE
        plan.locations_created = len(rows)
        plan.location_values = {row.location_key: dict(row.location) for row in rows}
        return plan
    for name in ORGANISATION_FIELDS:
        if comparable(name, getattr(existing, name)) != comparable(name, plan.organisation[name]):
            plan.changed_fields.append(name)
    plan.services_changed = sorted(service_signature(s) for s in existing.services.all()) != desired_services
    current = {location_key(loc.locality, loc.address): loc for loc in existing.locations.all()}
    for row in rows:
        values = dict(row.location)
        location = current.get(row.location_key)
        if location is None:
            plan.locations_created += 1
        else:
            keep_existing_point = (
                location.has_coordinates
                and (values["coordinates_source"] == "" or location.coordinates_source == "editor")
                and values["coordinates_source"] != "import"
            )
            if keep_existing_point:
                values.update({name: getattr(location, name) for name in COORDINATE_FIELDS})
            if any(comparable(n, getattr(location, n)) != comparable(n, values[n]) for n in LOCATION_FIELDS):
                plan.locations_updated += 1
        plan.location_values[row.location_key] = values
    if plan.changed_fields or plan.services_changed or plan.locations_created or plan.locations_updated:
        plan.action = UPDATE
    return plan


class Writer:
    """Applies plans: one revision + publish per created or changed organisation."""

    def __init__(self, data_source, user=None):
        self.data_source = data_source
        self.user = user
        self.concerns = DevelopmentalConcern.objects.in_bulk()
        self.languages = Language.objects.in_bulk()

    def build_services(self, plan):
        services = []
        for order, (type_id, age_min, age_max, concerns, languages) in enumerate(plan.rows[0].services):
            service = Service(service_type_id=type_id, age_min_months=age_min, age_max_months=age_max, sort_order=order)
            service.concerns = [self.concerns[pk] for pk in concerns]
            service.languages = [self.languages[pk] for pk in languages]
            services.append(service)
        return services

    def write(self, plan):
        if plan.action == UNCHANGED:
            return
        organisation = plan.existing or Organisation(live=False)
        for name in ORGANISATION_FIELDS:
            setattr(organisation, name, plan.organisation[name])
        organisation.data_source = self.data_source
        existing_locations = list(organisation.locations.all()) if plan.existing else []
        by_key = {location_key(loc.locality, loc.address): loc for loc in existing_locations}
        locations = list(existing_locations)
        for key, values in plan.location_values.items():
            location = by_key.get(key)
            if location is None:
                location = Location(sort_order=len(locations))
                locations.append(location)
            for name, value in values.items():
                setattr(location, name, value)
        organisation.locations = locations
        if plan.existing is None or plan.services_changed:
            organisation.services = self.build_services(plan)
        with disable_reference_index_auto_update():
            if plan.existing is None:
                self.create(organisation, plan)
            else:
                revision = organisation.save_revision(user=self.user, clean=False, log_action=True)
                revision.publish(user=self.user, skip_permission_checks=True)
                if plan.services_changed:
                    store_service_terms(organisation.pk, plan.rows[0].services)
        ReferenceIndex.create_or_update_for_object(organisation)

    def create(self, organisation, plan):
        """Save a new entry as published with its first revision, the way Wagtail's create + publish
        would (revision, "create" and "publish" history entries, the `published` signal), in one save."""
        now = timezone.now()
        organisation.live, organisation.has_unpublished_changes = True, False
        organisation.first_published_at = organisation.last_published_at = now
        organisation.save()
        store_service_terms(organisation.pk, plan.rows[0].services)
        revision = Revision.objects.create(
            content_object=organisation,
            base_content_type=organisation.get_base_content_type(),
            user=self.user,
            content=organisation.serializable_data(),
            object_str=str(organisation),
        )
        Organisation.objects.filter(pk=organisation.pk).update(latest_revision=revision, live_revision=revision)
        organisation.latest_revision = organisation.live_revision = revision
        log(organisation, "wagtail.create", user=self.user, revision=revision, content_changed=True)
        log(organisation, "wagtail.publish", user=self.user, revision=revision, content_changed=True)
        published.send(sender=Organisation, instance=organisation, revision=revision)


def store_service_terms(organisation_id, services):
    """Write the services' concerns and languages straight to their tables after publishing.

    Service is an Orderable, not a ClusterableModel, so its ParentalManyToManyFields are not carried by the
    organisation's revision; the published rows get them here (harmless if the model later carries them).
    """
    saved = list(Service.objects.filter(organisation_id=organisation_id).order_by("sort_order", "pk"))
    for name, position in (("concerns", 3), ("languages", 4)):
        through = Service._meta.get_field(name).remote_field.through
        field = Service._meta.get_field(name)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.filter(**{f"{source}__in": saved}).delete()
        through.objects.bulk_create(
            through(**{f"{source}_id": service.pk, f"{target}_id": pk})
            for service, spec in zip(saved, services, strict=False)
            for pk in spec[position]
        )
