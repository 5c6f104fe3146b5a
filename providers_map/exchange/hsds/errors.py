"""What a refused /api/hsds/ request is told: pydantic's validation errors as `details`, in Russian.

Pydantic names each error by a stable `type` (and gives its limits in `ctx`); our own checks in `params.py`
raise kinds of their own. Each becomes `{"parameter": …, "message": …}` with a message from the translation
catalogue; an error of a kind not listed keeps pydantic's own English text rather than losing it.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

LOCATIONS = {"query", "path", "header", "body"}
MESSAGES = {
    "unknown_parameter": gettext_noop("Unknown parameter."),
    "repeated_parameter": gettext_noop("Give this parameter once."),
    "nul_character": gettext_noop("NUL characters are not allowed."),
    "date_out_of_range": gettext_noop("The date is out of range."),
    "lat_lon_together": gettext_noop("lat and lon go together: give both or neither."),
    "proximity_needs_point": gettext_noop("proximity needs lat and lon."),
    "proximity_needs_point_or_postcode": gettext_noop("proximity needs lat and lon, or a postcode."),
    "int_parsing": gettext_noop("A whole number is expected."),
    "int_from_float": gettext_noop("A whole number is expected."),
    "float_parsing": gettext_noop("A number is expected."),
    "finite_number": gettext_noop("A finite number is expected."),
    "bool_parsing": gettext_noop("true or false is expected."),
    "greater_than_equal": gettext_noop("The value must be at least %(ge)s."),
    "less_than_equal": gettext_noop("The value must be at most %(le)s."),
    "string_too_long": gettext_noop("At most %(max_length)s characters."),
    "string_pattern_mismatch": gettext_noop("The value does not have the expected form."),
    "literal_error": gettext_noop("Expected one of: %(expected)s."),
    "datetime_parsing": gettext_noop("A date and time in ISO 8601 is expected, e.g. 2025-01-31T12:00:00Z."),
    "datetime_from_date_parsing": gettext_noop("A date and time in ISO 8601 is expected, e.g. 2025-01-31T12:00:00Z."),
    "datetime_type": gettext_noop("A date and time in ISO 8601 is expected, e.g. 2025-01-31T12:00:00Z."),
    "missing": gettext_noop("This parameter is required."),
}


def _parameter(error):
    context = error.get("ctx") or {}
    if context.get("parameter"):
        return str(context["parameter"])
    parts = [str(part) for part in error.get("loc", ()) if part not in LOCATIONS]
    return parts[-1] if parts else ""


def _message(error):
    template = MESSAGES.get(error.get("type", ""))
    if template is None:
        return str(error.get("msg", "")).removeprefix("Value error, ")
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    return _(template) % context if "%(" in template else _(template)


def validation_details(errors):
    """`details` for a list of pydantic (or ninja) validation errors."""
    return [{"parameter": _parameter(error), "message": _message(error)} for error in errors]
