"""Validation of search parameters (GET), shared by the /search/ page and /api/v1/search.

Every problem is collected as {"parameter", "message"}; the API answers 400 with them, the page shows a
friendly message. Nothing here raises on hostile input.
"""

import re

from django.utils.translation import gettext as _

from search import registry
from search.facets import MAX_VALUES, VALUE_RE
from search.query import MAX_QUERY_LENGTH
from search.results import SearchRequest

MAX_PAGE = 100
MAX_PER_PAGE = 50
COMMON = {"q", "kind", "page", "per_page", "near"}
UNKNOWN = "unknown_parameter"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEAR = re.compile(r"\s*(-?\d{1,2}(?:\.\d{1,8})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,8})?)\s*")


def facet_keys():
    return {spec.key for kind in registry.cross_kinds() for spec in kind.facets}


def kind_names():
    return [kind.name for kind in registry.cross_kinds()]


def _single(query_dict, name, errors):
    values = query_dict.getlist(name)
    if len(values) > 1:
        errors.append({"parameter": name, "message": _("Give this parameter once.")})
        return values[0]
    return values[0] if values else None


def _integer(raw, name, low, high, errors, default):
    if raw in (None, ""):
        return default
    if not re.fullmatch(r"\d{1,6}", raw) or not low <= int(raw) <= high:
        errors.append(
            {
                "parameter": name,
                "message": _("Expected a whole number from %(low)s to %(high)s.") % {"low": low, "high": high},
            }
        )
        return default
    return int(raw)


def parse_params(query_dict, require_query=True, allow_per_page=True):
    """(SearchRequest, errors) from request.GET."""
    errors = []
    allowed = COMMON | facet_keys()
    if not allow_per_page:
        allowed.discard("per_page")
    unknown = sorted(set(query_dict) - allowed)
    for name in unknown:
        errors.append({"parameter": name[:50], "message": _("Unknown parameter."), "code": UNKNOWN})

    q = _single(query_dict, "q", errors) or ""
    if _CONTROL.search(q):
        errors.append({"parameter": "q", "message": _("The query contains control characters.")})
    elif len(q) > MAX_QUERY_LENGTH:
        errors.append(
            {
                "parameter": "q",
                "message": _("The query is too long: at most %(n)s characters.") % {"n": MAX_QUERY_LENGTH},
            }
        )
    elif require_query and not q.strip():
        errors.append({"parameter": "q", "message": _("Type what you are looking for.")})

    kind = _single(query_dict, "kind", errors) or ""
    if kind == "all":
        kind = ""
    if kind and kind not in kind_names():
        errors.append(
            {"parameter": "kind", "message": _("Choose one of: all, %(kinds)s.") % {"kinds": ", ".join(kind_names())}}
        )
        kind = ""

    page = _integer(_single(query_dict, "page", errors), "page", 1, MAX_PAGE, errors, 1)
    per_page = 10
    if allow_per_page:
        per_page = _integer(_single(query_dict, "per_page", errors), "per_page", 1, MAX_PER_PAGE, errors, 10)

    near = None
    raw_near = _single(query_dict, "near", errors)
    if raw_near:
        match = _NEAR.fullmatch(raw_near)
        if match and -90 <= float(match.group(1)) <= 90 and -180 <= float(match.group(2)) <= 180:
            near = (float(match.group(1)), float(match.group(2)))
        else:
            errors.append({"parameter": "near", "message": _("Expected latitude,longitude, e.g. 54.76,83.10.")})

    filters = {}
    kind_facets = {spec.key for spec in registry.get(kind).facets} if kind else set()
    for key in sorted(facet_keys() & set(query_dict)):
        values = [v for v in query_dict.getlist(key) if v != ""]
        if not kind or key not in kind_facets:
            errors.append({"parameter": key, "message": _("This filter needs a kind that has it (kind=…).")})
            continue
        bad = [v for v in values if not VALUE_RE.fullmatch(v)]
        if bad or len(values) > MAX_VALUES:
            errors.append({"parameter": key, "message": _("Unknown filter value.")})
            continue
        if values:
            filters[key] = list(dict.fromkeys(values))

    request = SearchRequest(q=" ".join(q.split()), kind=kind, filters=filters, page=page, per_page=per_page, near=near)
    return request, errors
