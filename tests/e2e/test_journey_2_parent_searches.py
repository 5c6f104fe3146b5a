"""Journey 2. A parent types «не говорит в 2 года» in the header's search box → sees advice for parents and
services → opens a guidance page. Journey 7 runs the same steps in the visually-impaired mode."""

import pytest

from tests.e2e.journeys import timed

pytestmark = pytest.mark.e2e

QUERY = "не говорит в 2 года"


def search_from_the_header(page, site_url):
    """The steps of journey 2; returns the guidance page's title. Works at any width and in the mode."""
    page.goto(site_url + "/")
    box = page.get_by_role("combobox", name="Поиск по сайту")
    box.click()
    page.keyboard.type(QUERY, delay=20)
    suggestions = page.get_by_role("listbox")
    suggestions.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    # the list follows each keystroke: wait for the answers to the whole phrase (the best matches it has)
    page.wait_for_function("document.querySelectorAll('[role=option]').length >= 2")
    box.press("Enter")  # no option chosen: every result for the words typed
    page.wait_for_url("**/search/?q=*")
    links = page.locator("ol.search-results .search-result__title a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    guidance = [href for href in hrefs if href.startswith("/parents/")]
    services = [href for href in hrefs if href.startswith("/providers/")]
    assert guidance and guidance[0] in {"/parents/signs-2-3-years/", "/parents/signs-1-2-years/"}, hrefs
    if not services:  # services may be on the next tab of results
        page.get_by_role("navigation", name="Разделы результатов").get_by_role("link", name="Службы").click()
        services = page.locator("ol.search-results a[href^='/providers/']").count()
    assert services
    page.goto(site_url + "/search/?q=" + QUERY.replace(" ", "+"))
    first = page.locator("ol.search-results a[href^='/parents/']").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/parents/*/")
    assert page.get_by_role("heading", level=1).inner_text() == title
    return title


def test_parent_finds_advice_and_services_from_the_header(page, site_url):
    with timed("2. Parent: header search «не говорит в 2 года» → guidance page"):
        page.set_viewport_size({"width": 390, "height": 844})
        search_from_the_header(page, site_url)
