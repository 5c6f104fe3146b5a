"""The k-d tree answers what a scan of every point answers (distances by core.geo), with and without a bit."""

import random

from core.geo import distance_km
from providers_map.coverage.spatial import PointIndex


def brute(points, lat, lon, bit):
    found = [(distance_km(lat, lon, p[0], p[1]), p[3]) for p in points if p[2] & bit]
    return sorted(found)


def test_nearest_k_nearest_and_survey_equal_a_scan_of_every_point():
    rng = random.Random(7)
    # clustered like real places (many points around a few towns), some exactly on top of each other
    towns = [(rng.uniform(43, 70), rng.uniform(28, 178)) for _ in range(30)]
    points = []
    for number in range(1500):
        lat, lon = towns[number % 30]
        if number % 7:
            lat, lon = lat + rng.gauss(0, 0.3), lon + rng.gauss(0, 0.3)
        points.append((lat, lon, 1 | (1 << rng.randint(1, 6)), number))
    index = PointIndex(points)
    bits = [1 << b for b in range(1, 8)]  # bit 7: no point has it
    for _ in range(60):
        lat, lon = rng.uniform(42, 75), rng.uniform(20, 179)
        expected = brute(points, lat, lon, 1)
        nearest, per_bit = index.survey(lat, lon, bits, 16)
        assert [d for d, _ in nearest] == [d for d, _ in expected[:16]]
        assert nearest[0] == expected[0]
        for bit, distance in zip(bits, per_bit, strict=True):
            scan = brute(points, lat, lon, bit)
            assert distance == (scan[0][0] if scan else None)


def test_an_empty_index_finds_nothing():
    index = PointIndex([])
    nearest, distances = index.survey(55.0, 83.0, [2, 4], 16)
    assert list(nearest) == [] and distances == [None, None]
