"""Checks across the rows of one file: duplicate locations and conflicting organisation data."""

from django.utils.translation import gettext as _

from .cleaning import cell_text
from .columns import ORGANISATION_KEYS
from .problems import Problem, shown_value

# Organisation-level values that must agree on every row of the same organisation.
_SERVICE_KEYS = {"services", "age_min_months", "age_max_months", "concerns", "languages"}


def organisation_values(clean):
    return {**clean.organisation, "services": clean.services}


def cross_check(clean_rows):
    """Return (accepted rows, problems) for the rows that passed the per-row checks, in file order.

    A row repeating an earlier row's organisation and address is rejected as a duplicate. When rows of one
    organisation disagree on organisation-level values, every row of that organisation is rejected: the
    import cannot know which one is right.
    """
    problems, accepted, seen_locations, first_of_org = [], [], {}, {}
    conflicting = {}
    for clean in clean_rows:
        key = clean.org_key
        location = (key, clean.location_key)
        if location in seen_locations:
            problems.append(
                Problem(
                    clean.row,
                    "address",
                    shown_value(clean.location["address"]),
                    _("Duplicate row: row %(row)s has the same organisation and address.")
                    % {"row": seen_locations[location]},
                )
            )
            continue
        seen_locations[location] = clean.row
        first = first_of_org.setdefault(key, clean)
        if first is not clean:
            differences = _differences(first, clean)
            if differences:
                conflicting.setdefault(key, []).append((clean, differences))
        accepted.append(clean)
    if conflicting:
        rejected_rows = set()
        for key, conflicts in conflicting.items():
            first = first_of_org[key]
            columns = sorted({column for _, diff in conflicts for column in diff}, key=ORGANISATION_KEYS.index)
            for clean in accepted:
                if clean.org_key != key:
                    continue
                rejected_rows.add(clean.row)
                mine = next((diff for other_row, diff in conflicts if other_row is clean), None)
                other = first if clean is not first else conflicts[0][0]
                for column in mine or columns:
                    problems.append(
                        Problem(
                            clean.row,
                            column,
                            shown_value(_raw_display(clean, column)),
                            _(
                                "Conflict: row %(other)s has the same organisation (INN/OGRN %(key)s) with a "
                                "different value in this column; correct the rows so they agree."
                            )
                            % {"other": other.row, "key": key},
                        )
                    )
        accepted = [clean for clean in accepted if clean.row not in rejected_rows]
    return accepted, problems


def _differences(first, other):
    a, b = organisation_values(first), organisation_values(other)
    columns = []
    for column in ORGANISATION_KEYS:
        if column in _SERVICE_KEYS:
            if a["services"] != b["services"] and "services" not in columns:
                columns.append("services")
        elif a.get(column) != b.get(column):
            columns.append(column)
    return columns


def _raw_display(clean, column):
    return cell_text(clean.cells.get(column))
