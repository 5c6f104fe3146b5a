import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


def test_open_data_page_passes_axe_and_reflows_at_200_percent(page, site_url):
    page.goto(site_url + "/providers/open-data/")
    assert page.locator("h1").inner_text() == "Открытые данные: реестр поставщиков"
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(site_url + "/providers/open-data/")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
