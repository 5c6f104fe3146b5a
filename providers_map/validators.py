"""Validators for Russian registry identifiers and phone numbers.

ИНН and ОГРН carry check digits (Federal Tax Service algorithms), so a typo is caught before it reaches the
public registry. Messages are user-facing: English msgids, Russian in the catalogue.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INN_10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN_12_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN_12_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)

# A Russian national number has 10 digits after +7; the first is 3, 4 (geographic), 8 (toll-free) or 9 (mobile).
PHONE_ALLOWED = re.compile(r"^[\d\s()+\-.]+$")
NATIONAL_FIRST_DIGITS = frozenset("3489")


def _weighted_check(digits, weights):
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_is_valid(value):
    """True when `value` is a 10- or 12-digit ИНН whose check digits match."""
    value = str(value or "")
    if not value.isdigit() or not value.isascii():
        return False
    if len(value) == 10:
        return _weighted_check(value, INN_10_WEIGHTS) == int(value[9])
    if len(value) == 12:
        return _weighted_check(value, INN_12_WEIGHTS_11) == int(value[10]) and _weighted_check(
            value, INN_12_WEIGHTS_12
        ) == int(value[11])
    return False


def ogrn_is_valid(value):
    """True when `value` is a 13-digit ОГРН or a 15-digit ОГРНИП whose check digit matches."""
    value = str(value or "")
    if not value.isdigit() or not value.isascii():
        return False
    if len(value) == 13:
        return int(value[:12]) % 11 % 10 == int(value[12])
    if len(value) == 15:
        return int(value[:14]) % 13 % 10 == int(value[14])
    return False


def validate_inn(value):
    value = str(value or "").strip()
    if not value.isdigit() or not value.isascii():
        raise ValidationError(_("The INN must contain digits only."), code="inn_format")
    if len(value) not in (10, 12):
        raise ValidationError(
            _("The INN must have 10 digits (an organisation) or 12 digits (an individual)."), code="inn_length"
        )
    if not inn_is_valid(value):
        raise ValidationError(
            _("The INN check digit does not match: please check the number for a typo."), code="inn_checksum"
        )


def validate_ogrn(value):
    value = str(value or "").strip()
    if not value.isdigit() or not value.isascii():
        raise ValidationError(_("The OGRN must contain digits only."), code="ogrn_format")
    if len(value) not in (13, 15):
        raise ValidationError(
            _("The OGRN must have 13 digits (OGRN) or 15 digits (OGRNIP of an individual entrepreneur)."),
            code="ogrn_length",
        )
    if not ogrn_is_valid(value):
        raise ValidationError(
            _("The OGRN check digit does not match: please check the number for a typo."), code="ogrn_checksum"
        )


def normalise_phone(value):
    """Return a Russian phone number as "+7XXXXXXXXXX" or raise ValidationError.

    Accepts the usual spellings: "+7 (383) 222-33-44", "8 383 2223344", "383-222-33-44".
    """
    raw = str(value or "").strip()
    if not raw or not PHONE_ALLOWED.match(raw) or raw.count("+") > 1 or ("+" in raw and not raw.startswith("+")):
        raise ValidationError(
            _("“%(value)s” is not a phone number: use digits, for example +7 383 222-33-44."),
            code="phone_format",
            params={"value": raw[:40]},
        )
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        if not digits.startswith("7") or len(digits) != 11:
            raise ValidationError(
                _("“%(value)s” is not a Russian phone number: it must start with +7 and have 11 digits."),
                code="phone_country",
                params={"value": raw[:40]},
            )
        national = digits[1:]
    elif len(digits) == 11 and digits[0] in "78":
        national = digits[1:]
    elif len(digits) == 10:
        national = digits
    else:
        raise ValidationError(
            _("“%(value)s” has %(count)s digits: a Russian number has 10 digits after +7 or 8."),
            code="phone_length",
            params={"value": raw[:40], "count": len(digits)},
        )
    if national[0] not in NATIONAL_FIRST_DIGITS:
        raise ValidationError(
            _("“%(value)s” is not a Russian phone number: check the area or mobile code."),
            code="phone_code",
            params={"value": raw[:40]},
        )
    return "+7" + national


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
