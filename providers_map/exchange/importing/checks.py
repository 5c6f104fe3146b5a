"""Checks across the rows of one file: duplicate rows and conflicting organisation data.

The duplicate rule (docs/import-format.md): two address rows of one organisation are the same location when
their locality, address and branch name agree (ignoring case, ё and punctuation) and so do their
coordinates, or one of them has none. Two branches or two points at one street address are therefore fine:
give them different branch names or their own coordinates. A service row repeating another service row of
the organisation exactly is a duplicate too.
"""

from django.utils.translation import gettext as _

from .columns import KIND_LOCATION, KIND_SERVICE, ORGANISATION_KEYS
from .problems import Problem, shown_value
from .row_cleaner import cell_text


def same_point(a, b):
    return a == b or None in (a[0], b[0])


def cross_check(clean_rows):
    """Return (accepted rows, problems) for the rows that passed the per-row checks, in file order.

    When the rows of one organisation disagree on organisation-level values, every row of that organisation
    that carries them is rejected: the import cannot know which one is right.
    """
    problems, accepted = [], []
    seen_points = {}  # (org key, location key) -> [(point, row)]
    seen_services = {}  # (org key, spec) -> row
    for clean in clean_rows:
        if clean.kind == KIND_SERVICE:
            earlier = seen_services.setdefault((clean.org_key, clean.service), clean.row)
            if earlier != clean.row:
                problems.append(_duplicate(clean, "services", clean.cells.get("services"), earlier))
                continue
        elif clean.kind == KIND_LOCATION:
            points = seen_points.setdefault((clean.org_key, clean.location_key), [])
            earlier = next((row for point, row in points if same_point(point, clean.point)), None)
            if earlier is not None:
                problems.append(_duplicate(clean, "address", clean.location.get("address"), earlier))
                continue
            points.append((clean.point, clean.row))
        accepted.append(clean)
    accepted, conflicts = _reject_conflicts(accepted)
    problems.extend(conflicts)
    accepted, mixed = _reject_mixed_services(accepted)
    problems.extend(mixed)
    return accepted, problems


def _duplicate(clean, column, value, earlier):
    reason = (
        _("Duplicate row: row %(row)s has the same service of this organisation.")
        if column == "services"
        else _(
            "Duplicate row: row %(row)s has the same organisation, address and branch name. Two points at one "
            "address need different branch names or their own coordinates."
        )
    )
    return Problem(clean.row, column, shown_value(cell_text(value)), reason % {"row": earlier})


def organisation_values(clean):
    return {**clean.organisation, "services": clean.services}


def _differences(first, other):
    a, b = organisation_values(first), organisation_values(other)
    columns = []
    for column in ORGANISATION_KEYS:
        if column in ("services", "age_min_months", "age_max_months", "concerns", "languages"):
            if a["services"] != b["services"] and "services" not in columns:
                columns.append("services")
        elif column in a and a.get(column) != b.get(column):
            columns.append(column)
    return columns


def _reject_conflicts(accepted):
    first_of_org, conflicting = {}, {}
    for clean in accepted:
        if clean.kind == KIND_SERVICE:
            continue
        first = first_of_org.setdefault(clean.org_key, clean)
        if first is not clean:
            differences = _differences(first, clean)
            if differences:
                conflicting.setdefault(clean.org_key, []).append((clean, differences))
    if not conflicting:
        return accepted, []
    problems, rejected_rows = [], set()
    for key, conflicts in conflicting.items():
        first = first_of_org[key]
        columns = sorted({column for _, diff in conflicts for column in diff}, key=ORGANISATION_KEYS.index)
        for clean in accepted:
            if clean.org_key != key or clean.kind == KIND_SERVICE:
                continue
            rejected_rows.add(clean.row)
            mine = next((diff for other_row, diff in conflicts if other_row is clean), None)
            other = first if clean is not first else conflicts[0][0]
            for column in mine or columns:
                problems.append(
                    Problem(
                        clean.row,
                        column,
                        shown_value(cell_text(clean.cells.get(column))),
                        _(
                            "Conflict: row %(other)s has the same organisation (INN/OGRN %(key)s) with a "
                            "different value in this column; correct the rows so they agree."
                        )
                        % {"other": other.row, "key": key},
                    )
                )
    return [clean for clean in accepted if clean.row not in rejected_rows], problems


def _reject_mixed_services(accepted):
    """An organisation's services come either from its “услуга” rows or from the shared columns, not both."""
    with_service_rows = {clean.org_key for clean in accepted if clean.kind == KIND_SERVICE}
    problems, kept = [], []
    for clean in accepted:
        if clean.kind != KIND_SERVICE and clean.services is not None and clean.org_key in with_service_rows:
            problems.append(
                Problem(
                    clean.row,
                    "services",
                    shown_value(cell_text(clean.cells.get("services"))),
                    _("This organisation's services are given on “услуга” rows: leave this cell empty."),
                )
            )
        else:
            kept.append(clean)
    return kept, problems
