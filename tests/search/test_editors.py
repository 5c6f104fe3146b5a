"""What editors do for search: synonyms and promoted results that apply on the next query, and the report."""

from django.urls import reverse

import pytest

from search.models import PromotedResult, QueryStat, SynonymGroup
from search.results import SearchRequest
from search.service import run


def urls(q, **kwargs):
    found = run(SearchRequest(q=q, **kwargs))
    return [r.url for r in found.promoted + found.results]


def test_a_synonym_group_added_in_the_admin_works_on_the_next_query(admin_client, demo_site):
    assert "/parents/assistive-devices/" not in urls("опора для стояния")
    response = admin_client.post(
        reverse("wagtailsnippets_search_synonymgroup:add"),
        {"terms": "вертикализатор, опора для стояния", "note": "как говорят родители"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SynonymGroup.objects.filter(terms__startswith="вертикализатор").exists()
    assert urls("опора для стояния")[0] == "/parents/assistive-devices/"  # no rebuild needed


def test_a_synonym_group_needs_two_terms(admin_client, db):
    response = admin_client.post(reverse("wagtailsnippets_search_synonymgroup:add"), {"terms": "одно слово"})
    assert response.status_code == 200
    assert not SynonymGroup.objects.filter(terms="одно слово").exists()


def test_a_promoted_result_comes_first_for_its_queries_in_any_form(admin_client, demo_site):
    from wagtail.models import Page

    page = Page.objects.get(url_path__endswith="/parents/family-rights/")
    response = admin_client.post(
        reverse("wagtailsnippets_search_promotedresult:add"),
        {
            "queries": "льготы\nпособия",
            "page": page.pk,
            "link": "",
            "title": "",
            "description": "Коротко о правах",
            "sort_order": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    found = run(SearchRequest(q="Пособие"))
    assert found.promoted[0].url == "/parents/family-rights/" and found.promoted[0].meta == ["Коротко о правах"]
    assert "/parents/family-rights/" not in [r.url for r in found.results]  # shown once
    assert not run(SearchRequest(q="пособие", kind="library")).promoted  # only on the "all" tab


def test_a_promoted_result_needs_a_target(admin_client, db):
    response = admin_client.post(
        reverse("wagtailsnippets_search_promotedresult:add"),
        {
            "queries": "что-то",
            "page": "",
            "link": "https://example.org",
            "title": "",
            "description": "",
            "sort_order": 0,
        },
    )
    assert response.status_code == 200
    assert not PromotedResult.objects.exists()


def test_the_query_report_lists_frequent_queries_and_gaps(admin_client, client, demo_site):
    QueryStat.objects.all().delete()  # browser tests search the committed demo too; count only this test's
    for q in ["аутизм", "аутизм", "Аутизм", "логопед", "квазипарабола"]:
        client.get("/api/v1/search", {"q": q})
    assert QueryStat.objects.get(query="аутизм").searches == 3
    page = admin_client.get(reverse("search_query_report")).content.decode()
    assert page.index("аутизм") < page.index("логопед")
    gaps = admin_client.get(reverse("search_query_report"), {"without_results": "on", "period": "7"}).content.decode()
    assert "квазипарабола" in gaps and "логопед" not in gaps
    export = admin_client.get(reverse("search_query_report"), {"export": "csv"})
    csv = b"".join(export.streaming_content).decode()
    assert "аутизм,3,0" in csv


@pytest.mark.django_db
def test_the_admin_menu_links_to_search_tools(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert reverse("search_query_report") in page
    for name in ("synonymgroup", "promotedresult"):
        assert admin_client.get(reverse(f"wagtailsnippets_search_{name}:list")).status_code == 200
