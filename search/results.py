"""What a search request asks and what it answers, independent of the backend."""

from dataclasses import dataclass, field


@dataclass
class SearchRequest:
    q: str
    kind: str = ""  # "" = all kinds
    filters: dict = field(default_factory=dict)  # {facet key: [values]} of the chosen kind
    page: int = 1
    per_page: int = 10
    near: tuple | None = None  # (lat, lon) from the request
    relax: bool = False  # any concept instead of the minimum-match rule (the zero-result retry)
    facets: bool = True  # count facets (callers that only need ranked keys say False)

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class RawHit:
    """A backend's hit before hydration."""

    kind: str
    key: str
    score: float
    body_text: str = ""
    cue: tuple | None = None  # (start seconds, text) of the best transcript cue
    distance_km: float | None = None


@dataclass
class RawResults:
    hits: list
    count: int
    kind_counts: dict  # {kind: n} for the tabs, regardless of facet filters
    facets: dict  # {facet key: {value: n}} for the chosen kind
    backend: str


@dataclass
class Result:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: str = ""  # safe HTML with <mark>
    meta: list = field(default_factory=list)
    promoted: bool = False
    status: str = ""
    status_label: str = ""
    distance_km: float | None = None
    timestamp: str = ""  # "MM:SS" when the hit is a moment of a video

    def as_json(self):
        data = {
            "kind": self.kind,
            "title": self.title,
            "url": self.url,
            "snippet": self.snippet,
            "meta": self.meta,
            "promoted": self.promoted,
        }
        if self.status:
            data["status"] = self.status
        if self.distance_km is not None:
            data["distance_km"] = self.distance_km
        if self.timestamp:
            data["timestamp"] = self.timestamp
        return data


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    key: str
    label: str
    options: list


@dataclass
class SearchResults:
    request: SearchRequest
    parsed: object
    results: list
    count: int
    kind_counts: dict
    facets: list  # [FacetGroup]
    suggestion: str = ""
    backend: str = "database"
    relaxed: bool = False
    promoted: list = field(default_factory=list)

    @property
    def pages(self):
        return max(1, -(-self.count // self.request.per_page))

    @property
    def total_all(self):
        return sum(self.kind_counts.values())
