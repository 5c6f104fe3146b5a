import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


def overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_open_data_page_passes_axe_and_reflows_at_200_percent(page, site_url):
    page.goto(site_url + "/providers/open-data/")
    assert page.locator("h1").inner_text() == "Открытые данные: реестр поставщиков"
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(site_url + "/providers/open-data/")
    assert overflow(page) <= 0


def test_footer_leads_to_open_data_and_on_to_the_api_documentation(page, site_url):
    page.goto(site_url + "/")
    page.locator("footer").get_by_role("link", name="Открытые данные и API").click()
    assert page.locator("h1").inner_text() == "Открытые данные: реестр поставщиков"
    page.get_by_role("link", name="Документация API").click()
    assert page.locator("h1").inner_text() == "API открытых данных"
    assert page.get_by_role("heading", name="GET /api/hsds/services", exact=True).is_visible()


@pytest.mark.parametrize("width", [320, 1280])
def test_api_documentation_passes_axe_and_reads_at_320_px(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "/api/v1/docs")
    assert axe_violations(page) == []
    assert overflow(page) <= 0
    page.keyboard.press("Tab")  # the skip link first, then the content is reachable by keyboard
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
