"""Nested HSDS objects (an API's fully nested organization) → flat HSDS tables, the shape of a tabular package.

The inverse of `hsds.nesting`, for any HSDS 3.0 publisher: each nested array goes to its table with the parent's
id filled in where the nested form leaves the foreign key out. Taxonomy terms nested in attributes are kept
apart (`terms`), so the crosswalk knows the names of terms it has never seen.
"""

from providers_map.exchange.importing.hsds_reader import TABLES

# (parent table, nested key) → (child table, the child's foreign key to the parent)
CHILDREN = {
    ("organization", "phones"): ("phone", "organization_id"),
    ("organization", "organization_identifiers"): ("organization_identifier", "organization_id"),
    ("organization", "locations"): ("location", "organization_id"),
    ("organization", "services"): ("service", "organization_id"),
    ("location", "addresses"): ("address", "location_id"),
    ("location", "schedules"): ("schedule", "location_id"),
    ("location", "accessibility"): ("accessibility", "location_id"),
    ("location", "phones"): ("phone", "location_id"),
    ("service", "languages"): ("language", "service_id"),
    ("service", "cost_options"): ("cost_option", "service_id"),
    ("service", "required_documents"): ("required_document", "service_id"),
    ("service", "schedules"): ("schedule", "service_id"),
    ("service", "phones"): ("phone", "service_id"),
}
ATTRIBUTE_OWNERS = {"organization", "location", "service", "accessibility"}


def empty_tables():
    return {table: [] for table in TABLES}


class Unnester:
    def __init__(self):
        self.tables = empty_tables()
        self.terms = {}  # term id -> the nested taxonomy_term object
        self._seen = {table: set() for table in TABLES}

    def add(self, table, record, **keys):
        """Put the flat part of `record` in `table` (once per id) and walk its nested arrays."""
        if not isinstance(record, dict):
            return
        flat = {key: value for key, value in record.items() if not isinstance(value, dict | list)}
        for key, value in keys.items():
            flat.setdefault(key, value)
        record_id = flat.get("id")
        if table in self.tables and (record_id is None or record_id not in self._seen[table]):
            self._seen[table].add(record_id)
            self.tables[table].append(flat)
        for key, value in record.items():
            if not isinstance(value, list):
                continue
            if key == "attributes" and table in ATTRIBUTE_OWNERS:
                for attribute in value:
                    self.attribute(attribute, record_id, table)
            elif (table, key) in CHILDREN:
                child, foreign_key = CHILDREN[(table, key)]
                for item in value:
                    self.add(child, item, **{foreign_key: record_id})
            elif table == "service" and key == "service_at_locations":
                for link in value:
                    location = link.get("location") if isinstance(link, dict) else None
                    if isinstance(location, dict):
                        self.add("location", location, organization_id=flat.get("organization_id"))

    def attribute(self, attribute, link_id, link_entity):
        if not isinstance(attribute, dict):
            return
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict) and term.get("id"):
            self.terms.setdefault(str(term["id"]), term)
        self.add("attribute", attribute, link_id=link_id, link_entity=link_entity)


def unnest(organizations):
    """(tables, terms) for nested organization objects."""
    unnester = Unnester()
    for organization in organizations:
        unnester.add("organization", organization)
    return unnester.tables, unnester.terms


class Collector:
    """Organisations as they arrive, validated and flattened at once: only the flat records are kept, not the
    nested objects (which repeat the organisation in every service and a term in every attribute)."""

    def __init__(self, check):
        self.check = check
        self.unnester = Unnester()
        self.errors = {}  # organisation id -> schema errors
        self.count = 0

    def add(self, organization):
        problems = self.check(organization)
        if problems:
            self.errors[str(organization.get("id") or "")] = problems
        self.unnester.add("organization", organization)
        self.count += 1
