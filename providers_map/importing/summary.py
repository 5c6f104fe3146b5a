"""The run's summary as text lines (printed by the command, shown by the admin preview)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .problems import WARNING

MAX_PRINTED_PROBLEMS = 200


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
