"""/search/ and the header search box, as a browser without JavaScript sees them."""

import re

import pytest
from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_every_public_page_has_a_labelled_search_box_that_submits_to_search(client, demo_site):
    for path in ["/", "/parents/", "/parents/first-visit/", "/library/", "/providers/", "/providers/tsentr-raduga/"]:
        page = soup(client.get(path))
        form = page.select_one("header form[role=search]")
        assert form is not None, path
        assert form["action"] == "/search/" and form.get("method", "get").lower() == "get"
        field = form.select_one("input[name=q]")
        label = page.select_one(f"label[for={field['id']}]")
        assert label and label.get_text(strip=True), path
        assert form.select_one("button[type=submit]")


def test_no_inline_scripts_or_styles_in_the_search_templates(client, demo_site):
    page = client.get("/search/?q=речь&kind=library").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", page)
    assert " style=" not in page and not re.search(r"\son[a-z]+=", page)


def test_submitting_the_header_form_without_javascript_shows_results(client, demo_site):
    page = soup(client.get("/search/", {"q": "не говорит в 2 года"}))
    results = page.select("ol.search-results li.search-result")
    links = [li.select_one("h3 a")["href"] for li in results]
    assert {"/parents/signs-2-3-years/", "/parents/signs-1-2-years/"} & set(links[:3])
    assert page.select_one("mark")
    tabs = {a.get_text(" ", strip=True) for a in page.select(".search-tabs a")}
    assert any(t.startswith("Все") for t in tabs) and any(t.startswith("Библиотека") for t in tabs)
    assert page.select_one(".search-tabs a[aria-current=page]").get_text().startswith("Все")


def test_kind_tab_shows_its_facets_and_filters_apply(client, demo_site):
    page = soup(client.get("/search/", {"q": "речь", "kind": "library"}))
    legends = [legend.get_text(strip=True) for legend in page.select(".search-facets legend")]
    assert "Вид материала" in legends and "Тема" in legends
    count = int(re.search(r"\d+", page.select_one("#search-count").get_text()).group())
    filtered = soup(client.get("/search/", {"q": "речь", "kind": "library", "type": "webinar"}))
    assert 0 < int(re.search(r"\d+", filtered.select_one("#search-count").get_text()).group()) < count
    assert filtered.select_one("input[name=type][value=webinar][checked]")


def test_pagination_links_keep_the_query(client, demo_site):
    page = soup(client.get("/search/", {"q": "ребенок"}))
    next_link = page.select_one(".pagination a[rel=next]")
    assert next_link and "q=" in next_link["href"] and "page=2" in next_link["href"]
    second = soup(client.get("/search/" + next_link["href"]))
    assert second.select_one(".pagination [aria-current=page]").get_text(strip=True).endswith("2")


def test_a_misspelt_query_offers_did_you_mean(client, demo_site):
    page = soup(client.get("/search/", {"q": "недоношеный малыш"}))
    hint = page.select_one(".search-suggestion")
    assert "Возможно, вы имели в виду" in hint.get_text()
    assert hint.select_one("a").get_text() == "недоношенный малыш"


def test_the_zero_result_page_still_helps(client, demo_site):
    from core.models import PortalSettings

    PortalSettings.objects.update(hotline_phone="8 800 555-35-35")
    page = soup(client.get("/search/", {"q": "квазипарабола"}))
    help_block = page.select_one(".search-empty")
    assert "ничего не нашлось" in help_block.get_text().lower()
    hrefs = [a["href"] for a in help_block.select("a")]
    assert "/providers/" in hrefs and "tel:88005553535" in hrefs
    assert any("?topic=" in href for href in hrefs)


def test_search_without_elasticsearch_says_it_runs_simplified(client, demo_site, settings):
    settings.ELASTICSEARCH_URL = ""
    page = soup(client.get("/search/", {"q": "аутизм"}))
    assert "упрощённом режиме" in page.select_one(".search-notice").get_text()
    assert page.select("ol.search-results li")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["q=%00", "q=" + "я" * 10_000, "q=речь&page=abc", "q=речь&kind=x", "q=речь&topic=a", "q=речь&near=x", "q=а&q=б"],
)
def test_hostile_page_parameters_get_a_friendly_message(client, query):
    response = client.get(f"/search/?{query}")
    if len(query) > 4096:  # longer than any address of the site (PORTAL_MAX_URL_LENGTH): the Russian 414 page
        assert response.status_code == 414 and "Слишком длинный адрес" in response.content.decode()
        return
    assert response.status_code == 200
    assert soup(response).select_one(".message--error[role=alert]")


@pytest.mark.django_db
def test_an_empty_search_page_invites_a_query(client):
    page = soup(client.get("/search/"))
    assert page.select_one("#search-page-q") and not page.select_one(".search-results")
