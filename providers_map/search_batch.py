"""Everything the providers search kind indexes about a batch of organisations, in five flat queries.

A rebuild indexes 100 000 organisations: building Entry objects through model instances and their
many-to-many managers costs milliseconds each, plain rows cost microseconds. Used for single organisations
on the publishing lifecycle too, so both paths index the same words.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation

from providers_map.models import Location, Organisation, Service


@dataclass
class OrganisationRows:
    locations: list = field(default_factory=list)  # dicts: locality, address, name, region code/name, lat/lon, modes
    services: list = field(default_factory=list)  # dicts: type slug/name, description, ages, concerns, languages


# The organisation fields the search documents read (ProviderKind.entry, the finder's organisation_part).
ORGANISATION_FIELDS = (
    "pk", "slug", "name", "short_name", "ownership", "sector", "cost", "status", "description",
    "how_to_get_help", "cost_note", "last_published_at", "updated_at",
)  # fmt: skip


class FlatOrganisation:
    """An organisation's indexed fields from a values() row, for a rebuild: model instances of 100 000
    organisations cost more than their documents. Reads like the model where the documents read it."""

    __slots__ = ORGANISATION_FIELDS
    display_name = Organisation.display_name

    def __init__(self, values, prefix=""):
        for name in ORGANISATION_FIELDS:
            setattr(self, name, values[prefix + name])


def ids_condition(field, ids):
    """`field` among `ids`: a range when the ids are dense (a rebuild's batches are runs of ids; a range
    costs nothing to build, a list of 2 000 parameters costs Django milliseconds), else a list.
    Rows of ids in the range but not in `ids` must be skipped by the caller."""
    ids = sorted(set(ids))
    if len(ids) > 1 and ids[-1] - ids[0] < 2 * len(ids):
        return Q(**{f"{field}__gte": ids[0], f"{field}__lte": ids[-1]})
    return Q(**{f"{field}__in": ids})


def load(organisation_ids):
    """{organisation id: OrganisationRows} for these organisations."""
    rows = {pk: OrganisationRows() for pk in organisation_ids}
    for loc in (
        Location.objects.filter(ids_condition("organisation_id", rows))
        .order_by("organisation_id", "sort_order", "pk")
        .values(
            "organisation_id", "name", "address", "locality", "latitude", "longitude", "delivery_modes",
            "region__code", "region__name",
        )
    ):  # fmt: skip
        if loc["organisation_id"] in rows:
            rows[loc["organisation_id"]].locations.append(loc)
    services = {}
    for service in (
        Service.objects.filter(ids_condition("organisation_id", rows))
        .order_by("organisation_id", "sort_order", "pk")
        .values("pk", "organisation_id", "description", "age_min_months", "age_max_months",
                "service_type__slug", "service_type__name")
    ):  # fmt: skip
        if service["organisation_id"] not in rows:
            continue
        service.update(concerns=[], languages=[], language_slugs=[])
        services[service["pk"]] = service
        rows[service["organisation_id"]].services.append(service)
    if not services:
        return rows
    concerns = Service.concerns.through.objects.filter(ids_condition("service_id", services))
    for service_id, slug, name in concerns.values_list(
        "service_id", "developmentalconcern__slug", "developmentalconcern__name"
    ):
        if service_id in services:
            services[service_id]["concerns"].append((slug, name))
    languages = Service.languages.through.objects.filter(ids_condition("service_id", services))
    for service_id, name, slug in languages.values_list("service_id", "language__name", "language__slug"):
        if service_id in services:
            services[service_id]["languages"].append(name)
            services[service_id]["language_slugs"].append(slug)
    return rows


class Labels:
    """Russian labels of the organisation's choices and delivery modes, translated once per process."""

    def __init__(self):
        with translation.override("ru"):
            self.ownership = {k: str(v) for k, v in Organisation.Ownership.choices}
            self.sector = {k: str(v) for k, v in Organisation.Sector.choices}
            self.cost = {k: str(v) for k, v in Organisation.Cost.choices}
            self.delivery = {k: str(v) for k, v in Location.DELIVERY_MODES}


def age_slugs(groups, services):
    """Slugs of the age groups that any service's age range overlaps."""
    return [
        slug
        for slug, low, high in groups
        if any(s["age_min_months"] < high and s["age_max_months"] >= low for s in services)
    ]


def concern_names(services):
    names = defaultdict(str)
    for service in services:
        for slug, name in service["concerns"]:
            names[slug] = name
    return dict(names)
