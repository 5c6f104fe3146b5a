"""The operators' table of children aged 0–3 per locality (or municipality): read → check each row → keep the
good rows. A bad row is reported with its number and the reason and changes nothing; the good rows replace the
estimate for their localities; nothing else is touched (other localities' numbers stay as they were).

Columns are recognised by their headings (any order, any case): the region («Регион», «Код региона»: a code
such as 54 or a name), the place («Населённый пункт» or «Муниципальное образование») and the number
(«Дети 0–3», «Число детей»). The gazetteer has no municipal boundaries, so a municipality's number goes to the
gazetteer locality of the same name (a городской округ to its town); a district named by an adjective
(«Искитимский район») is reported, asking for its centre.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.regions import FEDERAL_SUBJECTS
from providers_map import gazetteer
from providers_map.exchange.importing.opening import UnusableInput, open_table
from providers_map.gazetteer.phrases import suggest_regions
from search.text import fold

from .models import ChildCount

MAX_CHILDREN = 2_000_000  # more than any Russian city has
MAX_SHOWN_VALUE = 80
HEADINGS = {
    "region": ("регион", "код региона", "субъект", "region"),
    "place": ("населенный пункт", "муниципал", "городской округ", "поселение", "locality", "municipality", "город"),
    "children": ("дет", "children"),
}
MUNICIPALITY_WORDS = re.compile(
    r"\b(городской округ|муниципальный округ|муниципальный район|городское поселение|сельское поселение|"
    r"поселение|район|го|мо|мр|гп|сп|г о|м р)\b\.?"
)
REGION_CODES = frozenset(code for code, _name, _district in FEDERAL_SUBJECTS)
DIGITS = re.compile(r"^[0-9]+$")
SPACES = re.compile(r"[\s\u00a0\u202f]+")


class UploadError(Exception):
    """The file cannot be used at all (nothing is changed)."""


@dataclass
class Report:
    file_name: str
    accepted: int = 0
    created: int = 0
    updated: int = 0
    blank: int = 0
    problems: list = field(default_factory=list)  # {"row", "value", "reason"}

    def reject(self, row, value, reason):
        self.problems.append({"row": row, "value": str(value)[:MAX_SHOWN_VALUE], "reason": reason})


def heading_columns(header):
    """{"region"|"place"|"children": column index} from the heading row, or UploadError naming what is missing."""
    found = {}
    for index, cell in enumerate(header):
        text = " ".join(fold(str(cell or "")).replace("ё", "е").split())
        for key, starts in HEADINGS.items():
            if key not in found and any(text.startswith(start) for start in starts):
                found[key] = index
                break
    missing = [key for key in HEADINGS if key not in found]
    if missing:
        names = {"region": _("region"), "place": _("locality or municipality"), "children": _("children aged 0–3")}
        raise UploadError(
            _("The first row must name the columns; not found: %(columns)s.")
            % {"columns": ", ".join(str(names[key]) for key in missing)}
        )
    return found


def region_code(value):
    text = " ".join(str(value or "").split())
    if DIGITS.match(text) and len(text) <= 2:
        code = text.zfill(2)
        return code if code in REGION_CODES else None
    exact = [item for item in suggest_regions(text) if item["rank"] == 0]
    return exact[0]["region_code"] if len(exact) == 1 else None


def locality_of(name, code):
    """The gazetteer locality a row names: as written, or without municipality words («городской округ Бердск»)."""
    found = gazetteer.locate(name, code)
    if found is None:
        plain = " ".join(MUNICIPALITY_WORDS.sub(" ", fold(name).replace("ё", "е")).split())
        if plain:
            found = gazetteer.locate(plain, code)
    return found


def children_number(value):
    """An integer from a cell («1 234», 1234, 1234.0), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = SPACES.sub("", str(value or ""))
    return int(text) if DIGITS.match(text) else None


def check_row(cells, columns, number, seen, report):
    """The (region code, gazetteer name, children) of a good row, or None with the reason added to `report`."""

    def cell(key):
        index = columns[key]
        return cells[index] if index < len(cells) and cells[index] is not None else ""

    region, place, count = cell("region"), str(cell("place")).strip(), cell("children")
    code = region_code(region)
    if code is None:
        report.reject(number, region, _("Unknown region: write its code (54) or its name."))
        return None
    if not place:
        report.reject(number, place, _("The locality or municipality is empty."))
        return None
    locality = locality_of(place, code)
    if locality is None:
        report.reject(
            number,
            place,
            _("No such locality in the gazetteer for this region. For a district, give its centre's name."),
        )
        return None
    children = children_number(count)
    if children is None or children < 0:
        report.reject(number, count, _("The number of children must be a whole number, 0 or more."))
        return None
    population = locality["population"]
    if children > MAX_CHILDREN or (population and children > population):
        report.reject(
            number,
            count,
            _("More children than people in %(name)s (%(people)s).") % {"name": locality["name"], "people": population},
        )
        return None
    key = (code, locality["name"])
    if key in seen:
        report.reject(number, place, _("The same locality is already in row %(row)s.") % {"row": seen[key]})
        return None
    seen[key] = number
    return code, locality["name"], children


def read_counts(handle, file_name):
    """(good rows [(region code, locality, children)], Report) of an uploaded file; UploadError if unusable."""
    report, good, seen = Report(file_name), [], {}
    try:
        with open_table(handle, file_name) as table:
            columns = heading_columns(table.header)
            for number, cells in table.rows:
                if not any(str(value).strip() for value in cells if value is not None):
                    report.blank += 1
                    continue
                row = check_row(cells, columns, number, seen, report)
                if row is not None:
                    good.append(row)
    except UnusableInput as exc:
        raise UploadError(str(exc)) from exc
    return good, report


@transaction.atomic
def keep(good, report):
    """Store the good rows: a new number for a locality replaces its old one; others stay as they were."""
    existing = {
        (count.region_code, count.locality): count
        for count in ChildCount.objects.select_for_update().filter(region_code__in={code for code, _n, _c in good})
    }
    created, changed, now, source = [], [], timezone.now(), report.file_name[:300]
    for code, name, children in good:
        count = existing.get((code, name))
        if count is None:
            created.append(ChildCount(region_code=code, locality=name, children=children, source=source))
        elif count.children != children or count.source != source:
            count.children, count.source, count.uploaded_at = children, source, now
            changed.append(count)
    ChildCount.objects.bulk_create(created, batch_size=2000)
    ChildCount.objects.bulk_update(changed, ["children", "source", "uploaded_at"], batch_size=2000)
    report.accepted, report.created, report.updated = len(good), len(created), len(changed)
    return report
