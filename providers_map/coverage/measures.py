"""The measures for every gazetteer locality: the straight-line distance to the nearest early-care location,
overall and per service type, its band, and the nearest services to show a coordinator.

Pure computation over plain rows (no database): `measure_localities(localities, registry)`.
"""

from dataclasses import dataclass, field

from .spatial import PointIndex

METHOD_VERSION = "1"
# (band, its upper edge in km, inclusive); the last band has none. Bands are in straight-line km.
BANDS = (("0-10", 10.0), ("10-30", 30.0), ("30-60", 60.0), ("60+", None))
BAND_NAMES = tuple(name for name, _edge in BANDS)
FAR_BANDS = ("30-60", "60+")  # «beyond 30 km»: the localities a coordinator looks at first
ANY_SERVICE = 1  # bit 0 of a point's mask; service type i has bit i + 1
NEAREST_SHOWN = 3  # nearest organisations listed for a locality beyond 30 km
# Nearest locations looked at around each locality: they answer most service types at once (spatial.survey) and
# hold the nearest different organisations.
NEAREST_LOOKED_AT = 16


def band_of(distance_km):
    """The band of a distance; no service anywhere counts as the farthest band."""
    if distance_km is None:
        return BAND_NAMES[-1]
    for name, edge in BANDS:
        if edge is None or distance_km <= edge:
            return name
    return BAND_NAMES[-1]


def empty_bands():
    return dict.fromkeys(BAND_NAMES, 0)


@dataclass(slots=True)
class Locality:
    name: str
    region_code: str
    lat: float
    lon: float
    population: int
    children: int
    children_from_table: bool = False


@dataclass(slots=True)
class LocalityResult:
    locality: Locality
    distance_km: float | None
    band: str
    nearest: list  # [{"organisation_id", "distance_km", "region_code"}], nearest first
    by_service: dict = field(default_factory=dict)  # slug -> distance km (None: no such service anywhere)

    @property
    def far(self):
        return self.band in FAR_BANDS


def nearest_organisations(ranked, count):
    """Up to `count` different organisations among the nearest sites, each at its nearest site."""
    shown, seen = [], set()
    for distance, site in ranked:
        if site.organisation_id not in seen:
            seen.add(site.organisation_id)
            shown.append(
                {"organisation_id": site.organisation_id, "distance_km": distance, "region_code": site.region_code}
            )
            if len(shown) == count:
                break
    return shown


def measure_localities(localities, registry):
    """A LocalityResult per locality. Its `nearest` entries name organisations by id (compute.py adds names)."""
    bits = {slug: 1 << (position + 1) for position, (slug, _name) in enumerate(registry.service_types)}
    masks = {}  # the types offered at a site, as bits: made once per organisation's set of types
    points = []
    for site in registry.sites:
        if site.placed:
            mask = masks.get(site.types)
            if mask is None:
                mask = masks[site.types] = ANY_SERVICE | sum(bits.get(slug, 0) for slug in set(site.types))
            points.append((site.lat, site.lon, mask, site))
    index = PointIndex(points)
    wanted = list(bits.values())
    results = []
    for locality in localities:
        ranked, per_type = index.survey(locality.lat, locality.lon, wanted, NEAREST_LOOKED_AT)
        distance = ranked[0][0] if ranked else None
        band = band_of(distance)
        shown = nearest_organisations(ranked, NEAREST_SHOWN if band in FAR_BANDS else 1)
        results.append(LocalityResult(locality, distance, band, shown, dict(zip(bits, per_type, strict=True))))
    return results
