"""Helpers of the end-to-end journeys (tests/e2e/test_journey_*.py): run time for the closing summary."""

import time
from contextlib import contextmanager

from tests.e2e import report

SECTION = "journeys: run time in a real Chromium"


@contextmanager
def timed(name):
    """Time a journey; the figure is printed in the run's summary (even when the journey fails)."""
    started = time.monotonic()
    outcome = "failed"
    try:
        yield
        outcome = "ok"
    finally:
        report.add(SECTION, f"{name:<64} {time.monotonic() - started:6.1f} s  {outcome}")
