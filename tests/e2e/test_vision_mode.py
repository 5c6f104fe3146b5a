"""The visually-impaired mode in a real browser: switched on and tuned without JavaScript, applied by the server
before the first paint, and the report form's errors tied to their fields."""

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


def html_classes(page):
    return page.locator("html").get_attribute("class") or ""


def test_mode_works_without_javascript_from_the_header_to_the_standard_version(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/about/")
        page.get_by_role("banner").get_by_role("button", name="Версия для слабовидящих").click()
        page.wait_for_url("**/about/")
        assert html_classes(page) == "vi vi-size-1 vi-scheme-bw vi-spacing-0"
        panel = page.get_by_role("region", name="Настройки для слабовидящих")
        panel.get_by_role("button", name="Ц — Белый на чёрном").click()
        panel.get_by_role("button", name="А — Самый крупный").click()
        panel.get_by_role("button", name="Большой").click()
        panel.get_by_role("button", name="Скрыть изображения").click()
        assert page.url.endswith("/about/")
        assert html_classes(page) == "vi vi-size-3 vi-scheme-wb vi-spacing-2 vi-no-images"
        assert panel.get_by_role("button", name="Ц — Белый на чёрном").get_attribute("aria-pressed") == "true"
        colours = page.evaluate(
            "() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
        )
        assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"

        panel.get_by_role("link", name="Все настройки").click()
        page.wait_for_url("**/low-vision/?next=/about/")
        page.get_by_role("group", name="Цвета").get_by_label("Коричневый на бежевом").check()
        page.get_by_role("button", name="Сохранить настройки").click()
        page.wait_for_url("**/about/")
        assert "vi-scheme-brown" in html_classes(page)

        page.get_by_role("button", name="Обычная версия сайта").click()
        page.wait_for_url("**/about/")
        assert html_classes(page) == ""
        assert context.cookies() == [] or all(c["name"] != "vision" for c in context.cookies())
    finally:
        context.close()


def test_the_first_paint_is_already_in_the_mode(browser, site_url):
    """The server sends the classes and the stylesheet: no repaint from standard to the mode (no flash)."""
    context = browser.new_context(locale="ru-RU")
    context.add_cookies([{"name": "vision", "value": "s2.cblue.l0.i1", "url": site_url}])
    page = context.new_page()
    try:
        page.route("**/*.js", lambda route: route.abort())  # not even a script could change it afterwards
        page.goto(site_url + "/", wait_until="commit")
        page.wait_for_selector("body")
        # the browser first paints once the stylesheets in <head> have loaded (they block rendering): read it then
        page.wait_for_function("() => [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet)")
        first = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        page.wait_for_load_state("load")  # nothing left in flight to the shared server when the test ends
        assert first == "rgb(157, 209, 255)"
    finally:
        context.close()


def test_report_form_errors_are_tied_to_their_fields(page, site_url):
    page.goto(site_url + "/providers/tsentr-raduga/report/")
    page.get_by_role("button", name="Отправить сообщение").click()
    summary = page.get_by_role("alert")
    assert "Пожалуйста, исправьте форму" in summary.inner_text()
    message = page.get_by_label("Опишите ошибку")
    assert message.get_attribute("aria-invalid") == "true"
    described = message.get_attribute("aria-describedby").split()
    errors = " ".join(page.locator(f"#{element_id}").inner_text() for element_id in described)
    assert "Требуется заполнить это поле." in errors
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.tagName") in {"SELECT", "TEXTAREA"}
    assert axe_violations(page) == []
