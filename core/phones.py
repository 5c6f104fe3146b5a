"""Phone numbers for people: one readable form on every page (+7 383 222-33-44) and a tel: link.

Parsing and formatting are Google's libphonenumber rules (the `phonenumbers` package); numbers without a
country code are read as Russian. Storage stays "+7XXXXXXXXXX" (see providers_map.validators).
"""

import re

import phonenumbers

DEFAULT_REGION = "RU"


def parse(value):
    """A `PhoneNumber` for a possible number without an extension, else None."""
    try:
        number = phonenumbers.parse(str(value or "").strip(), DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if number.extension or not phonenumbers.is_possible_number(number):
        return None
    return number


def display(value):
    """«+7 383 222-33-44» (international format, readable from abroad too); anything else as stored."""
    number = parse(value)
    if number is None:
        return str(value or "").strip()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def tel_href(value):
    """A tel: URI in E.164 («tel:+73832223344»), so that «8 800 …» dials from any country too."""
    number = parse(value)
    if number is None:
        return "tel:" + re.sub(r"[^\d+]", "", str(value or ""))
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
