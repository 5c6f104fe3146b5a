"""Acceptance: on 2 000 synthetic providers every distance equals a scan of all pairs with core.geo's haversine,
and the bands' people add up to each region's population."""

import random
from decimal import Decimal

import pytest

from core.geo import distance_km
from core.models import Region
from providers_map import gazetteer
from providers_map.coverage import children, figures, measures, sources
from providers_map.demo_synthetic import SyntheticBuilder

from .builders import small_registry

SAMPLE = 150


def sample_of(localities):
    """Each region's biggest locality and a seeded draw of the others (a scan of 6 473 × 3 400 pairs would take
    half a minute; the index answers them all)."""
    biggest = {}
    for position, locality in enumerate(localities):
        best = biggest.get(locality.region_code)
        if best is None or locality.population > localities[best].population:
            biggest[locality.region_code] = position
    rest = sorted(set(range(len(localities))) - set(biggest.values()))
    return sorted(biggest.values()) + random.Random(24).sample(rest, SAMPLE)


@pytest.mark.postgres
def test_distances_equal_a_scan_of_all_pairs_and_bands_add_up(require_postgres):
    SyntheticBuilder(seed=2026).create(range(1, 2001))
    registry = sources.read_registry()
    localities = children.localities(Decimal("2.7"), {})
    results = measures.measure_localities(localities, registry)
    assert len(results) == len(gazetteer.all_localities()) == 6473

    points = [site for site in registry.sites if site.placed]
    assert len({site.organisation_id for site in points}) > 1800  # closed ones and children over three left out
    by_type = {slug: [i for i, site in enumerate(points) if slug in site.types] for slug, _ in registry.service_types}
    for position in sample_of(localities):
        result, locality = results[position], localities[position]
        scan = [distance_km(locality.lat, locality.lon, site.lat, site.lon) for site in points]
        best = min(scan)
        assert result.distance_km == pytest.approx(best, abs=1e-9), locality.name
        assert result.band == measures.band_of(best)
        for slug, indices in by_type.items():
            expected = min((scan[i] for i in indices), default=None)
            assert result.by_service[slug] == pytest.approx(expected, abs=1e-9), (locality.name, slug)
        assert result.nearest[0]["distance_km"] == pytest.approx(best, abs=1e-9)
        assert result.nearest[0]["region_code"] in {points[i].region_code for i, d in enumerate(scan) if d == best}

    regions = list(Region.objects.order_by("code").values_list("code", "name"))
    totals = figures.all_figures(results, registry, regions, ({}, 0))
    for region in totals["regions"]:
        assert sum(region["bands"].values()) == region["population"], region["code"]
        assert sum(region["children_bands"].values()) == region["children"], region["code"]
        for values in region["by_service"].values():
            assert sum(values["bands"].values()) == region["population"]
    national = totals["national"]
    assert (
        national["population"]
        == sum(r["population"] for r in totals["regions"])
        == sum(record["population"] for record in gazetteer.all_localities())
    )
    assert national["providers"] == len(registry.providers)


@pytest.mark.django_db
def test_what_counts_as_early_care_and_how_the_registry_is_added_up():
    registry_entries = small_registry()
    registry = sources.read_registry()
    # the closed centre and the one for children over three are not places of early care
    assert set(registry.providers) == {registry_entries[key].pk for key in ("novosibirsk", "berdsk", "moscow")}
    localities = children.localities(Decimal("2.7"), {("54", "Бердск"): 2500})
    results = {(r.locality.region_code, r.locality.name): r for r in measures.measure_localities(localities, registry)}
    assert (
        results[("54", "Бердск")].locality.children == 2500 and results[("54", "Бердск")].locality.children_from_table
    )
    assert results[("54", "Искитим")].locality.children == children.estimate(61827, Decimal("2.7")) == 1669
    tatarsk = results[("54", "Татарск")]
    assert tatarsk.band == "60+" and tatarsk.nearest[0]["organisation_id"] == registry_entries["novosibirsk"].pk
    assert [item["organisation_id"] for item in tatarsk.nearest][:2] == [
        registry_entries["novosibirsk"].pk,
        registry_entries["berdsk"].pk,
    ]
    novosibirsk = results[("54", "Новосибирск")]
    assert novosibirsk.by_service["iprp"] < 1 and novosibirsk.by_service["communication"] > 10
    assert novosibirsk.by_service["respite"] is None  # nobody offers it

    regions = list(Region.objects.order_by("code").values_list("code", "name"))
    totals = figures.all_figures(list(results.values()), registry, regions, ({"54": 3}, 2))
    region = next(r for r in totals["regions"] if r["code"] == "54")
    assert region["providers"] == 2 and region["ownership"] == {"state": 1, "municipal": 0, "non_state": 1}
    assert region["non_state_share"] == 0.5 and region["stale"] == 1 and region["stale_share"] == 0.5
    assert region["home_visits"] == 1 and region["beyond_30_with_home_visits"] == far_people(region)
    assert region["services"] == 3 and region["services_per_10k_children"] == round(3 * 10_000 / region["children"], 2)
    assert region["zero_result_searches"] == 3 and totals["national"]["zero_result_searches"] == 5
    assert totals["national"]["providers"] == 3 and totals["national"]["home_visits"] == 1


def far_people(region):
    return region["bands"]["30-60"] + region["bands"]["60+"]
