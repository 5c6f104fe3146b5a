"""The data-exchange app's tables: registry imports (`imports`) and harvesting other portals' feeds (`harvest`)."""

from .harvest import DuplicatePair, FeedSource, HarvestedEntry, HarvestRun, TermMapping
from .imports import ImportedState, ImportJob

__all__ = [
    "DuplicatePair",
    "FeedSource",
    "HarvestRun",
    "HarvestedEntry",
    "ImportJob",
    "ImportedState",
    "TermMapping",
]
