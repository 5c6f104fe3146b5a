from django.core.exceptions import ValidationError

import pytest

from providers_map.validators import (
    inn_is_valid,
    normalise_phone,
    normalise_phone_lines,
    ogrn_is_valid,
    validate_inn,
    validate_ogrn,
    validate_postcode,
)

# Real, published identifiers (Federal Tax Service, Sberbank, an individual's INN from FNS examples).
VALID_INN_10 = ["7707083893", "7830002293", "5406011186"]
VALID_INN_12 = ["500100732259"]
VALID_OGRN = ["1027700132195", "1027739609391"]
VALID_OGRNIP = ["304500116000157"]
# An ОГРНИП whose 14 digits leave 10 when divided by 13: the check digit is the remainder's last digit, 0.
VALID_OGRNIP_REMAINDER_10 = "304500116000180"


@pytest.mark.parametrize("value", VALID_INN_10 + VALID_INN_12)
def test_valid_inn_passes(value):
    validate_inn(value)
    assert inn_is_valid(value)


@pytest.mark.parametrize("value", VALID_OGRN + VALID_OGRNIP + [VALID_OGRNIP_REMAINDER_10])
def test_valid_ogrn_passes(value):
    validate_ogrn(value)
    assert ogrn_is_valid(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("7707083894", "inn_checksum"),  # last digit changed
        ("500100732258", "inn_checksum"),  # 12th digit wrong
        ("500100732269", "inn_checksum"),  # 11th digit wrong
        ("770708389", "inn_length"),
        ("77070838931", "inn_length"),
        ("77070838A3", "inn_format"),
        ("７７０７０８３８９３", "inn_format"),  # full-width digits are not ASCII
    ],
)
def test_bad_inn_is_rejected_with_reason(value, code):
    with pytest.raises(ValidationError) as exc:
        validate_inn(value)
    assert exc.value.code == code
    assert not inn_is_valid(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1027700132196", "ogrn_checksum"),
        ("304500116000158", "ogrn_checksum"),
        ("102770013219", "ogrn_length"),
        ("10277001321950", "ogrn_length"),
        ("1O27700132195", "ogrn_format"),
        ("0027700132196", "ogrn_kind"),  # an ОГРН never starts with 0 (though its check digit is right)
        ("504500116000180", "ogrn_kind"),  # a 15-digit ОГРНИП starts with 3 or 4
        ("304500116000181", "ogrn_checksum"),
    ],
)
def test_bad_ogrn_is_rejected_with_reason(value, code):
    with pytest.raises(ValidationError) as exc:
        validate_ogrn(value)
    assert exc.value.code == code


def test_identifiers_with_separators_are_not_silently_compacted():
    """python-stdnum would drop spaces; we store what was typed, so a spaced number is a format error."""
    with pytest.raises(ValidationError) as exc:
        validate_inn("7707 083893")
    assert exc.value.code == "inn_format"
    assert not inn_is_valid("7707 083893") and not ogrn_is_valid("1027700 132195")


def test_messages_are_translated_to_russian():
    with pytest.raises(ValidationError) as exc:
        validate_inn("7707083894")
    assert "контрольн" in exc.value.messages[0].lower()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+7 (383) 222-33-44", "+73832223344"),
        ("8 383 222 33 44", "+73832223344"),
        ("83832223344", "+73832223344"),
        ("383-222-33-44", "+73832223344"),
        ("+7 913 123-45-67", "+79131234567"),
        ("8-800-100-00-00", "+78001000000"),
        ("  +7.913.123.45.67 ", "+79131234567"),
        ("7 383 222-33-44", "+73832223344"),
        ("+7 495 123-45-67", "+74951234567"),
        ("+7 466 374-10-99", "+74663741099"),  # a Russian range libphonenumber does not list as assigned
    ],
)
def test_phone_is_normalised(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "phone_format"),
        ("позвоните нам", "phone_format"),
        ("+7 383 222-33-44 доб. 5", "phone_format"),
        ("+375 29 123-45-67", "phone_country"),
        ("+1 202 555 0100", "phone_country"),
        ("222-33-44", "phone_length"),
        ("8 (383) 222-33-44-55", "phone_length"),
        ("+7 183 222-33-44", "phone_code"),
        ("7+383 2223344", "phone_format"),
        ("+7 701 123-45-67", "phone_code"),  # +7 7xx is Kazakhstan
        ("+7 512 123-45-67", "phone_code"),  # no Russian number starts with 5
    ],
)
def test_implausible_phone_is_rejected(raw, code):
    with pytest.raises(ValidationError) as exc:
        normalise_phone(raw)
    assert exc.value.code == code


def test_phone_lines_normalise_dedupe_and_report_every_bad_line():
    assert normalise_phone_lines("8 383 222-33-44\n\n+7 383 222 33 44\n+7 913 000-00-01") == (
        "+73832223344\n+79130000001"
    )
    with pytest.raises(ValidationError) as exc:
        normalise_phone_lines("123\n+7 383 222-33-44\nабв")
    assert len(exc.value.messages) == 2


@pytest.mark.parametrize("value", ["630099", ""])
def test_postcode_ok(value):
    validate_postcode(value)


@pytest.mark.parametrize("value", ["63009", "6300990", "63O099"])
def test_postcode_rejected(value):
    with pytest.raises(ValidationError):
        validate_postcode(value)
