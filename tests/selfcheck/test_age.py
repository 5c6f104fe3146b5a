"""The child's age: corrected for prematurity until two years, and the checklist it calls for."""

from datetime import date

import pytest

from selfcheck.age import AgeError, add_months, child_age

TODAY = date(2026, 12, 7)


def test_born_at_32_weeks_and_six_months_old_is_four_months_corrected():
    age = child_age(months=6, weeks=32, today=TODAY)
    assert (age.months, age.corrected_months, age.is_corrected) == (6, 4, True)
    assert age.checkpoint == 4


def test_the_same_from_a_birth_date():
    age = child_age(birth=date(2026, 6, 7), weeks=32, today=TODAY)  # six months ago, eight weeks early
    assert (age.months, age.corrected_months, age.checkpoint) == (6, 4, 4)


@pytest.mark.parametrize(("months", "corrected"), [(23, 21), (24, 24), (30, 30)])
def test_no_correction_from_two_years_on(months, corrected):
    assert child_age(months=months, weeks=32, today=TODAY).corrected_months == corrected


@pytest.mark.parametrize("weeks", [None, 37, 40, 21])
def test_born_at_term_or_unknown_weeks_is_not_corrected(weeks):
    assert not child_age(months=6, weeks=weeks, today=TODAY).is_corrected


@pytest.mark.parametrize(
    ("months", "checkpoint", "following"),
    [(1, None, 2), (2, 2, 4), (5, 4, 6), (11, 9, 12), (20, 18, 24), (24, 24, 30), (35, 30, 36), (47, 36, None)],
)
def test_the_checklist_is_the_latest_checkpoint_reached(months, checkpoint, following):
    age = child_age(months=months, today=TODAY)
    assert (age.checkpoint, age.next_checkpoint) == (checkpoint, following)


def test_the_next_checkpoint_date_counts_the_months_left():
    age = child_age(months=20, today=TODAY)
    assert age.next_checkpoint_date(TODAY) == date(2027, 4, 7)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"months": 48}, "too_old"),
        ({"birth": date(2027, 1, 1)}, "future"),
        ({}, "missing"),
        ({"months": -1}, "missing"),
    ],
)
def test_ages_out_of_range_are_refused_with_a_reason(kwargs, reason):
    with pytest.raises(AgeError) as error:
        child_age(today=TODAY, **kwargs)
    assert error.value.args[0] == reason
