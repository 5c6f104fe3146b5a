"""The child's age as parents write it: months, years and months, halves, words, bands."""

import pytest

from providers_map.finder.age import AgeRange, from_years_months, parse_age


@pytest.mark.parametrize(
    "text, expected",
    [
        ("18", (18, 18)),
        ("0", (0, 0)),
        ("1 год 6 месяцев", (18, 18)),
        ("1 год и 6 месяцев", (18, 18)),
        ("1г6м", (18, 18)),
        ("1 г. 3 мес.", (15, 15)),
        ("полтора года", (18, 18)),
        ("полгода", (6, 6)),
        ("1,5 года", (18, 18)),
        ("2.5 года", (30, 30)),
        ("2,5", (30, 30)),
        ("2 года", (24, 35)),
        ("два года", (24, 35)),
        ("год", (12, 23)),
        ("3 ГОДА", (36, 47)),
        ("8 мес", (8, 8)),
        ("8 месяцев", (8, 8)),
        ("3 недели", (0, 0)),
        ("новорождённый", (0, 0)),
        ("1 год 6", (18, 18)),
        ("12-24m", (12, 23)),
        ("1-2y", (12, 23)),
        ("3-7y", (36, 83)),
    ],
)
def test_parents_wording_becomes_a_range_of_months(text, expected):
    age = parse_age(text)
    assert (age.low, age.high) == expected


@pytest.mark.parametrize("text", ["abc", "-3", "2 кота", "1 2", "99999999999999999999", "5-3y", "я" * 80, "19 лет"])
def test_unreadable_or_impossible_ages_are_errors_in_russian(text):
    with pytest.raises(ValueError) as error:
        parse_age(text)
    assert any("а" <= ch <= "я" for ch in str(error.value).lower())


def test_empty_age_means_no_filter():
    assert parse_age("") is None
    assert parse_age("   ") is None
    assert from_years_months("", "") is None


def test_the_two_selects():
    assert from_years_months("2", "") == AgeRange(24, 35)
    assert from_years_months("1", "6") == AgeRange(18, 18)
    assert from_years_months("", "8") == AgeRange(8, 8)
    with pytest.raises(ValueError):
        from_years_months("1", "12")
    with pytest.raises(ValueError):
        from_years_months("x", "")


def test_labels_read_as_russian():
    assert parse_age("18").label() == "1 год 6 месяцев"
    assert parse_age("2 года").label() == "2 года"
    assert parse_age("5").label() == "5 месяцев"
    assert parse_age("12-36m").label() == "от 1 года до 3 лет"
    assert parse_age("0-6m").label() == "от рождения до 6 месяцев"
