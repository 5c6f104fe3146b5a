"""Compare one organisation's accepted rows with the registry: what the import will create or change.

The plan holds the complete values to write and, for the preview, every difference as (column, old, new),
for the organisation, its services and its locations. Values a file does not mention are taken from the
registry, so they never change; a file that cannot express what the registry holds says so in `notices`.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from providers_map.hours import DAYS, empty_hours

from .columns import KIND_ORGANISATION, KIND_SERVICE
from .display import (
    header,
    location_cells,
    location_text,
    organisation_cell,
    service_cells,
    service_text,
    shown,
)
from .geocode import gazetteer_point, resolve_point
from .problems import WARNING, Problem, shown_value
from .snapshot import LOCATION_FIELDS, ORGANISATION_FIELDS

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
ORGANISATION_DEFAULTS = {
    "description": "",
    "how_to_get_help": "",
    "short_name": "",
    "website": "",
    "email": "",
    "phones": "",
    "referral_required": "no",
    "documents": "",
    "cost": "free",
    "cost_note": "",
    "in_official_registry": False,
    "verified_at": None,
    "status": "active",
}
LOCATION_DEFAULTS = {
    "name": "",
    "postcode": "",
    "latitude": None,
    "longitude": None,
    "coordinates_source": "",
    "coordinates_approximate": False,
    "accessibility": [],
    "delivery_modes": [],
}
LOCATION_COLUMN = {"name": "location_name", "region_id": "region"}
TEXT_FIELDS = {"description", "how_to_get_help", "documents", "cost_note", "name", "short_name"}


@dataclass
class OrganisationPlan:
    key: str
    name: str
    rows: list
    existing: object = None  # ExistingOrganisation
    action: str = UNCHANGED
    values: dict = field(default_factory=dict)
    services: list | None = None  # the complete new list, or None when the services stay as they are
    location_creates: list = field(default_factory=list)
    location_updates: dict = field(default_factory=dict)  # pk -> complete values
    changes: list = field(default_factory=list)  # (column header, old, new)
    service_changes: list = field(default_factory=list)  # {"kind", "text", "changes"}
    location_changes: list = field(default_factory=list)  # {"kind", "text", "row", "changes"}
    notices: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # {"row", "what"}
    extras: dict = field(default_factory=dict)  # a new entry's uuid, slug and last change (from HSDS)
    warnings: list = field(default_factory=list)
    state_target: tuple = (None, None)  # (organisation pk, its published revision) after this run

    @property
    def display_name(self):
        return self.name

    @property
    def row_count(self):
        return len(self.rows)

    def as_dict(self):
        return {
            "key": self.key,
            "name": self.name,
            "rows": self.rows,
            "action": self.action,
            "changes": [list(change) for change in self.changes],
            "service_changes": self.service_changes,
            "location_changes": self.location_changes,
            "notices": self.notices,
            "rejected": self.rejected,
        }


def comparable(name, value):
    if name == "opening_hours":
        value = value or {}
        return {day: [list(i) for i in value.get(day) or []] for day in DAYS}
    if name in ("accessibility", "delivery_modes"):
        return sorted(value or [])
    if value is None and name not in ("latitude", "longitude", "verified_at", "region_id"):
        return ""
    if isinstance(value, str) and name in TEXT_FIELDS:
        return value.replace("\r\n", "\n").strip()
    return value


class Planner:
    def __init__(self, vocabulary, rejected_by_key=None):
        self.vocabulary = vocabulary
        self.russian = vocabulary.languages.resolve("ru")
        self.rejected_by_key = rejected_by_key or {}

    def plan(self, key, rows, existing):
        """(OrganisationPlan or None, problems): None when the rows cannot make an entry."""
        org_rows = [row for row in rows if row.kind != KIND_SERVICE]
        service_rows = [row for row in rows if row.kind == KIND_SERVICE]
        if not org_rows and existing is None:
            reason = _(
                "No registry entry has this INN/OGRN and the file has no address row for it: add an “адрес” or "
                "“организация” row with the organisation's details."
            )
            return None, [Problem(row.row, "inn", shown_value(key), reason) for row in rows]
        given = org_rows[0].organisation if org_rows else {}
        name = given.get("short_name") or given.get("name") or ""
        if existing is not None and not name:
            name = existing.values["short_name"] or existing.values["name"]
        plan = OrganisationPlan(key=key, name=name, rows=[row.row for row in rows], existing=existing)
        plan.rejected = self.rejected_by_key.get(key, [])
        self._pending_warnings = plan.warnings
        self.plan_values(plan, given)
        if existing is None:
            plan.extras = {key: given[key] for key in ("uuid", "slug", "updated_at") if given.get(key)}
        self.plan_services(plan, org_rows, service_rows)
        self.plan_locations(plan, [row for row in org_rows if row.kind != KIND_ORGANISATION])
        if existing is None:
            plan.action = CREATE
        elif plan.changes or plan.services is not None or plan.location_creates or plan.location_updates:
            plan.action = UPDATE
        if plan.rejected and plan.action != UNCHANGED:
            rows_text = ", ".join(f"{item['row']} ({item['what']})" for item in plan.rejected)
            plan.notices.append(_("Published without the rejected rows: %(rows)s.") % {"rows": rows_text})
        return plan, plan.warnings

    # --- organisation ---

    def plan_values(self, plan, given):
        existing = plan.existing
        base = dict(existing.values) if existing else {**ORGANISATION_DEFAULTS}
        values = dict(base)
        for name in ORGANISATION_FIELDS:
            if name not in given:
                continue
            if name in ("inn", "ogrn") and not given[name] and existing is not None:
                continue  # an empty number never erases the registry's
            values[name] = given[name]
        plan.values = values
        if existing is None:
            return
        for name in ORGANISATION_FIELDS:
            old, new = base.get(name), values.get(name)
            if old != new and comparable(name, old) != comparable(name, new):
                plan.changes.append(
                    (
                        header(name),
                        shown(organisation_cell(self.vocabulary, name, old)),
                        shown(organisation_cell(self.vocabulary, name, new)),
                    )
                )
        if not existing.live:
            plan.changes.append((_("Published"), _("no"), _("yes")))

    # --- services ---

    def plan_services(self, plan, org_rows, service_rows):
        existing = plan.existing.services if plan.existing else []
        rejected_services = [item for item in plan.rejected if item.get("kind") == KIND_SERVICE]
        shared = next((row.services for row in org_rows if row.services is not None), None)
        if rejected_services and plan.existing is not None:
            plan.notices.append(_("The services stay as they are in the registry: some service rows were rejected."))
            return
        if service_rows:
            wanted = [row.service for row in service_rows]
        elif shared is not None:
            wanted = self.shared_services(plan, list(shared), existing)
            if wanted is None:
                return
        else:
            return  # the file does not mention this organisation's services
        wanted = _russian_only_as_registry(_with_descriptions(wanted, existing), existing, self.russian)
        if plan.existing is not None and wanted == existing:
            return
        plan.services = wanted
        if plan.existing is not None:
            plan.service_changes = self.service_differences(existing, wanted)

    def shared_services(self, plan, shared, existing):
        """The older layout's services (one age range and list of concerns and languages for all)."""
        if not existing or [s.service_type_id for s in shared] != [s.service_type_id for s in existing]:
            return shared
        uniform = len({s.core[1:] for s in existing}) == 1
        flattened = (
            min(s.age_min for s in existing),
            max(s.age_max for s in existing),
            tuple(sorted({pk for s in existing for pk in s.concerns})),
            tuple(sorted({pk for s in existing for pk in s.languages})),
        )
        if shared[0].core[1:] == flattened:
            if not uniform:
                plan.notices.append(
                    _(
                        "The file gives one age range, one list of concerns and one of languages for all services, "
                        "but in the registry they differ between services: the services stay as they are. To "
                        "change them, use “услуга” rows (one per service)."
                    )
                )
            return None
        if not uniform:
            plan.notices.append(
                _(
                    "The file gives one age range, one list of concerns and one of languages for all services: "
                    "the differences between services in the registry will be replaced by these values."
                )
            )
        return shared

    def service_differences(self, old, new):
        differences, unmatched = [], list(range(len(old)))
        for spec in new:
            index = next((i for i in unmatched if old[i].service_type_id == spec.service_type_id), None)
            if index is None:
                differences.append({"kind": "added", "text": service_text(self.vocabulary, spec), "changes": []})
                continue
            unmatched.remove(index)
            before, after = service_cells(self.vocabulary, old[index]), service_cells(self.vocabulary, spec)
            changes = [
                [header(column), shown(before[column]), shown(after[column])]
                for column in before
                if before[column] != after[column]
            ]
            if changes:
                differences.append({"kind": "changed", "text": service_text(self.vocabulary, spec), "changes": changes})
        for index in unmatched:
            differences.append({"kind": "removed", "text": service_text(self.vocabulary, old[index]), "changes": []})
        if not differences:
            differences.append({"kind": "order", "text": _("the order of the services"), "changes": []})
        return differences

    # --- locations ---

    def plan_locations(self, plan, rows):
        existing = plan.existing
        by_key = existing.locations_by_key() if existing else {}
        used = set()
        next_order = max((loc["sort_order"] or 0 for loc in existing.locations), default=-1) + 1 if existing else 0
        by_uuid = {str(loc["uuid"]): loc for loc in existing.locations} if existing else {}
        for row in rows:
            match = by_uuid.get(row.location.get("uuid", ""))  # an HSDS package names its locations
            if match is None or match["pk"] in used:
                candidates = [loc for loc in by_key.get(row.location_key, ()) if loc["pk"] not in used]
                match = next((loc for loc in candidates if (loc["latitude"], loc["longitude"]) == row.point), None)
                match = match or (candidates[0] if candidates else None)
            values = self.location_values(row, match)
            if match is None:
                if row.location.get("uuid"):
                    values["uuid"] = row.location["uuid"]
                values["sort_order"] = next_order
                next_order += 1
                plan.location_creates.append(values)
                if existing is not None:
                    plan.location_changes.append(
                        {"kind": "added", "text": location_text(values), "row": row.row, "changes": []}
                    )
                continue
            used.add(match["pk"])
            changed = [
                name
                for name in LOCATION_FIELDS
                if match[name] != values[name] and comparable(name, match[name]) != comparable(name, values[name])
            ]
            if changed:
                plan.location_updates[match["pk"]] = values
                before, after = location_cells(self.vocabulary, match), location_cells(self.vocabulary, values)
                columns = []
                for name in changed:
                    column = LOCATION_COLUMN.get(name, name)
                    if column in ("latitude", "longitude") and before[column] == after[column]:
                        continue
                    if column not in columns:
                        columns.append(column)
                changes = [[header(c), shown(before[c]), shown(after[c])] for c in columns]
                plan.location_changes.append(
                    {"kind": "changed", "text": location_text(values), "row": row.row, "changes": changes}
                )

    def location_values(self, row, existing):
        given = row.location
        if existing:
            values = {name: existing[name] for name in LOCATION_FIELDS}
        else:
            values = {**LOCATION_DEFAULTS, "opening_hours": empty_hours()}
        for name in ("name", "region_id", "locality", "address", "postcode", "opening_hours"):
            if name in given:
                values[name] = given[name]
        for name in ("accessibility", "delivery_modes"):
            if name in given:
                values[name] = given[name]
        region_code = self.vocabulary.region_codes.get(given.get("region_id"))
        point, source, approximate, placed = resolve_point(
            given, existing, lambda: gazetteer_point(given.get("locality", ""), region_code)
        )
        values["latitude"], values["longitude"] = point
        values["coordinates_source"], values["coordinates_approximate"] = source, approximate
        if not placed:
            self.warnings_for(row)
        return values

    def warnings_for(self, row):
        self._pending_warnings.append(
            Problem(
                row.row,
                "locality",
                shown_value(row.location.get("locality", "")),
                _(
                    "The gazetteer has no such locality in this region: the row is imported without coordinates; "
                    "set the point on the map in the admin."
                ),
                kind=WARNING,
            )
        )

    _pending_warnings = None


def _russian_only_as_registry(wanted, existing, russian):
    """ "Russian" alone and no language say the same (a service in Russian only): keep the registry's form."""
    if russian is None:
        return wanted
    pool = list(existing)
    result = []
    for spec in wanted:
        same = next((old for old in pool if old.service_type_id == spec.service_type_id), None)
        if same is not None:
            pool.remove(same)
            if {spec.languages, same.languages} == {(), (russian,)}:
                spec = type(spec)(*spec.core[:4], same.languages, spec.description, uuid=spec.uuid)
        result.append(spec)
    return result


def _with_descriptions(wanted, existing):
    """Services whose description the file does not give keep the registry's (matched by service type)."""
    if all(spec.description is not None for spec in wanted):
        return wanted
    pool = list(existing)
    result = []
    for spec in wanted:
        description = spec.description
        if description is None:
            match = next((old for old in pool if old.service_type_id == spec.service_type_id), None)
            if match is not None:
                pool.remove(match)
            description = match.description if match is not None else ""
        result.append(
            type(spec)(spec.service_type_id, spec.age_min, spec.age_max, spec.concerns, spec.languages, description)
        )
    return result
