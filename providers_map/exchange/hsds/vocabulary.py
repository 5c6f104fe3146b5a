"""The portal's controlled vocabularies published as HSDS taxonomies and taxonomy terms.

Service types and developmental concerns come from the editors' reference lists (`core.models`); the fixed
code lists of the registry (delivery modes, accessibility, ownership, sector, cost, referral) and two registry
marks come from the models' choices. Each taxonomy says which HSDS objects its terms are attached to (as
`attribute` records) and with which `link_type`. Term `code` is the code used everywhere else in the portal
(filter URLs, imports); term identifiers are derived from (taxonomy key, code), see `ids`.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.models import DevelopmentalConcern, ServiceType
from providers_map.models import Location, Organisation

from . import ids

LANGUAGE = "ru"
REGISTRY_MARKS = [
    ("official-registry", _("In the official regional registry of early-care providers")),
    ("approximate-coordinates", _("Approximate coordinates: the point marks the locality, not the building")),
]


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    link_entity: str  # the HSDS table whose records carry the terms
    link_type: str  # the attribute's link_type
    model: type | None = None  # a core.models term model, or None for a fixed code list
    choices: tuple = ()

    @property
    def id(self):
        return ids.taxonomy_id(self.key)


TAXONOMIES = (
    Taxonomy(
        "service-types",
        _("Early-care service types"),
        _("The services of early care that providers offer, as listed by the portal."),
        "service",
        "service_type",
        model=ServiceType,
    ),
    Taxonomy(
        "developmental-concerns",
        _("Developmental concerns"),
        _("Conditions and concerns a service is meant for; a service without them is for any child."),
        "service",
        "eligibility",
        model=DevelopmentalConcern,
    ),
    Taxonomy(
        "delivery-modes",
        _("How services are delivered"),
        _("Where a family receives the services of a location: at the centre, at home, remotely."),
        "location",
        "delivery_mode",
        choices=tuple(Location.DELIVERY_MODES),
    ),
    Taxonomy(
        "accessibility",
        _("Accessibility of the premises"),
        _("Features of a location's premises for visitors with disabilities, as checked by the registry."),
        "accessibility",
        "accessibility",
        choices=tuple(Location.ACCESSIBILITY_FEATURES),
    ),
    Taxonomy(
        "ownership",
        _("Form of ownership"),
        _("State, municipal, non-profit or commercial organisation."),
        "organization",
        "ownership",
        choices=tuple(Organisation.Ownership.choices),
    ),
    Taxonomy(
        "sectors",
        _("Sector"),
        _("The public-service sector the organisation belongs to."),
        "organization",
        "sector",
        choices=tuple(Organisation.Sector.choices),
    ),
    Taxonomy(
        "cost",
        _("Cost for families"),
        _("Whether the services are free of charge for families."),
        "service",
        "cost",
        choices=tuple(Organisation.Cost.choices),
    ),
    Taxonomy(
        "referral",
        _("Referral"),
        _("Whether a family needs a referral (from a doctor, a commission) to be admitted."),
        "service",
        "referral",
        choices=tuple(Organisation.Referral.choices),
    ),
    Taxonomy(
        "registry-marks",
        _("Registry marks"),
        _("Marks the registry puts on organisations and locations."),
        "organization",
        "registry",
        choices=tuple(REGISTRY_MARKS),
    ),
)
BY_KEY = {taxonomy.key: taxonomy for taxonomy in TAXONOMIES}


def _text(value):
    return capfirst(str(value))


class Vocabulary:
    """All taxonomies and terms, loaded once (two small queries) and looked up by key/code or by id."""

    def __init__(self, api_base=""):
        self.api_base = api_base.rstrip("/")
        self._taxonomies = {}
        self._terms = {}  # (key, code) -> term record, in taxonomy order then the terms' own order
        self._by_id = {}
        with translation.override(LANGUAGE):
            for taxonomy in TAXONOMIES:
                self._taxonomies[taxonomy.key] = self._taxonomy_record(taxonomy)
                for code, name, description in self._rows(taxonomy):
                    term = {
                        "id": ids.term_id(taxonomy.key, code),
                        "code": code,
                        "name": _text(name),
                        "description": _text(description or name),
                        "taxonomy": _text(taxonomy.name),
                        "taxonomy_id": taxonomy.id,
                        "language": LANGUAGE,
                    }
                    self._terms[(taxonomy.key, code)] = term
                    self._by_id[term["id"]] = (taxonomy.key, code)

    def _taxonomy_record(self, taxonomy):
        record = {"id": taxonomy.id, "name": _text(taxonomy.name), "description": _text(taxonomy.description)}
        if self.api_base:
            record["uri"] = f"{self.api_base}/taxonomies/{taxonomy.id}"
        return record

    @staticmethod
    def _rows(taxonomy):
        if taxonomy.model is not None:
            terms = taxonomy.model.objects.order_by("sort_order", "name")
            return [(term.slug, term.name, term.description) for term in terms]
        return [(code, label, "") for code, label in taxonomy.choices]

    def taxonomy(self, key):
        return dict(self._taxonomies[key])

    def taxonomies(self):
        return [self.taxonomy(taxonomy.key) for taxonomy in TAXONOMIES]

    def term(self, key, code, detail=False):
        """The term record for (taxonomy key, code), with its taxonomy nested when `detail`; None if unknown."""
        term = self._terms.get((key, code))
        if term is None:
            return None
        return {**term, "taxonomy_detail": self.taxonomy(key)} if detail else dict(term)

    def terms(self, key=None, detail=False):
        keys = [key] if key else [taxonomy.key for taxonomy in TAXONOMIES]
        return [
            self.term(k, code, detail)
            for k in keys
            for (term_key, code) in self._terms
            if term_key == k  # dict order is taxonomy order, then the terms' own order
        ]

    def lookup(self, term_id):
        """(taxonomy key, code) for a term id, or None."""
        value = ids.as_uuid(term_id)
        return self._by_id.get(str(value)) if value else None

    def attribute(self, link_id, link_entity, key, code, value=None):
        """A flat HSDS `attribute` record attaching term (key, code) to the record `link_id`; None if unknown."""
        term = self._terms.get((key, code))
        if term is None:
            return None
        record = {
            "id": ids.part_id(link_id, "attribute", term["id"]),
            "link_id": str(link_id),
            "link_entity": link_entity,
            "link_type": BY_KEY[key].link_type,
            "taxonomy_term_id": term["id"],
        }
        if value not in (None, ""):
            record["value"] = str(value)
        return record
