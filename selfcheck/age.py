"""The child's age for the self-check: chronological, corrected for prematurity, and the checklist it calls for.

    child_age(months=6, weeks=32).corrected_months        -> 4   (born 8 weeks early: 6 − 1.8 months)
    child_age(months=25, weeks=32).corrected_months       -> 25  (no correction from 24 months on)
    child_age(birth=date(2025, 1, 10), today=date(2026, 1, 10)).months -> 12

A child born before 37 weeks is compared with children of the age counted from the due date (40 weeks) until
the second birthday: that is how paediatricians read the milestone checklists. The checklist is the latest
checkpoint the child has reached (milestones are listed at the age by which most children show them, so an
earlier checklist would hide a delay and a later one would flag what is not yet due).
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from selfcheck.areas import CHECKPOINTS

TERM_WEEKS = 40
PRETERM_BEFORE_WEEKS = 37
EARLIEST_WEEKS = 22
CORRECT_UNTIL_MONTHS = 24
MAX_MONTHS = 47  # the 3-year checklist serves until the fourth birthday; older children are out of range
DAYS_PER_MONTH = 365.25 / 12


class AgeError(ValueError):
    """An age the self-check cannot use; the message says why in plain Russian."""


@dataclass(frozen=True)
class ChildAge:
    months: int  # chronological, whole months
    weeks: int | None  # weeks of pregnancy at birth; None = at term or not known
    corrected_months: int

    @property
    def is_corrected(self):
        return self.corrected_months != self.months

    @property
    def checkpoint(self):
        """The checklist for this age: the latest checkpoint reached; None before the first one."""
        reached = [months for months in CHECKPOINTS if months <= self.corrected_months]
        return reached[-1] if reached else None

    @property
    def next_checkpoint(self):
        return next((months for months in CHECKPOINTS if months > self.corrected_months), None)

    def next_checkpoint_date(self, today):
        """About when the child reaches the next checkpoint (corrected age), counted from `today`."""
        if self.next_checkpoint is None:
            return None
        months_left = self.next_checkpoint - self.corrected_months
        return add_months(today, months_left)


def preterm_weeks(weeks):
    """The weeks of pregnancy if they call for a correction, else None."""
    if weeks is None:
        return None
    if not EARLIEST_WEEKS <= weeks < PRETERM_BEFORE_WEEKS:
        return None
    return weeks


def child_age(months=None, weeks=None, birth=None, today=None):
    """The age from a birth date or from whole months, with the correction for prematurity."""
    today = today or date.today()
    weeks = preterm_weeks(weeks)
    if birth is not None:
        if birth > today:
            raise AgeError("future")
        months = months_between(birth, today)
    if months is None or months < 0:
        raise AgeError("missing")
    if months > MAX_MONTHS:
        raise AgeError("too_old")
    corrected = months
    if weeks is not None and months < CORRECT_UNTIL_MONTHS:
        early_days = (TERM_WEEKS - weeks) * 7
        if birth is not None:
            corrected = max(0, months_between(birth + timedelta(days=early_days), today))
        else:
            corrected = max(0, math.floor((months * DAYS_PER_MONTH - early_days) / DAYS_PER_MONTH))
    return ChildAge(months=months, weeks=weeks, corrected_months=corrected)


def months_between(start, end):
    """Whole calendar months from `start` to `end` (0 when `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def add_months(day, months):
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)
