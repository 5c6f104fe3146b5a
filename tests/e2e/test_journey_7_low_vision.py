"""Journey 7. The visually-impaired mode: switch it on, white on black, the largest text → journey 2 still
works (the search suggestions follow the scheme) → back to the standard version."""

import pytest

from tests.e2e.journeys import timed
from tests.e2e.test_journey_2_parent_searches import search_from_the_header

pytestmark = pytest.mark.e2e

WHITE, BLACK = "rgb(255, 255, 255)", "rgb(0, 0, 0)"


def colours(locator):
    return locator.evaluate("(el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")


def test_low_vision_reader_searches_and_returns_to_the_standard_version(page, site_url):
    with timed("7. Mode on: white on black, largest text → journey 2 → mode off"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(site_url + "/")
        page.get_by_role("banner").get_by_role("button", name="Версия для слабовидящих").click()
        panel = page.get_by_role("region", name="Настройки для слабовидящих")
        panel.get_by_role("button", name="Ц — Белый на чёрном").click()
        panel.get_by_role("button", name="А — Самый крупный").click()
        assert page.locator("html").get_attribute("class") == "vi vi-size-3 vi-scheme-wb vi-spacing-0"

        page.goto(site_url + "/")
        box = page.get_by_role("combobox", name="Поиск по сайту")
        box.click()
        page.keyboard.type("синдром", delay=20)
        page.get_by_role("listbox").wait_for()
        assert colours(page.get_by_role("option").first) == [WHITE, BLACK]
        page.keyboard.press("ArrowDown")
        active = page.locator("[role=option][aria-selected=true]")
        assert colours(active) == [BLACK, WHITE]  # the chosen suggestion is inverted, not just tinted

        title = search_from_the_header(page, site_url)
        assert "vi-scheme-wb" in page.locator("html").get_attribute("class")
        assert colours(page.get_by_role("heading", name=title)) == [WHITE, BLACK]

        page.get_by_role("button", name="Обычная версия сайта").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("class") is None
        assert page.get_by_role("heading", level=1).inner_text() == title
