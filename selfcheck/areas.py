"""The fixed frame of the self-check: its checkpoints, its four areas of development and the answers.

Milestones are listed at the age by which most children (about three in four) show them, as in the 2022
CDC/AAP revision of the «Learn the Signs. Act Early.» checklists; so a missed milestone means «talk to a
specialist now», not «wait and see». The frame is code, not content: the answer links encode milestones
by area and checkpoint, and the area → concern table below is what the finder is opened with.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

CHECKPOINTS = (2, 4, 6, 9, 12, 15, 18, 24, 30, 36)
FIRST_CHECKPOINT, LAST_CHECKPOINT = CHECKPOINTS[0], CHECKPOINTS[-1]


@dataclass(frozen=True)
class Area:
    code: str
    label: str
    concern: str  # DevelopmentalConcern slug the finder is opened with when the area is flagged
    topic: str  # Topic slug of guidance about this area (used by the demo to pick reading)
    worries: str = ""  # how parents put a worry in this area, for the search («не говорит», «не ходит»)


# Area → developmental concern (the finder's `concern`). Social and emotional development maps to «risk of
# developmental disorders» rather than to autism: the self-check never suggests a diagnosis, and services
# for children at risk are the ones that assess this area first.
AREAS = (
    Area(
        "communication",
        _("Communication and speech"),
        "speech",
        "communication",
        _("does not talk, few words, does not understand speech, does not point, does not babble"),
    ),
    Area(
        "social",
        _("Social and emotional development"),
        "risk",
        "first-signs",
        _("does not look in the eyes, does not answer to his name, does not smile, does not play with others"),
    ),
    Area(
        "thinking",
        _("Thinking and learning"),
        "developmental-delay",
        "home-activities",
        _("is not interested in toys, does not imitate, does not play"),
    ),
    Area(
        "movement",
        _("Movement and physical development"),
        "motor",
        "movement",
        _("does not walk, does not sit, does not crawl, does not hold his head up, falls often"),
    ),
)
AREA_BY_CODE = {area.code: area for area in AREAS}
AREA_CHOICES = [(area.code, area.label) for area in AREAS]


class Answer:
    YES = "yes"
    NOT_YET = "not_yet"
    UNSURE = "unsure"
    NONE = ""  # not answered

    CHOICES = [(YES, _("Yes")), (NOT_YET, _("Not yet")), (UNSURE, _("Don't know"))]
    LABELS = dict(CHOICES)
    # Two bits per answer in the compact answer link (selfcheck/links.py).
    CODES = {NONE: 0, YES: 1, NOT_YET: 2, UNSURE: 3}
    BY_CODE = {code: value for value, code in CODES.items()}


def months_words(count):
    """«1 месяц», «24 месяца», «9 месяцев»."""
    count = int(count)
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def checkpoint_label(months):
    """«2 месяца», «1 год», «1,5 года», «2 года», «2,5 года», «3 года» — how parents say the checkpoints."""
    return CHECKPOINT_LABELS[months]


CHECKPOINT_LABELS = {
    2: _("2 months"),
    4: _("4 months"),
    6: _("6 months"),
    9: _("9 months"),
    12: _("1 year"),
    15: _("15 months"),
    18: _("1.5 years"),
    24: _("2 years"),
    30: _("2.5 years"),
    36: _("3 years"),
}
