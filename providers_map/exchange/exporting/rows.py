"""Published organisations as rows of the registry layout.

Per organisation: one "адрес" row per location (an organisation without locations gets one "организация"
row instead), each with the organisation's columns, then one "услуга" row per service with its own ages,
concerns, languages and description. The import reads this back to the identical registry.
"""

from providers_map.exchange.importing.columns import KIND_LOCATION, KIND_ORGANISATION, KIND_SERVICE
from providers_map.exchange.importing.display import location_cells, organisation_cell, service_cells
from providers_map.exchange.importing.records import ServiceSpec
from providers_map.exchange.importing.snapshot import LOCATION_FIELDS, ORGANISATION_FIELDS
from providers_map.exchange.importing.vocabulary import Vocabulary
from providers_map.models import Organisation

CHUNK = 500


def kind_label(vocabulary, kind):
    return vocabulary.row_kind.label(kind)


def organisation_cells(organisation, vocabulary):
    return {name: organisation_cell(vocabulary, name, getattr(organisation, name)) for name in ORGANISATION_FIELDS}


def service_spec(service):
    return ServiceSpec(
        service.service_type_id,
        service.age_min_months,
        service.age_max_months,
        tuple(sorted(c.pk for c in service.concerns.all())),
        tuple(sorted(lang.pk for lang in service.languages.all())),
        service.description,
    )


def organisation_rows(organisation, vocabulary):
    cells = organisation_cells(organisation, vocabulary)
    locations = sorted(organisation.locations.all(), key=lambda loc: (loc.sort_order or 0, loc.pk))
    if not locations:
        yield {"row_kind": kind_label(vocabulary, KIND_ORGANISATION), **cells}
    for location in locations:
        values = {name: getattr(location, name) for name in LOCATION_FIELDS}
        yield {"row_kind": kind_label(vocabulary, KIND_LOCATION), **cells, **location_cells(vocabulary, values)}
    services = sorted(organisation.services.all(), key=lambda s: (s.sort_order or 0, s.pk))
    for service in services:
        yield {
            "row_kind": kind_label(vocabulary, KIND_SERVICE),
            "name": cells["name"],
            "inn": cells["inn"],
            "ogrn": cells["ogrn"],
            **service_cells(vocabulary, service_spec(service)),
        }


def export_rows(organisations=None):
    """Yield {column key: value} per row of the layout."""
    vocabulary = Vocabulary.from_db()
    queryset = (
        Organisation.objects.public().with_entries().order_by("name", "pk") if organisations is None else organisations
    )
    for organisation in queryset.iterator(chunk_size=CHUNK):
        yield from organisation_rows(organisation, vocabulary)
