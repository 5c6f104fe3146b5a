"""What the import tells the operator about a row: rejections (errors) and warnings."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .columns import BY_KEY

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet shows it (header = 1); 0 for the file as a whole
    column: str  # column key, "" for the row as a whole
    value: str
    reason: str  # Russian, for the operator
    kind: str = ERROR

    @property
    def header(self):
        column = BY_KEY.get(self.column)
        return column.header if column else self.column

    def as_dict(self):
        return {"row": self.row, "column": self.header, "value": self.value, "reason": self.reason, "kind": self.kind}


def shown_value(value, limit=200):
    if value is None:
        return ""
    text = value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_csv(problems):
    """The problems as CSV text for Excel: UTF-8 with BOM, ";"-separated (what Russian Excel expects)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Row"), _("Column"), _("Value"), _("Reason"), _("Type")])
    kinds = {ERROR: _("row rejected"), WARNING: _("warning")}
    for problem in sorted(problems, key=lambda p: (p.row, p.kind != ERROR)):
        value = problem.value
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            value = "'" + value
        writer.writerow([problem.row or "", problem.header, value, problem.reason, kinds[problem.kind]])
    return "\ufeff" + buffer.getvalue()


def report_rows_csv(data):
    """A stored result (ImportResult.as_dict()) as the same CSV report: problems, then what changed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Row"), _("Column"), _("Value"), _("Reason"), _("Type")])
    kinds = {ERROR: _("row rejected"), WARNING: _("warning")}
    for problem in data.get("problems", []):
        value = problem["value"]
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            value = "'" + value
        writer.writerow([problem["row"] or "", problem["column"], value, problem["reason"], kinds[problem["kind"]]])
    return "\ufeff" + buffer.getvalue()
