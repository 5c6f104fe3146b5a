"""The figures per federal subject (and for the whole country) from the localities' measures and the registry.

People and children are counted per band of straight-line distance; the registry per organisation (once in each
region where it has a location, once nationally). Shares are fractions (0–1), rounded to four places.
"""

from .measures import BAND_NAMES, FAR_BANDS, band_of, empty_bands

# The policy texts track the non-state share: non-profit and commercial organisations together.
OWNERSHIP_GROUPS = {"state": "state", "municipal": "municipal", "nonprofit": "non_state", "commercial": "non_state"}
OWNERSHIPS = ("state", "municipal", "non_state")
PER_CHILDREN = 10_000
NATIONAL_CODE = "RU"


def share(part, whole):
    return round(part / whole, 4) if whole else None


def far(bands):
    return sum(bands[name] for name in FAR_BANDS)


class Tally:
    """Everything counted for one region (or the country)."""

    def __init__(self, code, name, service_slugs):
        self.code, self.name = code, name
        self.population = self.children = self.localities = self.localities_far = self.children_from_table = 0
        self.bands, self.children_bands = empty_bands(), empty_bands()
        self.by_service = {slug: empty_bands() for slug in service_slugs}
        self.locations = self.unplaced = self.services = 0
        self.providers, self.stale, self.home, self.remote = set(), set(), set(), set()
        self.ownership = dict.fromkeys(OWNERSHIPS, 0)

    def add_locality(self, result):
        locality = result.locality
        self.localities += 1
        self.localities_far += result.far
        self.population += locality.population
        self.children += locality.children
        self.children_from_table += locality.children_from_table
        self.bands[result.band] += locality.population
        self.children_bands[result.band] += locality.children
        for slug, distance in result.by_service.items():
            self.by_service[slug][band_of(distance)] += locality.population

    def add_site(self, site, provider):
        self.locations += 1
        self.unplaced += not site.placed
        self.services += len(site.types)
        if site.home:
            self.home.add(provider.id)
        if site.remote:
            self.remote.add(provider.id)
        if provider.id in self.providers:
            return
        self.providers.add(provider.id)
        self.ownership[OWNERSHIP_GROUPS.get(provider.ownership, "non_state")] += 1
        if provider.stale:
            self.stale.add(provider.id)

    def figures(self, zero_result_searches):
        beyond = far(self.bands)
        providers = len(self.providers)
        return {
            "code": self.code,
            "name": self.name,
            "population": self.population,
            "children": self.children,
            "bands": self.bands,
            "children_bands": self.children_bands,
            "share_beyond_30": share(beyond, self.population),
            "children_beyond_30": far(self.children_bands),
            "localities": self.localities,
            "localities_beyond_30": self.localities_far,
            "children_from_table": self.children_from_table,
            "providers": providers,
            "locations": self.locations,
            "locations_without_coordinates": self.unplaced,
            "services": self.services,
            "services_per_10k_children": (
                round(self.services * PER_CHILDREN / self.children, 2) if self.children else None
            ),
            "ownership": self.ownership,
            "non_state_share": share(self.ownership["non_state"], providers),
            "stale": len(self.stale),
            "stale_share": share(len(self.stale), providers),
            "home_visits": len(self.home),
            "remote": len(self.remote),
            # Services that come to the family are counted as serving their whole region (method, docs/coverage.md).
            "beyond_30_with_home_visits": beyond if self.home else 0,
            "beyond_30_with_remote": beyond if self.remote else 0,
            "zero_result_searches": zero_result_searches,
            "by_service": {
                slug: {"bands": bands, "share_beyond_30": share(far(bands), self.population)}
                for slug, bands in self.by_service.items()
            },
        }


def tally(results, registry, regions):
    """({region code: Tally}, national Tally); `regions` = [(code, name)] of every federal subject."""
    slugs = [slug for slug, _name in registry.service_types]
    by_region = {code: Tally(code, name, slugs) for code, name in regions}
    country = Tally(NATIONAL_CODE, "", slugs)
    for result in results:
        region = by_region.get(result.locality.region_code)
        if region is not None:
            region.add_locality(result)
        country.add_locality(result)
    for site in registry.sites:
        provider = registry.providers[site.organisation_id]
        region = by_region.get(site.region_code)
        if region is not None:
            region.add_site(site, provider)
        country.add_site(site, provider)
    return by_region, country


def all_figures(results, registry, regions, searches):
    """The figures as stored and published: {"national": {...}, "regions": [...]} (regions in code order).
    `searches` = (zero-result searches by region code, those no region could be read from)."""
    by_region, country = tally(results, registry, regions)
    per_region, unattributed = searches
    figures = [by_region[code].figures(per_region.get(code, 0)) for code, _name in regions]
    national = country.figures(sum(per_region.values()) + unattributed)
    national["zero_result_searches_unattributed"] = unattributed
    for key in ("beyond_30_with_home_visits", "beyond_30_with_remote"):  # each region's own services
        national[key] = sum(region[key] for region in figures)
    return {"national": national, "regions": figures, "bands_km": list(BAND_NAMES)}
