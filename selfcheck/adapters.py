"""What the self-check takes from other apps, in one place (so a restructure moves one file's imports).

- home's plain-language checker: the same thresholds and the same editor's panel as guidance pages;
- the finder's list page, opened with a concern, the child's age and the family's place.
"""

from urllib.parse import urlencode

from django.urls import reverse

from home.panels import ReadabilityPanel
from home.readability import analyse, get_thresholds

__all__ = ["ReadabilityPanel", "finder_url", "readability", "readability_thresholds"]


def readability(chunks):
    """home.readability's report for text given as chunks (a milestone, a hint, an activity idea each)."""
    return analyse(chunks)


def readability_thresholds():
    return get_thresholds()


def finder_url(concern="", age_months=None, where="", near=""):
    """The finder's list (`/providers/`) with these filters; its parameter names are the finder's own
    (providers_map/finder/params.py): `concern` a DevelopmentalConcern slug, `age` in months, `where` a place
    in words or `near` a «lat,lon» point."""
    params = [
        (name, value)
        for name, value in (("concern", concern), ("age", age_months), ("near", near), ("where", where))
        if value not in (None, "")
    ]
    base = reverse("providers:list")
    return f"{base}?{urlencode(params)}" if params else base
