"""Where a harvested entry came from, as HSDS `metadata` records on its organization: the feed it was harvested
from (and its id there) with the date it last changed, and the date the feed last confirmed it."""

from django.core.exceptions import ObjectDoesNotExist

from . import ids

ACTIVE = "active"  # HarvestedEntry.State.ACTIVE (the models import this package's siblings, not the reverse)


def harvest_entry(organisation):
    """The organisation's active harvest provenance (loaded with it by `queries.public_organisations`), or None."""
    try:
        entry = organisation.harvested
    except (ObjectDoesNotExist, AttributeError, ValueError):
        return None
    return entry if entry is not None and entry.state == ACTIVE else None


def metadata(organisation):
    entry = harvest_entry(organisation)
    if entry is None:
        return []
    org_id = str(organisation.uuid)
    source = f"{entry.source.name} ({entry.source.base_url})"
    common = {"resource_id": org_id, "resource_type": "organization", "field_name": "", "previous_value": ""}
    return [
        {
            "id": ids.part_id(org_id, "metadata", "harvested"),
            **common,
            "last_action_date": entry.last_changed.date().isoformat(),
            "last_action_type": "harvested",
            "replacement_value": entry.feed_id,
            "updated_by": source,
        },
        {
            "id": ids.part_id(org_id, "metadata", "checked"),
            **common,
            "last_action_date": entry.last_seen.date().isoformat(),
            "last_action_type": "checked against the source",
            "replacement_value": "",
            "updated_by": source,
        },
    ]
