"""The run's summary as text lines (printed by the command): counts, then per organisation what is new,
what changes (column: old → new, also for services and addresses), which are unchanged, which are rejected,
and every problem with its row, column, value and reason."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from .planning import CREATE, UNCHANGED
from .problems import WARNING

MAX_PRINTED_PROBLEMS = 200
MAX_PRINTED_PLANS = 200


def summary_lines(result):
    if result.unusable:
        return [_("The file cannot be imported: %(reason)s") % {"reason": result.unusable}]
    mode = _("Dry run: nothing was written.") if result.dry_run else _("Import finished.")
    lines = [
        f"{mode} {result.file_name}",
        _("Rows: %(total)s, accepted: %(accepted)s, rejected: %(rejected)s.")
        % {"total": result.rows_total, "accepted": result.rows_accepted, "rejected": result.rows_rejected},
        _("Organisations: created %(created)s, updated %(updated)s, unchanged %(unchanged)s.")
        % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
    ]
    if result.warnings:
        lines.append(
            ngettext("%(count)s warning.", "%(count)s warnings.", len(result.warnings))
            % {"count": len(result.warnings)}
        )
    if result.ignored_columns:
        lines.append(
            _("Columns not in the layout were ignored: %(columns)s.") % {"columns": ", ".join(result.ignored_columns)}
        )
    lines.extend(result.notices)
    lines.extend(plan_lines(result))
    lines.extend(problem_lines(result))
    return lines


def plan_lines(result):
    lines = []
    changing = [plan for plan in result.plans if plan.action != UNCHANGED]
    for plan in changing[:MAX_PRINTED_PLANS]:
        rows = ", ".join(str(row) for row in plan.rows[:20]) + ("…" if len(plan.rows) > 20 else "")
        if plan.action == CREATE:
            lines.append(_("+ new: %(name)s (rows %(rows)s)") % {"name": plan.name, "rows": rows})
        else:
            lines.append(_("~ changed: %(name)s (rows %(rows)s)") % {"name": plan.name, "rows": rows})
            for column, old, new in plan.changes:
                lines.append(f"    {column}: {old} → {new}")
            for change in plan.service_changes:
                lines.append(f"    {_('service')} {service_kind(change['kind'])}: {change['text']}")
                for column, old, new in change["changes"]:
                    lines.append(f"      {column}: {old} → {new}")
            for change in plan.location_changes:
                lines.append(f"    {_('address')} {location_kind(change['kind'])}: {change['text']}")
                for column, old, new in change["changes"]:
                    lines.append(f"      {column}: {old} → {new}")
        for notice in plan.notices:
            lines.append(f"    ! {notice}")
    hidden = len(changing) - MAX_PRINTED_PLANS
    if hidden > 0:
        lines.append(_("…and %(count)s more organisations: see the admin preview.") % {"count": hidden})
    for plan in result.plans:
        if plan.action == UNCHANGED and plan.notices:
            lines.append(_("= unchanged: %(name)s") % {"name": plan.name})
            lines.extend(f"    ! {notice}" for notice in plan.notices)
    for entry in result.rejected_organisations[:MAX_PRINTED_PLANS]:
        rows = ", ".join(str(row) for row in entry["rows"])
        lines.append(_("x rejected: %(name)s (rows %(rows)s)") % {"name": entry["name"] or entry["key"], "rows": rows})
    return lines


def service_kind(kind):
    return {"added": _("added"), "removed": _("removed"), "changed": _("changed"), "order": _("reordered")}[kind]


def location_kind(kind):
    return {"added": pgettext("address", "added"), "changed": pgettext("address", "changed")}[kind]


def problem_lines(result):
    lines = []
    for problem in sorted(result.problems, key=lambda p: p.row)[:MAX_PRINTED_PROBLEMS]:
        prefix = _("warning") if problem.kind == WARNING else _("rejected")
        lines.append(
            _("Row %(row)s, column “%(column)s”, value “%(value)s”: %(reason)s [%(kind)s]")
            % {
                "row": problem.row,
                "column": problem.header,
                "value": problem.value,
                "reason": problem.reason,
                "kind": prefix,
            }
        )
    hidden = len(result.problems) - MAX_PRINTED_PROBLEMS
    if hidden > 0:
        lines.append(_("…and %(count)s more: see the report file.") % {"count": hidden})
    return lines
