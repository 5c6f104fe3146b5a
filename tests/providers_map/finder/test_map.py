"""/api/v1/providers/map: clusters that add up at every zoom, single locations when zoomed in, small answers."""

import json
from decimal import Decimal

import pytest

from core.models import Region
from providers_map.finder.mapdata import MAX_CLUSTERS, SINGLES_LIMIT, SINGLES_MIN_ZOOM
from providers_map.finder.query import BBox
from providers_map.models import Location
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory
from tests.providers_map.finder.data import (  # noqa: F401
    _finder_test_index,
    crowd,
    finder_index,
    index_everything,
    small_registry,
    use_backend,
)

pytestmark = pytest.mark.django_db

# Boxes the size of a 1280×800 screen at each zoom, around Novosibirsk (and the whole world at zoom 0-2).
CENTRE = (55.0, 83.0)


def screen_box(zoom):
    width = min(360.0, 1280 / 256 * 360 / 2**zoom)
    height = min(170.0, 800 / 256 * 360 / 2**zoom * 0.6)
    return BBox(
        max(-180.0, CENTRE[1] - width / 2),
        max(-85.0, CENTRE[0] - height / 2),
        min(180.0, CENTRE[1] + width / 2),
        min(85.0, CENTRE[0] + height / 2),
    )


@pytest.fixture
def crowded():
    small_registry()
    crowd(400, spread=0.6)
    crowd(30, lat=56.0, lon=84.9, spread=0.05, prefix="Томск")


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings, crowded):
    use_backend(settings, request.param)
    if request.param == "elasticsearch":
        request.getfixturevalue("finder_index")
    return request.param


def matching_in(box, **filters):
    queryset = Location.objects.filter(organisation__live=True).exclude(organisation__status="closed")
    if filters.get("free"):
        queryset = queryset.filter(organisation__cost__in=["free", "mixed"])
    return sum(
        1
        for lat, lon in queryset.exclude(latitude=None).values_list("latitude", "longitude")
        if box.contains(float(lat), float(lon))
    )


def fetch(client, box, zoom, **params):
    response = client.get("/api/v1/providers/map", {"bbox": box.as_text(), "zoom": zoom, **params})
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/geo+json")
    return response


def total_of(collection):
    return sum(f["properties"]["count"] if f["properties"].get("cluster") else 1 for f in collection["features"])


def test_clusters_add_up_to_the_matching_locations_at_every_zoom(client, backend):
    for zoom in range(0, 19):
        box = screen_box(zoom)
        for filters in ({}, {"free": "1"}):
            collection = fetch(client, box, zoom, **filters).json()
            expected = matching_in(box, **filters)
            assert collection["total"] == expected, (zoom, filters)
            assert total_of(collection) == expected, (zoom, filters)
            assert collection["backend"] == backend


def test_low_zoom_is_clusters_high_zoom_is_named_locations(client, backend):
    low = fetch(client, screen_box(5), 5).json()
    assert low["clustered"] is True
    assert all(f["properties"]["cluster"] for f in low["features"])
    assert len(low["features"]) <= MAX_CLUSTERS

    box = BBox(84.85, 55.9, 84.95, 56.1)  # the 30 «Томск» points only
    high = fetch(client, box, SINGLES_MIN_ZOOM + 2).json()
    assert high["clustered"] is False
    assert high["total"] == 30 == total_of(high)
    feature = next(f for f in high["features"] if not f["properties"].get("cluster"))
    assert feature["properties"]["name"].startswith("Томск")
    assert feature["properties"]["url"].startswith("/providers/crowd-")
    assert isinstance(feature["id"], int)


def test_too_many_for_single_locations_stay_clusters_even_zoomed_in(client, backend):
    box = BBox(82.3, 54.3, 83.7, 55.7)  # the 400-point crowd, more than SINGLES_LIMIT
    collection = fetch(client, box, 12).json()
    assert collection["total"] > SINGLES_LIMIT
    assert collection["clustered"] is True


def test_a_cluster_knows_the_box_of_its_points(client, backend):
    collection = fetch(client, screen_box(6), 6).json()
    for feature in collection["features"]:
        west, south, east, north = feature["bbox"]
        lon, lat = feature["geometry"]["coordinates"]
        assert west - 1e-3 <= lon <= east + 1e-3 and south - 1e-3 <= lat <= north + 1e-3


def test_a_box_across_the_antimeridian(client, backend, settings):
    chukotka = OrganisationFactory(name="Служба в Анадыре")
    LocationFactory(
        organisation=chukotka,
        region=Region.objects.get(code="87"),
        locality="Анадырь",
        latitude=Decimal("64.73"),
        longitude=Decimal("177.51"),
    )
    east = OrganisationFactory(name="Служба в Уэлене")
    LocationFactory(
        organisation=east,
        region=Region.objects.get(code="87"),
        locality="Уэлен",
        latitude=Decimal("66.16"),
        longitude=Decimal("-169.81"),
    )
    ServiceFactory(organisation=chukotka)
    ServiceFactory(organisation=east)
    if backend == "elasticsearch":
        from search.client import get_client

        index_everything(get_client())
    collection = fetch(client, BBox(170.0, 60.0, -165.0, 70.0), 4).json()
    assert collection["total"] == 2


def test_answers_stay_small(client, backend):
    for zoom in (3, 6, 9, 12, 15):
        response = fetch(client, screen_box(zoom), zoom)
        assert len(response.content) < 50 * 1024
        json.loads(response.content)  # valid JSON, Cyrillic kept as letters
        assert b"\\u04" not in response.content


def test_pins_that_would_overlap_join_into_a_cluster_until_the_deepest_zoom(client, backend):
    """Every target on the map keeps 24 px clear of the others (WCAG 2.5.8); at the deepest zoom all are single."""
    from providers_map.finder.geotiles import _pixels
    from providers_map.mapconfig import MAX_ZOOM

    box = BBox(84.85, 55.9, 84.95, 56.1)  # the 30 «Томск» points only
    zoom = SINGLES_MIN_ZOOM + 1
    collection = fetch(client, box, zoom).json()
    groups = [f for f in collection["features"] if f["properties"].get("cluster")]
    assert groups and total_of(collection) == 30
    centres = [
        _pixels(f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0], zoom) for f in collection["features"]
    ]
    for i, (x, y) in enumerate(centres):
        for ox, oy in centres[i + 1 :]:
            assert (x - ox) ** 2 + (y - oy) ** 2 >= 24**2
    deepest = fetch(client, box, MAX_ZOOM).json()
    assert not any(f["properties"].get("cluster") for f in deepest["features"]) and len(deepest["features"]) == 30
