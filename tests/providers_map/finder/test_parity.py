"""The database fallback answers like Elasticsearch: same providers, order, distances, counts and clusters."""

import math

from django.http import QueryDict

import pytest

from providers_map.finder.db import DatabaseBackend
from providers_map.finder.es_query import ElasticsearchBackend
from providers_map.finder.listing import facet_options
from providers_map.finder.mapdata import choose_precision
from providers_map.finder.params import read_params
from tests.providers_map.finder.data import (  # noqa: F401
    _finder_test_index,
    crowd,
    fill_search_fallback,
    finder_index,
    small_registry,
)

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "near=55.03,82.92",
    "where=в Бердске&radius_km=30",
    "concern=speech&near=55.03,82.92",
    "concern=autism&service=iprp",
    "service=communication&age=1 год 6 месяцев&language=russian",
    "free=1&open_now=1",
    "home=1&step_free=1",
    "remote=1",
    "ownership=state&region=54",
    "q=Точка 00012",
    "bbox=82.6,54.6,83.3,55.3&free=1",
    "bbox=82.6,54.6,83.3,55.3&near=54.9,83.0&concern=cerebral-palsy",
]


@pytest.fixture
def both(finder_index_data):
    return DatabaseBackend(), ElasticsearchBackend()


@pytest.fixture
def finder_index_data(request):
    small_registry()
    crowd(150, spread=0.4)
    fill_search_fallback()
    return request.getfixturevalue("finder_index")


def query_of(text):
    params = read_params(QueryDict(text), api=True)
    assert not params.errors, params.errors
    return params.query


def rows(page):
    return [(hit.location_id, hit.named) for hit in page.hits]


def test_the_same_providers_in_the_same_order(both):
    for text in QUERIES:
        same_answers(*both, query_of(text))


def same_answers(database, elasticsearch, query):
    a, b = database.search(query, 0, 400), elasticsearch.search(query, 0, 400)
    assert (a.total, a.named_total) == (b.total, b.named_total)
    if query.origin is None:
        assert rows(a) == rows(b)
    else:
        # Same providers, same distances in the same order; places at the same distance (a grid around the
        # origin) may swap, as Elasticsearch stores coordinates to 1e-7 degrees.
        assert sorted(rows(a)) == sorted(rows(b))
        for hit_a, hit_b in zip(a.hits, b.hits, strict=True):
            assert hit_a.named == hit_b.named
            assert math.isclose(hit_a.distance_km, hit_b.distance_km, rel_tol=1e-4, abs_tol=1e-3)
    assert database.facet_counts(query, facet_options()) == elasticsearch.facet_counts(query, facet_options())
    assert database.any_child_count(query) == elasticsearch.any_child_count(query)


def test_the_same_clusters_and_points(both):
    for zoom in (3, 6, 9, 12, 15):
        same_map(*both, zoom)


def same_map(database, elasticsearch, zoom):
    query = query_of("bbox=80,53,86,57")
    precision = choose_precision(query.bbox, zoom)
    cells_a = {cell.key: cell.count for cell in database.map_cells(query, precision)}
    cells_b = {cell.key: cell.count for cell in elasticsearch.map_cells(query, precision)}
    assert cells_a == cells_b
    points_a = [point["id"] for point in database.map_points(query, 150)]
    points_b = [point["id"] for point in elasticsearch.map_points(query, 150)]
    assert points_a == points_b


def test_over_the_limit_the_database_counts_what_is_cheap_and_leaves_service_options_uncounted(both, settings):
    """A national registry on the database fallback: counting each service option per location would cost the
    page tens of seconds, so those options are shown without counts; the location-level ones stay exact."""
    database, elasticsearch = both
    query = query_of("near=55.03,82.92")
    full = elasticsearch.facet_counts(query, facet_options())
    settings.FINDER_DB_FACET_LIMIT = database.search(query, 0, 1).total - 1
    counted = database.facet_counts(query, facet_options())
    assert not {"service", "concern", "language", "age", "home", "remote"} & set(counted)
    assert counted == {group: full[group] for group in ("ownership", "region", "free", "open_now", "step_free")}
    settings.FINDER_DB_FACET_LIMIT = database.search(query, 0, 1).total
    assert database.facet_counts(query, facet_options()) == full
