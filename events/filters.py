"""The one reader of /events/'s and /api/v1/events' parameters, with Russian messages for what is wrong.

`read(query, api=False)` → (EventFilters, problems). The page ignores what it cannot read and says so; the API
answers 400 with the problems as `details`. Vocabularies (regions, topics, ages) are loaded once per request.
"""

import re
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import AgeGroup, Region, Topic
from events.choices import AUDIENCES, Format

UPCOMING, PAST = "upcoming", "past"
MONTH_RE = re.compile(r"(20[0-9]{2})-(0[1-9]|1[0-2])")
PAGE_SIZE, MAX_PAGE_SIZE, MAX_PAGE = 20, 100, 1000
FILTERS = ("when", "recorded", "region", "audience", "format", "topic", "age", "month")
PAGE_PARAMS = (*FILTERS, "page")
API_PARAMS = (*PAGE_PARAMS, "page_size")
LABELS = {
    "when": gettext_lazy("When"),
    "recorded": gettext_lazy("With a recording"),
    "region": gettext_lazy("Region"),
    "audience": gettext_lazy("For whom"),
    "format": gettext_lazy("Format"),
    "topic": gettext_lazy("Topic"),
    "age": gettext_lazy("Child's age"),
    "month": gettext_lazy("Month"),
}


@dataclass(frozen=True)
class Vocabulary:
    regions: dict = field(default_factory=dict)  # code -> name
    topics: dict = field(default_factory=dict)  # slug -> name
    ages: dict = field(default_factory=dict)

    @classmethod
    def load(cls):
        return cls(
            dict(Region.objects.values_list("code", "name")),
            dict(Topic.objects.values_list("slug", "name")),
            dict(AgeGroup.objects.values_list("slug", "name")),
        )

    def choices(self, key):
        if key == "region":
            return self.regions
        if key == "topic":
            return self.topics
        if key == "age":
            return self.ages
        if key == "audience":
            return {value: str(label) for value, _field, label in AUDIENCES}
        if key == "format":
            return {value: str(label) for value, label in Format.choices}
        if key == "when":
            return {UPCOMING: _("upcoming"), PAST: _("past")}
        if key == "recorded":
            return {"1": _("with a recording")}
        return {}


@dataclass(frozen=True)
class EventFilters:
    when: str = UPCOMING
    recorded: str = ""
    region: str = ""
    audience: str = ""
    format: str = ""
    topic: str = ""
    age: str = ""
    month: str = ""
    page: int = 1
    page_size: int = PAGE_SIZE
    vocabulary: Vocabulary = field(default_factory=Vocabulary, compare=False, repr=False)

    def chosen(self):
        """{filter: value} of what narrows the list (not the default `when`)."""
        values = {key: getattr(self, key) for key in FILTERS if getattr(self, key)}
        if values.get("when") == UPCOMING:
            del values["when"]
        return values

    def with_(self, **changes):
        return replace(self, **changes)

    def query(self, **changes):
        """The filters as GET parameters (defaults left out), with `changes` applied; "" removes one."""
        values = {**self.chosen(), **changes}
        return {key: value for key, value in values.items() if value and not (key == "when" and value == UPCOMING)}


def _number(raw, name, low, high, problems):
    if not raw.isdigit() or not low <= int(raw) <= high:
        message = _("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
        problems.append({"parameter": name, "message": message})
        return None
    return int(raw)


def read(query, api=False):
    """Read the GET parameters; unknown parameters are problems only in the API (pages get tracking tags)."""
    vocabulary = Vocabulary.load()
    problems, values = [], {}
    allowed = API_PARAMS if api else PAGE_PARAMS
    for name in query:
        if name not in allowed:
            if api:
                problems.append({"parameter": name[:50], "message": _("Unknown parameter.")})
            continue
        found = query.getlist(name)
        if len(found) > 1:
            problems.append({"parameter": name, "message": _("Give this parameter once.")})
            continue
        raw = found[0].strip()
        if not raw:
            continue
        if name in ("page", "page_size"):
            number = _number(raw, name, 1, MAX_PAGE if name == "page" else MAX_PAGE_SIZE, problems)
            if number is not None:
                values[name] = number
        elif name == "month":
            if MONTH_RE.fullmatch(raw):
                values[name] = raw
            else:
                problems.append({"parameter": name, "message": _("A month as YYYY-MM, for example 2026-09.")})
        elif raw in vocabulary.choices(name):
            values[name] = raw
        else:
            problems.append({"parameter": name, "message": _("Unknown value: %(value)s.") % {"value": raw[:40]}})
    return EventFilters(vocabulary=vocabulary, **values), problems
