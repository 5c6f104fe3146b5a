"""HSDS API objects: the flat records of a `Bundle` nested the way the HSDS 3.0 compiled schemas nest them.

List forms ("one-to-one fields only": `service_list`, `organization_list`, `service_at_location_list`) and
full forms (`service`, `organization`, `service_at_location`) are built from the same records the tabular
package exports, so the two never disagree.
"""

from . import provenance


class Nester:
    def __init__(self, vocabulary):
        self.vocabulary = vocabulary

    # Parts shared by several objects
    def attributes(self, bundle, link_id):
        nested = []
        for record in bundle.records("attribute", link_id=link_id):
            key, code = self.vocabulary.lookup(record["taxonomy_term_id"])
            nested.append({**record, "taxonomy_term": self.vocabulary.term(key, code, detail=True)})
        return nested

    def location(self, bundle, location_id):
        """A location with its addresses, schedules, accessibility and attributes."""
        record = bundle.first("location", id=location_id)
        accessibility = [
            {**item, "attributes": self.attributes(bundle, item["id"])}
            for item in bundle.records("accessibility", location_id=location_id)
        ]
        return {
            **record,
            "addresses": bundle.records("address", location_id=location_id),
            "schedules": bundle.records("schedule", location_id=location_id),
            "accessibility": accessibility,
            "attributes": self.attributes(bundle, location_id),
        }

    def organization_summary(self, bundle):
        """The organisation's one-to-one fields (as nested in list forms)."""
        return dict(bundle.tables["organization"][0])

    def organization_contacts(self, bundle):
        """The organisation with its phones, identifiers and attributes (as nested in a full service)."""
        organization = self.organization_summary(bundle)
        org_id = organization["id"]
        nested = {
            **organization,
            "phones": bundle.records("phone", organization_id=org_id),
            "organization_identifiers": bundle.records("organization_identifier", organization_id=org_id),
            "attributes": self.attributes(bundle, org_id),
            **({"metadata": bundle.metadata} if bundle.metadata else {}),
        }
        found = provenance.metadata(bundle.organisation)
        if found:  # a harvested entry says where it came from and when the source last confirmed it
            nested["metadata"] = found
        return nested

    # Services
    def service_list_item(self, bundle, service_id):
        record = bundle.first("service", id=service_id)
        return {**record, "organization": self.organization_summary(bundle)}

    def service_minimal(self, bundle, service_id):
        record = bundle.first("service", id=service_id)
        return {key: record[key] for key in ("id", "name", "status", "last_modified") if key in record}

    def service(self, bundle, service_id, with_locations=True):
        """A fully nested service (`compiled/service.json`)."""
        record = bundle.first("service", id=service_id)
        nested = {
            **record,
            "languages": bundle.records("language", service_id=service_id),
            "cost_options": bundle.records("cost_option", service_id=service_id),
            "required_documents": bundle.records("required_document", service_id=service_id),
            "attributes": self.attributes(bundle, service_id),
            "organization": self.organization_contacts(bundle),
        }
        if with_locations:
            nested["service_at_locations"] = [
                {**link, "location": self.location(bundle, link["location_id"])}
                for link in bundle.records("service_at_location", service_id=service_id)
            ]
        return nested

    # Services at locations
    def service_at_location_list_item(self, bundle, link_id):
        link = bundle.first("service_at_location", id=link_id)
        return {
            **link,
            "location": bundle.first("location", id=link["location_id"]),
            "service": self.service_list_item(bundle, link["service_id"]),
        }

    def service_at_location(self, bundle, link_id):
        """A fully nested service at a location (`compiled/service_at_location.json`)."""
        link = bundle.first("service_at_location", id=link_id)
        return {
            **link,
            "location": self.location(bundle, link["location_id"]),
            "service": self.service(bundle, link["service_id"], with_locations=False),
        }

    # Organisations
    def organization(self, bundle, full_service=False):
        """A fully nested organisation (`compiled/organization.json`); its services in list form unless
        `full_service`."""
        nested = self.organization_contacts(bundle)
        nested["locations"] = [self.location(bundle, record["id"]) for record in bundle.tables["location"]]
        services = [record["id"] for record in bundle.tables["service"]]
        if full_service:
            nested["services"] = [self.service(bundle, service_id) for service_id in services]
        else:
            nested["services"] = [dict(bundle.first("service", id=service_id)) for service_id in services]
        return nested
