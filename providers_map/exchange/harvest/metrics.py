"""The feed dashboard's figures per source, over its last runs, and the score whose formula the page shows.

score = 100 × (0.3 × availability + 0.3 × valid share + 0.3 × completeness + 0.1 × (1 − duplicate share))

availability: the share of the last 30 harvests that completed (or found the feed unchanged); valid share: the
schema-valid share of the records of the last complete harvest; completeness: the share of what parents need
(phone, address with coordinates, age range, hours, last verified) that its valid organisations give;
duplicate share: the share of them already in the registry from elsewhere. Beside the score: how many of the
feed's records local entries hold (matched, merged or taken over: the feed no longer changes them).
"""

from dataclasses import dataclass

from providers_map.exchange.models import HarvestedEntry, HarvestRun

WINDOW = 30
WEIGHTS = {"availability": 0.3, "valid": 0.3, "completeness": 0.3, "unique": 0.1}
FORMULA = "100 × (0.3 × availability + 0.3 × valid share + 0.3 × completeness + 0.1 × (1 − duplicate share))"


@dataclass
class SourceFigures:
    source: object
    runs: int = 0
    availability: float | None = None
    response_ms: int | None = None
    valid: float | None = None
    completeness: float | None = None
    criteria: dict | None = None
    duplicates: int = 0
    duplicate_share: float | None = None
    last_run: object = None
    last_complete: object = None
    held_locally: int = 0

    @property
    def score(self):
        if self.availability is None or self.valid is None:
            return None
        parts = {
            "availability": self.availability,
            "valid": self.valid,
            "completeness": self.completeness or 0,
            "unique": 1 - (self.duplicate_share or 0),
        }
        return round(100 * sum(WEIGHTS[name] * value for name, value in parts.items()))


def figures(source):
    runs = list(source.runs.exclude(status=HarvestRun.Status.RUNNING).order_by("-started_at")[:WINDOW])
    result = SourceFigures(source, runs=len(runs), last_run=runs[0] if runs else None)
    result.held_locally = source.entries.filter(state=HarvestedEntry.State.LOCAL).count()
    if not runs:
        return result
    available = [run for run in runs if run.available]
    result.availability = len(available) / len(runs)
    times = [run.response_ms for run in available if run.response_ms is not None]
    result.response_ms = round(sum(times) / len(times)) if times else None
    complete = next((run for run in runs if run.status == HarvestRun.Status.COMPLETE), None)
    result.last_complete = complete
    if complete is not None and complete.records:
        result.valid = complete.valid / complete.records
        result.completeness = complete.completeness
        result.criteria = complete.report.get("completeness") or {}
        result.duplicates = complete.duplicates
        result.duplicate_share = complete.duplicates / complete.valid if complete.valid else 0
    return result
