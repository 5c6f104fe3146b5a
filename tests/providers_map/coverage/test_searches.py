"""Searches without results counted for the region their words name (the report stores no searcher's place)."""

import datetime as dt

from django.utils import timezone

import pytest

from providers_map.coverage import searches
from search.models import QueryStat

pytestmark = pytest.mark.django_db


def test_zero_result_searches_go_to_the_region_their_words_name():
    today = timezone.localdate()
    for query, zero in (
        ("логопед бердск", 3),  # a locality of region 54
        ("ранняя помощь в новосибирской области", 2),  # the region itself, inflected
        ("дефектолог в бердске", 1),  # an inflected locality
        ("логопед", 5),  # no place: the country only
        ("центр октябрьский", 4),  # a name in many regions: the country only
    ):
        QueryStat.objects.create(day=today, query=query, searches=zero + 1, zero_results=zero)
    QueryStat.objects.create(day=today - dt.timedelta(days=400), query="логопед бердск", searches=9, zero_results=9)
    QueryStat.objects.create(day=today, query="логопед искитим", searches=4, zero_results=0)  # found something
    counts, unknown = searches.by_region(today)
    assert counts == {"54": 6}
    assert unknown == 9
