"""One reader of the finder's parameters for the page, the list API and the map API.

`read_params(data, api=True)` returns `Params` with a `FinderQuery`, the place, the page and the problems found.
The API answers any problem with 400 `{"error", "details"}`; the page shows a friendly Russian message and
leaves the unreadable condition out. Unknown parameters are problems for the API only (the page ignores
tracking tags and the like).
"""

import math
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import strip_control_characters
from core.models import DevelopmentalConcern, Language, Region, ServiceType
from providers_map.gazetteer.phrases import confident, suggest
from providers_map.models import Organisation

from .age import from_years_months, parse_age
from .query import BBox, FinderQuery, Point

QUERY_MAX_LENGTH = 200
WHERE_MAX_LENGTH = 120
MAX_RADIUS_KM = 1000
MAX_ZOOM = 20
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
RADIUS_CHOICES = (5, 10, 25, 50, 100)
_NUMBER = re.compile(r"^[-+]?\d{1,3}(?:\.\d{1,12})?$")
_TRUE, _FALSE = {"1", "true", "on", "yes"}, {"0", "false", "off", "no", ""}

FILTER_PARAMS = (
    "q", "service", "concern", "language", "age", "age_years", "age_months", "ownership", "region", "free",
    "home", "remote", "open_now", "step_free", "where", "near", "radius_km", "bbox",
)  # fmt: skip
LIST_PARAMS = (*FILTER_PARAMS, "page", "page_size")
MAP_PARAMS = (*FILTER_PARAMS, "zoom")
PAGE_PARAMS = (*FILTER_PARAMS, "page", "fragment")

LABELS = {
    "q": gettext_lazy("Name or words"),
    "service": gettext_lazy("Service"),
    "concern": gettext_lazy("Developmental concern"),
    "language": gettext_lazy("Language"),
    "age": gettext_lazy("Child's age"),
    "age_years": gettext_lazy("Child's age"),
    "age_months": gettext_lazy("Child's age"),
    "ownership": gettext_lazy("Type of organisation"),
    "region": gettext_lazy("Region"),
    "where": gettext_lazy("Where are you?"),
    "near": gettext_lazy("Where are you?"),
    "radius_km": gettext_lazy("Distance"),
    "bbox": gettext_lazy("Map area"),
    "zoom": gettext_lazy("Map zoom"),
    "page": gettext_lazy("Page"),
    "page_size": gettext_lazy("Page size"),
}


@dataclass
class Place:
    """Where the family is: a point to measure from, or a region to look in."""

    kind: str  # "geolocation" | "coordinates" | "locality" | "region"
    label: str
    point: Point | None = None  # for a region: its biggest locality, to centre the map
    region_code: str = ""

    @property
    def measures_distance(self):
        return self.kind != "region" and self.point is not None


@dataclass
class Params:
    query: FinderQuery
    place: Place | None = None
    alternatives: list = field(default_factory=list)  # other localities the place text could mean
    page: int = 1
    page_size: int = 20
    zoom: int | None = None
    errors: list = field(default_factory=list)  # [{"parameter", "message"}]

    def error(self, name, message):
        self.errors.append({"parameter": name, "message": str(message)})

    @property
    def invalid_labels(self):
        """Names of the conditions left out (the place has its own message)."""
        labels = []
        for error in self.errors:
            if error["parameter"] == "where":
                continue
            label = str(LABELS.get(error["parameter"], error["parameter"]))
            if label not in labels:
                labels.append(label)
        return labels


def _first(data, name):
    value = data.get(name, "")
    if isinstance(value, list):
        value = value[-1] if value else ""
    return strip_control_characters(str(value)).strip()


def _flag(value):
    value = value.lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(_("Use 1 (yes) or 0 (no)."))


def _coordinate(text, low, high):
    if not _NUMBER.match(text):
        raise ValueError(_("A coordinate is a decimal number with a dot, for example 54.7535."))
    value = float(text)
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(_("The coordinate is out of range."))
    return value


def parse_point(text):
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 2:
        raise ValueError(_("Give the latitude and the longitude separated by a comma, for example 54.7535,83.0962."))
    return Point(_coordinate(parts[0], -90, 90), _coordinate(parts[1], -180, 180))


def parse_bbox(text):
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 4:
        raise ValueError(_("The map area is four numbers: west, south, east, north."))
    min_lon, max_lon = _coordinate(parts[0], -180, 180), _coordinate(parts[2], -180, 180)
    min_lat, max_lat = _coordinate(parts[1], -90, 90), _coordinate(parts[3], -90, 90)
    if min_lat >= max_lat:
        raise ValueError(_("The south edge of the map area must be below its north edge."))
    if min_lon == max_lon:
        raise ValueError(_("The map area has no width."))
    return BBox(min_lon, min_lat, max_lon, max_lat)


def _positive_int(text, maximum):
    if not text.isdecimal() or not 1 <= int(text) <= maximum:
        raise ValueError(_("A whole number from 1 to %(max)s.") % {"max": maximum})
    return int(text)


class _Vocabulary:
    """The valid codes of the taxonomies, read once per request."""

    def __init__(self):
        self._cache = {}

    def codes(self, name):
        if name not in self._cache:
            model, column = {
                "service": (ServiceType, "slug"),
                "concern": (DevelopmentalConcern, "slug"),
                "language": (Language, "slug"),
                "region": (Region, "code"),
            }[name]
            self._cache[name] = set(model.objects.values_list(column, flat=True))
        return self._cache[name]


def read_params(data, api=True, allowed=LIST_PARAMS, now=None):
    """Read and check every parameter; see the module docstring."""
    params = Params(query=FinderQuery(now=now or timezone.now()))
    values = {}
    if api:
        for name in data.keys():
            if name not in allowed:
                params.error(name, _("Unknown parameter."))
    vocabulary = _Vocabulary()
    for name in ("service", "concern", "language", "region"):
        value = _first(data, name)
        if value and value not in vocabulary.codes(name):
            params.error(name, _("There is no such value in the list."))
        elif value:
            values[name] = value
    ownership = _first(data, "ownership")
    if ownership and ownership not in Organisation.Ownership.values:
        params.error("ownership", _("There is no such value in the list."))
    elif ownership:
        values["ownership"] = ownership
    for name in ("free", "home", "remote", "open_now", "step_free"):
        try:
            values[name] = _flag(_first(data, name))
        except ValueError as exc:
            params.error(name, exc)
    _read_age(data, params, values)
    _read_text(data, params, values)
    _read_geometry(data, params, values)
    _read_paging(data, params, allowed)
    params.query = params.query.with_(**values)
    _read_place(data, params)
    return params


def _read_age(data, params, values):
    try:
        age = parse_age(_first(data, "age"))
    except ValueError as exc:
        params.error("age", exc)
        return
    if age is None:
        try:
            age = from_years_months(_first(data, "age_years"), _first(data, "age_months"))
        except ValueError as exc:
            params.error("age_years", exc)
            return
    if age is not None:
        values["age"] = age


def _read_text(data, params, values):
    text = " ".join(_first(data, "q").split())
    if len(text) > QUERY_MAX_LENGTH:
        params.error("q", _("The text is too long: at most %(max)s characters.") % {"max": QUERY_MAX_LENGTH})
    elif text:
        values["text"] = text


def _read_geometry(data, params, values):
    for name, parser in (("near", parse_point), ("bbox", parse_bbox)):
        text = _first(data, name)
        if text:
            try:
                values["origin" if name == "near" else "bbox"] = parser(text)
            except ValueError as exc:
                params.error(name, exc)
    radius = _first(data, "radius_km")
    if radius:
        try:
            value = float(radius) if _NUMBER.match(radius) or radius.isdecimal() else math.nan
            if not math.isfinite(value) or not 0 < value <= MAX_RADIUS_KM:
                raise ValueError
            values["radius_km"] = value
        except ValueError:
            params.error(
                "radius_km", _("The distance is a number of kilometres from 1 to %(max)s.") % {"max": MAX_RADIUS_KM}
            )


def _read_paging(data, params, allowed):
    for name, maximum, target in (("page", MAX_PAGE, "page"), ("page_size", MAX_PAGE_SIZE, "page_size")):
        text = _first(data, name)
        if text and name in allowed:
            try:
                setattr(params, target, _positive_int(text, maximum))
            except ValueError as exc:
                params.error(name, exc)
    if "zoom" in allowed:
        text = _first(data, "zoom")
        if not text:
            params.error("zoom", _("The map zoom is required."))
        elif not text.isdecimal() or int(text) > MAX_ZOOM:
            params.error("zoom", _("The map zoom is a whole number from 0 to %(max)s.") % {"max": MAX_ZOOM})
        else:
            params.zoom = int(text)


def _read_place(data, params):
    """«Где вы?»: coordinates (geolocation) win; otherwise the typed place, a locality or a region."""
    query = params.query
    where = " ".join(_first(data, "where").split())
    if len(where) > WHERE_MAX_LENGTH:
        params.error("where", _("The place name is too long."))
        where = ""
    if query.origin is not None:
        params.place = Place("geolocation", where or _("your location"), query.origin)
    elif where:
        _resolve_where(where, params)
    if query.radius_km and (params.place is None or not params.place.measures_distance):
        params.error("radius_km", _("Choose a place first: the distance is counted from it."))
        params.query = params.query.with_(radius_km=None)


def _resolve_where(where, params):
    name, _comma, region_text = where.partition(",")
    region_code = ""
    if region_text.strip():
        region_code = next(
            (item["region_code"] for item in suggest(region_text, limit=3) if item["kind"] == "region"), ""
        )
    found = suggest(name if region_code else where, region_code=region_code or params.query.region or None)
    if region_code:
        found = [item for item in found if item["region_code"] == region_code] or found
    exact = [item for item in found if confident(item)]
    if not exact:
        params.error(
            "where",
            _("We do not know a place called “%(place)s”. Check the spelling or choose from the list.")
            % {"place": where},
        )
        params.alternatives = found[:5]
        return
    best = exact[0]
    if best["kind"] == "region":
        params.place = Place("region", best["name"], Point(best["lat"], best["lon"]), best["region_code"])
        if not params.query.region:
            params.query = params.query.with_(region=best["region_code"])
        return
    params.place = Place("locality", best["label"], Point(best["lat"], best["lon"]), best["region_code"])
    params.query = params.query.with_(origin=params.place.point)
    same_name = [item for item in exact[1:] if item["kind"] == "locality" and item["name"] == best["name"]]
    params.alternatives = same_name[:5]
