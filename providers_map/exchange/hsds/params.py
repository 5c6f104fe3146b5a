"""Query parameters of /api/hsds/: the HSDS 3.0 ones plus our documented extensions, as ninja schemas.

Each operation declares one schema (`Query[...]`) and ninja validates it once; its field descriptions are what the
generated OpenAPI document publishes. Anything a schema does not declare, a repeated single-valued parameter or a
NUL character is refused by the schema itself (it sees the whole query through ninja's validation context), so a
bad request is a 400 `{"error", "details": [{"parameter", "message"}]}` with Russian messages (`errors.py`).
"""

import datetime as dt
import re
from typing import Literal

from django.utils.translation import gettext_noop

from ninja import Field, Schema
from pydantic import ConfigDict, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50
MAX_PAGE = 1_000_000
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
MULTI_VALUED = {"concern"}  # may be repeated (?concern=a&concern=b) or comma-separated


def refuse(kind, parameter=""):
    """A validation error of one of our own kinds (`errors.MESSAGES`), naming the parameter concerned."""
    return PydanticCustomError(kind, kind.replace("_", " "), {"parameter": parameter})


class Params(Schema):
    """What every operation's query shares: nothing undeclared, nothing repeated, no NUL characters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _whole_query(cls, data, info: ValidationInfo):
        request = (info.context or {}).get("request")
        if request is None:
            return data
        query = request.GET
        for key in query:
            if "\x00" in key or any("\x00" in value for value in query.getlist(key)):  # databases refuse NUL
                raise refuse("nul_character", key.replace("\x00", "")[:50])
            if key not in cls.model_fields:
                raise refuse("unknown_parameter", key[:50])
            if key not in MULTI_VALUED and len(query.getlist(key)) > 1:
                raise refuse("repeated_parameter", key)
        return data

    @field_validator("modified_after", mode="before", check_fields=False)
    @classmethod
    def _iso_only(cls, value):
        """ISO 8601 only: pydantic would read a bare number as seconds since 1970, which the schema does not offer."""
        if isinstance(value, (int, float)) or (isinstance(value, str) and NUMBER.fullmatch(value.strip())):
            raise refuse("datetime_parsing", "modified_after")
        return value

    @field_validator("modified_after", mode="after", check_fields=False)
    @classmethod
    def _utc(cls, moment):
        """A datetime in UTC (naive means UTC); out-of-range moments are a 400, not a crash."""
        if moment is None:
            return None
        try:
            return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
        except OverflowError:
            raise refuse("date_out_of_range", "modified_after") from None


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

    @field_validator("concern", mode="before")
    @classmethod
    def _comma_separated(cls, values):
        values = [values] if isinstance(values, str) else values or []
        return [part.strip() for value in values for part in str(value).split(",") if part.strip()] or None

    @model_validator(mode="after")
    def _pairs(self):
        if (self.lat is None) != (self.lon is None):
            raise refuse("lat_lon_together", "lon" if self.lon is None else "lat")  # the one missing
        return self


class Services(Registry):
    minimal: bool = Field(False, description=gettext_noop("Only id, name, status and last_modified of each service."))

    @model_validator(mode="after")
    def _proximity(self):
        if self.proximity is not None and self.lat is None:
            raise refuse("proximity_needs_point", "proximity")
        return self


class ServiceAtLocations(Registry):
    postcode: str | None = Field(
        None, pattern=r"^\d{6}$", description=gettext_noop("Only locations with this postcode.")
    )

    @model_validator(mode="after")
    def _proximity(self):
        if self.proximity is not None and self.lat is None and not self.postcode:
            raise refuse("proximity_needs_point_or_postcode", "proximity")
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
    """Operations answering one object: nothing to filter; the format parameter says so (and gives ninja a field
    to validate the query through, so an undeclared parameter is refused here too)."""

    format: Literal["json"] = Field("json", description=gettext_noop("Extension: the answer's format, only `json`."))
