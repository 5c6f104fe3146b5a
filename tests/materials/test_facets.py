import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from materials.models import TranscriptCue
from search import signals
from tests.materials.factories import make_index, make_material

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_search(settings):
    """The library's text box goes through the search layer; here on its database fallback (the Elasticsearch
    side is covered in tests/search). Content is indexed when transactions commit, as in production."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def library(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return _library()


def _library():
    index = make_index()
    pages = {
        "A": make_material(index, title="Общение с малышом", material_type="recommendations", topics=["communication"],
                           ages=["1-2y"], concerns=["autism"], region="54", year=2022, evidence_status="approved"),
        "B": make_material(index, title="Программа развития речи", material_type="programme", audiences=["parents"],
                           topics=["communication"], ages=["2-3y"], concerns=["speech"], region="77", year=2023,
                           evidence_status="peer-reviewed"),
        "C": make_material(index, title="Движение каждый день", material_type="recommendations",
                           audiences=["specialists", "managers"], topics=["movement"], ages=["1-2y"],
                           concerns=["motor"], region="54", year=2023),
        "D": make_material(index, title="Статья об аутизме", material_type="article", audiences=["parents"],
                           topics=["communication", "family-support"], ages=["1-2y"], concerns=["autism"], year=2024,
                           summary="Как поддержать речи и общение дома."),
        "E": make_material(index, title="Черновик", material_type="recommendations", topics=["communication"],
                           ages=["0-6m"], concerns=["autism"], region="54", live=False),
    }  # fmt: skip
    return index, pages


def get(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return response


def titles(response):
    return [m.title for m in response.context["library"].page_obj.object_list]


def counts(response, key):
    facet = next(f for f in response.context["library"].facets if f.key == key)
    return {option.value: option.count for option in facet.options if option.count}


def test_three_filters_combine_and_count_like_a_facet_ui(client, library):
    index, _ = library
    response = get(client, index, "?type=recommendations&topic=communication&concern=autism")
    assert titles(response) == ["Общение с малышом"]  # the draft E is not public
    # each facet is counted with the *other* filters applied
    assert counts(response, "type") == {"recommendations": 1, "article": 1}
    assert counts(response, "topic") == {"communication": 1}
    assert counts(response, "concern") == {"autism": 1}
    assert counts(response, "region") == {"54": 1}


def test_audience_age_and_region_filters(client, library):
    index, _ = library
    response = get(client, index, "?audience=specialists&age=1-2y&region=54")
    assert sorted(titles(response)) == ["Движение каждый день", "Общение с малышом"]
    assert counts(response, "audience") == {"specialists": 2, "managers": 1}
    assert counts(response, "age") == {"1-2y": 2}
    assert counts(response, "region") == {"54": 2}
    assert counts(response, "year") == {"2022": 1, "2023": 1}
    assert counts(response, "evidence") == {"approved": 1, "practice": 1}


def test_values_of_one_facet_combine_with_or(client, library):
    index, _ = library
    response = get(client, index, "?type=recommendations&type=article&topic=communication&year=2022&year=2024")
    assert sorted(titles(response)) == ["Общение с малышом", "Статья об аутизме"]


def test_state_lives_in_the_url_and_removal_links_keep_other_filters(client, library):
    index, _ = library
    html = get(client, index, "?type=recommendations&topic=communication&concern=autism").content.decode()
    assert 'name="type" value="recommendations" checked' in html
    assert 'name="topic" value="communication" checked' in html
    assert 'name="concern" value="autism" checked' in html
    removal = dict(re.findall(r'class="active-filters__item" href="([^"]*)">([^<:]*):', html))
    assert removal == {
        "?topic=communication&amp;concern=autism": "Вид материала",
        "?type=recommendations&amp;concern=autism": "Тема",
        "?type=recommendations&amp;topic=communication": "Особенности развития",
    }
    assert '<form class="library-filters" method="get"' in html and "Применить" in html


def test_unknown_filter_values_are_reported_not_silently_dropped(client, library):
    index, _ = library
    response = get(client, index, "?type=poem&topic=no-such-topic&region=xx&year=soon&audience=specialists")
    html = response.content.decode()
    assert "не применены" in html
    for value in ("poem", "no-such-topic", "xx", "soon"):
        assert f"«{value}»" in html
    assert sorted(titles(response)) == ["Движение каждый день", "Общение с малышом"]


def test_text_query_ranks_title_matches_first_and_searches_transcripts(
    client, library, django_capture_on_commit_callbacks
):
    index, pages = library
    response = get(client, index, "?q=речи")
    found = titles(response)
    assert found[0] == "Программа развития речи" and "Статья об аутизме" in found
    assert "Движение каждый день" not in found and "Черновик" not in found
    assert response.context["library"].sort == "relevance"
    with django_capture_on_commit_callbacks(execute=True):
        TranscriptCue.objects.create(page=pages["C"], position=0, start=5, end=9, text="Ползание и первые шаги")
        signals.changed(pages["C"])  # publishing does this in production
    response = get(client, index, "?q=ползание")
    assert titles(response) == ["Движение каждый день"]
    html = response.content.decode()
    assert f'<a href="{pages["C"].url}#t=00:05"><span class="visually-hidden">Смотреть с </span>00:05</a>' in html


@pytest.mark.parametrize("sort, expected", [
    ("title", ["Движение каждый день", "Общение с малышом", "Программа развития речи", "Статья об аутизме"]),
    ("newest", ["Статья об аутизме", "Движение каждый день", "Программа развития речи", "Общение с малышом"]),
])  # fmt: skip
def test_sorting(client, library, sort, expected):
    index, _ = library
    assert titles(get(client, index, f"?sort={sort}")) == expected


def test_pagination_keeps_filters_and_bad_page_numbers_do_not_fail(client):
    index = make_index()
    for _ in range(15):
        make_material(index, topics=["communication"])
    make_material(index, topics=["movement"])
    response = get(client, index, "?topic=communication&sort=title")
    assert response.context["library"].total == 15
    assert len(titles(response)) == 12
    assert 'href="?topic=communication&amp;sort=title&amp;page=2"' in response.content.decode()
    assert len(titles(get(client, index, "?topic=communication&sort=title&page=2"))) == 3
    assert len(titles(get(client, index, "?topic=communication&page=999"))) == 3
    assert len(titles(get(client, index, "?topic=communication&page=abc"))) == 12


def test_query_count_does_not_grow_with_the_number_of_materials(client, django_capture_on_commit_callbacks):
    index = make_index()
    query = "?audience=specialists&topic=communication&age=1-2y&q=материал&sort=title"

    def add(n):
        with django_capture_on_commit_callbacks(execute=True):
            for i in range(n):
                make_material(index, topics=["communication", "movement"][: 1 + i % 2], ages=["1-2y"],
                              concerns=["autism"], region=["54", "77"][i % 2], year=2020 + i % 5)  # fmt: skip

    def queries():
        client.get(index.url + query)  # warm caches (site root paths, the search layer's synonyms and places)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(index.url + query)
        assert response.status_code == 200
        return len(captured), response.context["library"].total

    add(5)
    few, total_few = queries()
    add(55)
    many, total_many = queries()
    assert (total_few, total_many) == (5, 60)
    assert few == many
    # menus, site settings, view restrictions, 8 facets, count, one page; the text query: synonym and vocabulary
    # freshness checks, candidates and their ranking (search/fallback)
    assert many <= 30
