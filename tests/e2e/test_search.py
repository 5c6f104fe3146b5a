"""The header search box in real Chromium: a WAI-ARIA combobox with JavaScript, a plain form without it;
the /search/ page passes axe and reflows at 320 px."""

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


def overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_without_javascript_the_header_box_submits_to_the_search_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(site_url + "/parents/")
    box = page.get_by_role("searchbox", name="Поиск по сайту")
    box.fill("не говорит в 2 года")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    links = page.locator("ol.search-results h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"/parents/signs-2-3-years/", "/parents/signs-1-2-years/"} & set(links[:3])
    context.close()


def test_the_combobox_is_operable_by_keyboard(page, site_url):
    page.goto(site_url + "/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    box.focus()
    page.keyboard.type("вертикал", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = page.get_by_role("option")
    assert options.first.inner_text().startswith("Где взять коляску, вертикализатор")
    assert "подсказ" in page.locator(".site-search [role=status]").inner_text()
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and box.input_value() == "вертикал"
    page.keyboard.press("ArrowDown")
    listbox.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/parents/assistive-devices/")


def test_the_last_option_searches_everything(page, site_url):
    page.goto(site_url + "/library/")
    page.locator("#site-search-q").fill("речь")
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("ArrowUp")  # wraps to the last option: all results
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("ol.search-results li").count() >= 3


@pytest.mark.parametrize("path", ["/search/?q=аутизм", "/search/?q=речь&kind=library", "/search/?q=квазипарабола"])
def test_search_pages_pass_axe_and_reflow_at_320px(page, site_url, path):
    page.goto(site_url + path)
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_url + path)
    assert overflow(page) <= 0


def test_the_open_suggestions_pass_axe(page, site_url):
    page.goto(site_url + "/")
    page.locator("#site-search-q").fill("синдром")
    page.get_by_role("listbox").wait_for()
    page.keyboard.press("ArrowDown")
    assert axe_violations(page) == []
