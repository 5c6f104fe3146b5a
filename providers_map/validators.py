"""Validators for Russian registry identifiers and phone numbers.

ИНН and ОГРН carry check digits (Federal Tax Service algorithms, computed by python-stdnum), so a typo is caught
before it reaches the public registry; phone numbers are read with Google's libphonenumber rules (phonenumbers).
On top of the libraries we keep our own stricter rules: identifiers are ASCII digits only (no separators
silently dropped), a phone line holds one number without words or extensions. Messages are user-facing:
English msgids, Russian in the catalogue.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import phonenumbers
from stdnum import exceptions as stdnum_errors
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

PHONE_ALLOWED = re.compile(r"^[\d\s()+\-.]+$")
PHONE_REGION = "RU"


def _digits_only(value):
    return value.isdigit() and value.isascii()


def _ogrn_problem(value):
    """None for a valid ОГРН/ОГРНИП, else the stdnum exception class that explains why not."""
    try:
        stdnum_ogrn.validate(value)
    except stdnum_errors.InvalidChecksum as exc:
        # The ОГРНИП check digit is the last digit of (14 digits mod 13); python-stdnum 2.2 compares the whole
        # remainder, so it rejects valid numbers whose remainder is 10, 11 or 12. Its own calculation, last digit:
        if len(value) == 15 and stdnum_ogrn.calc_check_digit(value)[-1] == value[-1]:
            return None
        return type(exc)
    except stdnum_errors.ValidationError as exc:
        return type(exc)
    return None


def inn_is_valid(value):
    """True when `value` is a 10- or 12-digit ИНН whose check digits match."""
    value = str(value or "")
    return _digits_only(value) and stdnum_inn.is_valid(value)


def ogrn_is_valid(value):
    """True when `value` is a 13-digit ОГРН or a 15-digit ОГРНИП whose check digit matches."""
    value = str(value or "")
    return _digits_only(value) and _ogrn_problem(value) is None


def validate_inn(value):
    value = str(value or "").strip()
    if not _digits_only(value):
        raise ValidationError(_("The INN must contain digits only."), code="inn_format")
    if len(value) not in (10, 12):
        raise ValidationError(
            _("The INN must have 10 digits (an organisation) or 12 digits (an individual)."), code="inn_length"
        )
    if not stdnum_inn.is_valid(value):
        raise ValidationError(
            _("The INN check digit does not match: please check the number for a typo."), code="inn_checksum"
        )


def validate_ogrn(value):
    value = str(value or "").strip()
    if not _digits_only(value):
        raise ValidationError(_("The OGRN must contain digits only."), code="ogrn_format")
    if len(value) not in (13, 15):
        raise ValidationError(
            _("The OGRN must have 13 digits (OGRN) or 15 digits (OGRNIP of an individual entrepreneur)."),
            code="ogrn_length",
        )
    problem = _ogrn_problem(value)
    if problem is stdnum_errors.InvalidComponent:
        raise ValidationError(
            _("An OGRN cannot start with 0, and an OGRNIP starts with 3 or 4: please check the first digit."),
            code="ogrn_kind",
        )
    if problem is not None:
        raise ValidationError(
            _("The OGRN check digit does not match: please check the number for a typo."), code="ogrn_checksum"
        )


def _phone_error(message, code, raw, **params):
    return ValidationError(message, code=code, params={"value": raw[:40], **params})


def normalise_phone(value):
    """Return a Russian phone number as "+7XXXXXXXXXX" or raise ValidationError.

    Accepts the usual spellings: "+7 (383) 222-33-44", "8 383 2223344", "383-222-33-44".
    """
    raw = str(value or "").strip()
    if not raw or not PHONE_ALLOWED.match(raw) or raw.count("+") > 1 or ("+" in raw and not raw.startswith("+")):
        raise _phone_error(
            _("“%(value)s” is not a phone number: use digits, for example +7 383 222-33-44."), "phone_format", raw
        )
    digits = re.sub(r"\D", "", raw)
    try:
        number = phonenumbers.parse(raw, PHONE_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if raw.startswith("+") and (number is None or number.country_code != 7 or len(digits) != 11):
        raise _phone_error(
            _("“%(value)s” is not a Russian phone number: it must start with +7 and have 11 digits."),
            "phone_country",
            raw,
        )
    if (
        number is None
        or phonenumbers.is_possible_number_with_reason(number) != phonenumbers.ValidationResult.IS_POSSIBLE
    ):
        raise _phone_error(
            _("“%(value)s” has %(count)s digits: a Russian number has 10 digits after +7 or 8."),
            "phone_length",
            raw,
            count=len(digits),
        )
    # Russian numbering plan, not Kazakhstan's (+7 6xx/7xx). We ask libphonenumber for the region only, not for
    # full validity: its list of assigned area codes lags the real plan, and a registry import must not refuse
    # a working number for that (this is the behaviour the registry has always had).
    if phonenumbers.region_code_for_number(number) != PHONE_REGION:
        raise _phone_error(
            _("“%(value)s” is not a Russian phone number: check the area or mobile code."), "phone_code", raw
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_phone_lines(text):
    """Normalise a "one phone per line" text; raises one ValidationError listing every bad line."""
    numbers, errors = [], []
    for line in str(text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            number = normalise_phone(line)
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        if number not in numbers:
            numbers.append(number)
    if errors:
        raise ValidationError(errors)
    return "\n".join(numbers)


def validate_postcode(value):
    if value and not (len(value) == 6 and value.isdigit() and value.isascii()):
        raise ValidationError(_("A postcode has exactly 6 digits."), code="postcode")
