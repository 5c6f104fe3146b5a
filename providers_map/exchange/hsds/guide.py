"""The field-by-field HSDS mapping as the open-data page shows it (the same table as in mapping.py, for people)."""

from django.utils.translation import gettext_lazy as _

FIELD_MAP = [
    (_("Names, summary, e-mail, website"), "organization: name, alternate_name, description, email, website"),
    (_("INN and OGRN"), "organization_identifier (identifier_scheme RU-INN, RU-OGRN)"),
    (_("Phones"), "phone (organization_id, type voice)"),
    (_("Ownership, sector, official registry"), "legal_status; attribute → ownership, sectors, registry-marks"),
    (_("Provider page on this portal"), "organization.uri, service.url"),
    (_("Address, locality, region, postcode"), "address: address_1, city, state_province, postal_code, country"),
    (_("Coordinates"), "location.latitude, longitude; attribute → registry-marks (approximate-coordinates)"),
    (_("Opening hours"), "schedule (freq WEEKLY, byday, opens_at, closes_at with the region's UTC offset)"),
    (_("Accessibility of the premises"), "accessibility; attribute → accessibility"),
    (_("How services are delivered"), "attribute → delivery-modes (on the location)"),
    (_("Service and its details"), "service.name, description; attribute → service-types"),
    (_("Ages"), "service.minimum_age, maximum_age (in years), eligibility_description"),
    (_("Developmental concerns"), "attribute → developmental-concerns (link_type eligibility)"),
    (_("Languages"), "language (name, code; none listed = Russian)"),
    (_("Cost and cost note"), "service.fees_description; cost_option (RUB, amount 0 when free); attribute → cost"),
    (_("How to get help, referral"), "service.application_process; attribute → referral"),
    (_("Documents to bring"), "required_document"),
    (_("Status"), "service.status: active, temporarily closed, defunct"),
    (_("Verified on, last change"), "service.assured_date, last_modified"),
]  # fmt: skip
