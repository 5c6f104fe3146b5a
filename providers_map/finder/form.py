"""What the finder's filter form shows: every option with its count, the choices in force, removable chips.

The form is plain HTML (GET /providers/), so it works without JavaScript; the same parameters drive the API.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.models import Organisation

from .age import AgeRange, age_words
from .listing import AGE_YEARS
from .params import RADIUS_CHOICES

FLAG_LABELS = {
    "free": gettext_lazy("Free of charge"),
    "home": gettext_lazy("Home visits"),
    "remote": gettext_lazy("Remotely (video, phone)"),
    "open_now": gettext_lazy("Open now"),
    "step_free": gettext_lazy("Step-free entrance"),
}


@dataclass
class Option:
    value: str
    label: str
    count: int | None
    selected: bool


def _options(pairs, counts, selected):
    return [
        Option(str(value), str(label), counts.get(key) if counts else None, str(value) == str(selected))
        for key, value, label in pairs
    ]


def form_fields(params, facets, data):
    """Context for the filter form: select options with counts, flags, the age selects."""
    query = params.query
    age_years = data.get("age_years", "")
    if query.age is not None and not age_years and query.age.low % 12 == 0 and query.age.high == query.age.low + 11:
        age_years = str(query.age.low // 12)
    return {
        "service": _options(
            [(slug, slug, name) for slug, name in ServiceType.objects.values_list("slug", "name")],
            facets.get("service"),
            query.service,
        ),
        "concern": _options(
            [(slug, slug, name) for slug, name in DevelopmentalConcern.objects.values_list("slug", "name")],
            facets.get("concern"),
            query.concern,
        ),
        "language": _options(
            [(slug, slug, name) for slug, name in Language.objects.values_list("slug", "name")],
            facets.get("language"),
            query.language,
        ),
        "ownership": _options(
            [(value, value, capfirst(label)) for value, label in Organisation.Ownership.choices],
            facets.get("ownership"),
            query.ownership,
        ),
        "region": _options(
            [(code, code, name) for code, name in Region.objects.order_by("name").values_list("code", "name")],
            facets.get("region"),
            query.region,
        ),
        "age_years": _options(
            [(AgeRange(y * 12, y * 12 + 11), y, age_words(y * 12) if y else _("under 1 year")) for y in AGE_YEARS],
            facets.get("age"),
            age_years,
        ),
        "age_months": [Option(str(m), str(m), None, str(m) == data.get("age_months", "")) for m in range(12)],
        "flags": [
            {
                "name": name,
                "label": str(label),
                "count": (facets.get(name) or {}).get(True),
                "checked": bool(getattr(query, name)),
            }
            for name, label in FLAG_LABELS.items()
        ],
        "radius": [
            Option(str(km), _("within %(km)s km") % {"km": km}, None, query.radius_km == km) for km in RADIUS_CHOICES
        ],
    }


def _without(data, *names):
    pairs = [
        (key, value) for key, value in data.items() if key not in names and key not in ("page", "fragment") and value
    ]
    return "?" + urlencode(pairs) if pairs else "?"


def chips(params, data):
    """The conditions in force, each with a link that removes it (the rest of the search stays)."""
    query = params.query
    found = []

    def add(label, *names):
        found.append({"label": label, "url": _without(data, *names)})

    if query.service:
        add(ServiceType.objects.filter(slug=query.service).values_list("name", flat=True).first(), "service")
    if query.age is not None:
        add(_("Age: %(age)s") % {"age": query.age.label()}, "age", "age_years", "age_months")
    if query.concern:
        add(DevelopmentalConcern.objects.filter(slug=query.concern).values_list("name", flat=True).first(), "concern")
    if query.language:
        add(Language.objects.filter(slug=query.language).values_list("name", flat=True).first(), "language")
    if query.ownership:
        add(capfirst(Organisation.Ownership(query.ownership).label), "ownership")
    if query.region and not (params.place and params.place.kind == "region"):
        add(Region.objects.filter(code=query.region).values_list("name", flat=True).first(), "region")
    for name, label in FLAG_LABELS.items():
        if getattr(query, name):
            add(str(label), name)
    if query.text:
        add(_("Words: %(text)s") % {"text": query.text}, "q")
    if query.radius_km:
        add(_("Within %(km)s km") % {"km": f"{query.radius_km:g}"}, "radius_km")
    if query.bbox is not None:
        add(_("Only the map area"), "bbox")
    return found
