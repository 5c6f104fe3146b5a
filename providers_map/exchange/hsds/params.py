"""Query parameters of /api/hsds/: the HSDS 3.0 ones plus our documented extensions, parsed strictly.

Each endpoint has a pydantic model; anything it does not declare, a repeated single-valued parameter or a
value of the wrong type is a 400 with `{"error", "details": [{"parameter", "message"}]}`. Descriptions here
are the ones the OpenAPI document publishes (`openapi.py` reads them from the models).
"""

import datetime as dt
from typing import Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core.api import ApiError

MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50
MAX_PAGE = 1_000_000
MULTI_VALUED = {"concern"}  # may be repeated (?concern=a&concern=b) or comma-separated


def in_utc(moment):
    """A datetime in UTC (naive means UTC); out-of-range moments are a ValueError (a 400), not a crash."""
    if moment is None:
        return None
    try:
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    except OverflowError as exc:
        raise ValueError("The date is out of range.") from exc


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("modified_after", mode="after", check_fields=False)
    @classmethod
    def _utc(cls, value):
        return in_utc(value)


class Paged(Params):
    search: str | None = Field(None, max_length=200, description=gettext_noop("Full text search."))
    page: int = Field(1, ge=1, le=MAX_PAGE, description=gettext_noop("Page number of paginated result (from 1)."))
    per_page: int = Field(
        DEFAULT_PER_PAGE,
        ge=1,
        le=MAX_PER_PAGE,
        description=gettext_noop("Number of results requested in a single page."),
    )
    format: Literal["json", "ndjson"] = Field(
        "json",
        description=gettext_noop(
            "`json` (default, paginated) or `ndjson`: every result, one JSON object per line, no pagination."
        ),
    )


class Registry(Paged):
    """Filters shared by /services and /service_at_locations (HSDS ones and our extensions)."""

    taxonomy_term_id: str | None = Field(None, description=gettext_noop("Only results linked to this taxonomy term."))
    taxonomy_id: str | None = Field(None, description=gettext_noop("Only results linked to a term of this taxonomy."))
    organization_id: str | None = Field(None, description=gettext_noop("Only results of this organization."))
    modified_after: dt.datetime | None = Field(
        None,
        description=gettext_noop("Only results modified on or after this datetime (ISO 8601; without an offset, UTC)."),
    )
    full: bool = Field(False, description=gettext_noop("Return fully nested objects."))
    # Extensions: what families need and HSDS lacks.
    age_months: int | None = Field(
        None, ge=0, le=216, description=gettext_noop("Extension: only services for a child of this age, in months.")
    )
    concern: list[str] | None = Field(
        None,
        description=gettext_noop(
            "Extension: developmental concern codes (see the developmental-concerns taxonomy), comma-separated or "
            "repeated; services for one of them or for any child."
        ),
    )
    free: bool | None = Field(
        None,
        description=gettext_noop("Extension: true — free of charge (fully or partly); false — paid services only."),
    )
    open_now: bool | None = Field(
        None, description=gettext_noop("Extension: true — only at locations open now (in their own time zone).")
    )
    lat: float | None = Field(
        None, ge=-90, le=90, allow_inf_nan=False, description=gettext_noop("Extension: latitude; sorts by distance.")
    )
    lon: float | None = Field(
        None, ge=-180, le=180, allow_inf_nan=False, description=gettext_noop("Extension: longitude, given with lat.")
    )
    proximity: int | None = Field(
        None,
        ge=1,
        le=10_000_000,
        description=gettext_noop("Only results within this many metres of lat/lon (or of the postcode's centre)."),
    )
    region: str | None = Field(
        None, pattern=r"^\d{2}$", description=gettext_noop("Extension: federal subject code (two digits, e.g. 54).")
    )
    delivery_mode: Literal["centre", "home", "remote"] | None = Field(
        None, description=gettext_noop("Extension: centre, home (home visits) or remote.")
    )

    @model_validator(mode="after")
    def _pairs(self):
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together: give both or neither.")
        return self


class Services(Registry):
    minimal: bool = Field(False, description=gettext_noop("Only id, name, status and last_modified of each service."))

    @model_validator(mode="after")
    def _proximity(self):
        if self.proximity is not None and self.lat is None:
            raise ValueError("proximity needs lat and lon.")
        return self


class ServiceAtLocations(Registry):
    postcode: str | None = Field(
        None, pattern=r"^\d{6}$", description=gettext_noop("Only locations with this postcode.")
    )

    @model_validator(mode="after")
    def _proximity(self):
        if self.proximity is not None and self.lat is None and not self.postcode:
            raise ValueError("proximity needs lat and lon, or a postcode.")
        return self


class Organizations(Paged):
    full: bool = Field(False, description=gettext_noop("Return fully nested organizations."))
    full_service: bool = Field(False, description=gettext_noop("With full, nest fully nested services."))
    modified_after: dt.datetime | None = Field(
        None, description=gettext_noop("Extension: only organizations modified on or after this datetime.")
    )
    region: str | None = Field(None, pattern=r"^\d{2}$", description=gettext_noop("Extension: federal subject code."))


class Organization(Params):
    full_service: bool = Field(
        False, description=gettext_noop("Nest fully nested services instead of their list form.")
    )


class Taxonomies(Paged):
    pass


class TaxonomyTerms(Paged):
    taxonomy_id: str | None = Field(None, description=gettext_noop("Only terms of this taxonomy."))
    top_only: bool = Field(False, description=gettext_noop("Only top-level terms (ours are all top-level)."))
    parent_id: str | None = Field(
        None, description=gettext_noop("Only terms whose parent is this term (ours have none).")
    )


class NoParams(Params):
    pass


def _as_dict(query):
    values, details = {}, []
    for key in query:
        items = query.getlist(key)
        if "\x00" in key or any("\x00" in item for item in items):  # databases refuse NUL characters
            details.append({"parameter": key.replace("\x00", "")[:50], "message": "NUL characters are not allowed."})
            continue
        if key in MULTI_VALUED:
            values[key] = [part.strip() for item in items for part in item.split(",") if part.strip()]
        elif len(items) > 1:
            details.append({"parameter": key, "message": "Give this parameter once."})
        else:
            values[key] = items[0]
    return values, details


def parse(model, query):
    """Parse a QueryDict with `model`; raise ApiError(400) listing every problem."""
    values, details = _as_dict(query)
    try:
        params = model(**values)
    except ValidationError as exc:
        for error in exc.errors():
            location = ".".join(str(part) for part in error.get("loc", ()))
            message = error.get("msg", "").removeprefix("Value error, ")
            details.append({"parameter": location, "message": message})
        params = None
    if details:
        raise ApiError(_("Invalid request parameters."), details, 400)
    return params
