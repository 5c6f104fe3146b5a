"""What a filter panel shows, shared by every list that filters with counts (the library, events): a facet
(a URL parameter and its label) and its options, each with how many results choosing it would give."""

from dataclasses import dataclass, field


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    options: list
    selected: list = field(default_factory=list)
