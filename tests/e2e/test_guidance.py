"""Guidance for parents in a real Chromium: axe, keyboard use of the questions, reflow at 200% zoom."""

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


def _guidance_url(slug):
    from home.models import GuidancePage

    return GuidancePage.objects.get(slug=slug).url


def test_hub_and_guidance_pages_pass_axe(page, site_url):
    paths = ["/parents/", "/parents/?topic=first-signs&age=1-2y", _guidance_url("what-is-early-care")]
    paths.append(_guidance_url("activities-at-home"))  # with the library's captioned video
    for path in paths:
        page.goto(site_url + path)
        assert axe_violations(page) == [], path


def test_questions_open_and_close_with_the_keyboard(page, site_url):
    page.goto(site_url + _guidance_url("what-is-early-care"))
    question = page.locator("summary.questions__question").first
    answer = page.locator(".questions__answer").first
    assert not answer.is_visible()
    question.focus()
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert answer.is_visible()
    page.keyboard.press("Space")
    assert not answer.is_visible()


def test_filters_and_feedback_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(site_url + "/parents/")
    page.select_option("#filter-age", "0-6m")
    page.get_by_role("button", name="Показать").click()
    assert "age=0-6m" in page.url
    assert page.get_by_role("link", name="На что обратить внимание: от рождения до 6 месяцев").is_visible()
    assert page.get_by_role("link", name="На что обратить внимание: от двух до трёх лет").count() == 0
    page.get_by_role("link", name="На что обратить внимание: от рождения до 6 месяцев").click()
    page.get_by_role("button", name="Да").click()
    assert page.get_by_text("Спасибо! Ваш ответ помогает нам делать страницы понятнее.").is_visible()
    context.close()


@pytest.mark.parametrize("slug", ["hub", "what-is-early-care", "individual-programme"])
def test_guidance_reflows_at_200_percent_zoom(page, site_url, slug):
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(site_url + ("/parents/" if slug == "hub" else _guidance_url(slug)))
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
