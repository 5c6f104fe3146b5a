import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["/", "/about/", "/no-such-page/"])
def test_pages_pass_axe_without_serious_violations(page, site_url, path):
    page.goto(site_url + path)
    assert axe_violations(page) == []


def test_skip_link_is_first_on_keyboard_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]"
    )
    assert focused == ["Перейти к основному содержанию", "#main"]
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"


def test_page_reflows_at_200_percent_zoom_without_horizontal_scroll(page, site_url):
    # 200% zoom of a 1280px window is a 640px CSS viewport.
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(site_url + "/")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
