"""The parameters of a search, validated once, by ninja schemas (pydantic) with Russian messages.

`SearchParams` is /api/v1/search's and `SuggestParams` /api/v1/search/suggest's: ninja validates them before the
operation runs, and any problem answers 400 `{"error", "details": [{"parameter", "message"}]}` (core.api). The
/search/ page reads `PageParams` with `read_page`, which leaves out what is wrong (saying so) and keeps the rest.
Every problem is reported at once; nothing here raises on hostile input beyond pydantic's ValidationError.
"""

import re

from django.utils.translation import gettext as _

from ninja import Field, Schema
from pydantic import ConfigDict, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from search import registry
from search.documents import FACET_KEYS
from search.facets import MAX_VALUES, VALUE_RE
from search.query import MAX_QUERY_LENGTH
from search.results import SearchRequest

MAX_PAGE = 100
MAX_PER_PAGE = 50
PER_PAGE = 10
ERROR_TYPE = "search_parameter"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEAR_PATTERN = r"^\s*-?\d{1,2}(\.\d{1,8})?\s*,\s*-?\d{1,3}(\.\d{1,8})?\s*$"
_NEAR = re.compile(_NEAR_PATTERN)


def kind_names():
    return [kind.name for kind in registry.cross_kinds()]


def _list_kinds(schema):
    """OpenAPI lists the kinds registered when the document is made (the registry is filled at start-up)."""
    schema["enum"] = ["all", *kind_names()]


def _problem(message):
    return PydanticCustomError(ERROR_TYPE, message.replace("{", "{{").replace("}", "}}"))


def _whole_number(value, low, high, default):
    if value in (None, ""):
        return default
    if not re.fullmatch(r"\d{1,6}", str(value)) or not low <= int(value) <= high:
        raise _problem(_("Expected a whole number from %(low)s to %(high)s.") % {"low": low, "high": high})
    return int(value)


def _query_text(value, required):
    value = str(value or "")
    if _CONTROL.search(value):
        raise _problem(_("The query contains control characters."))
    if len(value) > MAX_QUERY_LENGTH:
        raise _problem(_("The query is too long: at most %(n)s characters.") % {"n": MAX_QUERY_LENGTH})
    if required and not value.strip():
        raise _problem(_("Type what you are looking for."))
    return " ".join(value.split())


class _Params(Schema):
    """What every search operation shares: one error per wrong, repeated or unknown parameter, in Russian."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="wrap")
    @classmethod
    def _checked(cls, data, handler, info):
        query = getattr((info.context or {}).get("request"), "GET", None)
        problems = cls._query_problems(query) if query is not None else []
        if isinstance(data, dict) and "q" in cls.model_fields and cls.model_fields["q"].is_required():
            data = {"q": "", **data}  # a missing query gets the same message as an empty one
        try:
            validated = handler(data)
        except ValidationError as exc:
            problems += [_russian(error) for error in exc.errors() if error["loc"][-1:] not in _locs(problems)]
            validated = None
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, problems)
        return validated

    @classmethod
    def _query_problems(cls, query):
        """Parameters given twice that take one value, and (when the schema forbids extras) unknown ones."""
        problems = []
        for name in query:
            field = cls.model_fields.get(name)
            if field is None and cls.model_config.get("extra") == "forbid":
                problems.append(_detail(name[:50], _("Unknown parameter.")))
            elif field is not None and field.annotation is not list[str] and len(query.getlist(name)) > 1:
                problems.append(_detail(name, _("Give this parameter once.")))
        return problems


def _detail(parameter, message):
    return InitErrorDetails(type=_problem(message), loc=(parameter,), input="")


def _locs(problems):
    return {tuple(problem["loc"]) for problem in problems}


def _russian(error):
    """A pydantic error as a detail; errors pydantic found itself (not ours) get a plain Russian message."""
    message = error["msg"] if error["type"] == ERROR_TYPE else _("This value is not valid.")
    return InitErrorDetails(type=_problem(message), loc=tuple(error["loc"]) or ("",), input="")


class SuggestParams(_Params):
    q: str = Field(..., description="What has been typed so far.", max_length=MAX_QUERY_LENGTH)

    @field_validator("q", mode="before")
    @classmethod
    def _q(cls, value):
        return _query_text(value, required=True)


class _Filters(Schema):
    """The kind, paging, the point and the facets: the same for the page and the API."""

    kind: str = Field(
        "all",
        description="`all`, or one kind of result (the answer's `kinds` counts each). Facets need their kind.",
        json_schema_extra=_list_kinds,
        validate_default=True,
    )
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Page of results, 1–{MAX_PAGE}.")
    near: str | None = Field(
        None, pattern=_NEAR_PATTERN, description="latitude,longitude: what is located nearest to it first."
    )
    topic: list[str] = Field([], description="Topic slugs.")
    age: list[str] = Field([], description="Age group slugs.")
    concern: list[str] = Field([], description="Developmental concern slugs.")
    audience: list[str] = Field([], description="parents, specialists, managers.")
    type: list[str] = Field([], description="Material type slugs.")
    region: list[str] = Field([], description="Region codes, e.g. 54.")
    service: list[str] = Field([], description="Service type slugs.")
    ownership: list[str] = Field([], description="state, municipal, nonprofit, commercial.")
    cost: list[str] = Field([], description="free, paid, mixed.")
    delivery: list[str] = Field([], description="centre, home, remote.")
    year: list[str] = Field([], description="Years, e.g. 2021.")
    evidence: list[str] = Field([], description="Evidence level slugs.")

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value):
        value = str(value or "")
        if value in ("", "all"):
            return ""
        if value not in kind_names():
            raise _problem(_("Choose one of: all, %(kinds)s.") % {"kinds": ", ".join(kind_names())})
        return value

    @field_validator("page", mode="before")
    @classmethod
    def _page(cls, value):
        return _whole_number(value, 1, MAX_PAGE, 1)

    @field_validator("near", mode="before")
    @classmethod
    def _near(cls, value):
        if value in (None, ""):
            return None
        value = "".join(str(value).split())
        lat, lon = (float(part) for part in value.split(",")) if _NEAR.fullmatch(value) else (91.0, 181.0)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise _problem(_("Expected latitude,longitude, e.g. 54.76,83.10."))
        return value

    @field_validator(*FACET_KEYS)
    @classmethod
    def _facet(cls, values, info):
        if not values:
            return []
        kind = info.data.get("kind")
        if not kind or info.field_name not in {spec.key for spec in registry.get(kind).facets}:
            raise _problem(_("This filter needs a kind that has it (kind=…)."))
        values = [value for value in values if value != ""]
        if len(values) > MAX_VALUES or not all(VALUE_RE.fullmatch(value) for value in values):
            raise _problem(_("Unknown filter value."))
        return list(dict.fromkeys(values))

    def search_request(self, per_page=PER_PAGE):
        near = tuple(float(part) for part in self.near.split(",")) if self.near else None
        filters = {key: getattr(self, key) for key in FACET_KEYS if getattr(self, key)}
        q = getattr(self, "q", "")
        return SearchRequest(q=q, kind=self.kind, filters=filters, page=self.page, per_page=per_page, near=near)


class SearchParams(_Filters, SuggestParams):
    q: str = Field(
        ...,
        description=f"What to look for, in Russian; at most {MAX_QUERY_LENGTH} characters.",
        max_length=MAX_QUERY_LENGTH,
    )
    per_page: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE, description=f"Results per page, 1–{MAX_PER_PAGE}.")

    @field_validator("per_page", mode="before")
    @classmethod
    def _per_page(cls, value):
        return _whole_number(value, 1, MAX_PER_PAGE, PER_PAGE)

    def search_request(self):
        return super().search_request(per_page=self.per_page)


class PageParams(_Filters, _Params):
    """/search/: the query may be empty (the page invites one); other parameters (tracking) are ignored."""

    model_config = ConfigDict(extra="ignore")
    q: str = Field("", max_length=MAX_QUERY_LENGTH)

    @field_validator("q", mode="before")
    @classmethod
    def _q(cls, value):
        return _query_text(value, required=False)


def read_page(request):
    """(SearchRequest, errors) for the /search/ page: what is wrong is left out and said, the rest applies."""
    data = {key: request.GET.getlist(key) if key in FACET_KEYS else request.GET[key] for key in request.GET}
    errors = []
    for _attempt in range(len(data) + 1):
        try:
            return PageParams.model_validate(data, context={"request": request}).search_request(), errors
        except ValidationError as exc:
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else ""
                errors.append({"parameter": name, "message": error["msg"]})
                data.pop(name, None)
            request = None  # repeated parameters are said once, then their last value is left out
    return SearchRequest(q=""), errors
