"""Validators and parsers of cell values, memoised: a registry file repeats the same phones, hours and
websites on many rows, and a repeated import must check 10 000 rows in about a second.

Each function returns plain values (never raises for bad input): the value and/or a Russian reason.
"""

import datetime as dt
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from providers_map.hours import parse_hours
from providers_map.validators import normalise_phone, validate_inn, validate_ogrn

SIZE = 65536
_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()
_DATE_PATTERNS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y")


@lru_cache(maxsize=SIZE)
def identifier_error(kind, text):
    try:
        (validate_inn if kind == "inn" else validate_ogrn)(text)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


@lru_cache(maxsize=SIZE)
def phone(text):
    """(normalised number, "") or ("", reason)."""
    try:
        return normalise_phone(text), ""
    except ValidationError as exc:
        return "", " ".join(exc.messages)


@lru_cache(maxsize=SIZE)
def url_is_valid(text):
    try:
        _url(text)
    except ValidationError:
        return False
    return True


@lru_cache(maxsize=SIZE)
def email_is_valid(text):
    try:
        _email(text)
    except ValidationError:
        return False
    return True


@lru_cache(maxsize=SIZE)
def _hours(text):
    try:
        parsed = parse_hours(text)
    except ValueError as exc:
        return None, str(exc)
    return tuple((day, tuple(tuple(i) for i in intervals)) for day, intervals in parsed.items()), ""


@lru_cache(maxsize=SIZE)
def hours(text):
    """(the structured hours dict, "") or (None, reason). The dict is shared between rows with the same text:
    the import never changes it."""
    frozen, error = _hours(text)
    if error:
        return None, error
    return {day: [list(i) for i in intervals] for day, intervals in frozen}, ""


@lru_cache(maxsize=SIZE)
def parse_date(text):
    for pattern in _DATE_PATTERNS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
