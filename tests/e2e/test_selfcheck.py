"""The self-check in a real Chromium on a phone (390×844): the parent of a 24-month-old answers «Пока нет» to two
speech milestones, reads the result and reaches a finder list with at least three providers in at most two taps
from it. Then the same by keyboard only, with JavaScript off. Axe in every colour scheme: test_axe_matrix.py."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.journeys import timed
from tests.e2e.test_journey_1_parent_finds_help import HERE, found
from tests.e2e.test_journey_6_keyboard_only import expect_focus_shown, focused, tab_to

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
SPEECH = "#area-communication"
NOT_YET_SPEECH = 2


def speech_questions(page):
    return page.locator(f"section[aria-labelledby='{SPEECH[1:]}'] fieldset")


def expect_result(page):
    """The result says why in plain words, and only speech is flagged."""
    heading = page.locator(f"{SPEECH}-title").inner_text()
    assert heading == "Общение и речь: стоит поговорить со специалистом"
    others = page.locator(".selfcheck-area--typical h2").all_inner_texts()
    assert len(others) == 3 and all(text.endswith("пока всё идёт как у большинства детей") for text in others)
    assert page.locator(f"{SPEECH} ul").first.locator("li").count() == NOT_YET_SPEECH
    assert "Это не диагноз" in page.locator(".selfcheck-note").inner_text()
    assert page.locator("#selfcheck-share").input_value() == page.url  # the link that reopens the same answers


def expect_printed_summary(page):
    """On paper: the verdicts and every answer, no forms, buttons or the share link; the child has no name."""
    page.emulate_media(media="print")
    try:
        assert page.locator(".selfcheck-table").first.is_visible()
        assert page.locator(".selfcheck-table td strong", has_text="Пока нет").count() == NOT_YET_SPEECH
        for hidden in ("form", "button", "#selfcheck-share", ".selfcheck-help", ".site-header"):
            assert not page.locator(hidden).first.is_visible(), hidden
    finally:
        page.emulate_media(media="screen")


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="ru-RU",
        viewport=PHONE,
        has_touch=True,
        is_mobile=True,
        geolocation={"latitude": HERE[0], "longitude": HERE[1]},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.route(re.compile(r"tile\.openstreetmap\.org"), lambda route: route.abort())
    yield page
    context.close()


def test_a_parent_on_a_phone_reaches_help_in_one_tap_from_the_result(phone, finder_url):
    page = phone
    with timed("Self-check: 24 months, two «Пока нет» in speech → result → finder (phone)"):
        page.goto(finder_url + "/self-check/")
        page.get_by_label("или возраст в полных месяцах").fill("24")
        page.get_by_role("button", name="Рядом со мной").tap()
        page.get_by_text("Место найдено").wait_for()
        page.get_by_role("button", name="Открыть список для этого возраста").tap()
        page.wait_for_url(re.compile(r"/self-check/24-months/\?.*near=54\.96%2C82\.89"))
        for index, fieldset in enumerate(page.locator("fieldset.selfcheck-question").all()):
            if fieldset.locator("input[type=radio]").count() == 0:
                continue  # the warning signs: nothing noticed
            speech = index < NOT_YET_SPEECH
            fieldset.get_by_text("Пока нет" if speech else "Да", exact=True).tap()
        assert speech_questions(page).locator("input[value=not_yet]:checked").count() == NOT_YET_SPEECH
        page.get_by_role("button", name="Показать результат").tap()
        page.wait_for_url(re.compile(r"/self-check/24-months/result/\?a="))
        expect_result(page)
        expect_printed_summary(page)

        taps = 0
        page.locator(SPEECH).get_by_role("link", name="Найти службу ранней помощи").tap()
        taps += 1
        page.wait_for_url(re.compile(r"/providers/\?concern=speech&age=24&near=54\.96%2C82\.89"))
        assert taps <= 2 and found(page) >= 3 and page.locator(".finder-card").count() >= 3


def test_by_keyboard_only_without_javascript(browser, finder_url):
    context = browser.new_context(locale="ru-RU", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        with timed("Self-check by keyboard only, JavaScript off"):
            page.goto(finder_url + "/self-check/")
            tab_to(page, "document.activeElement.name === 'months'")
            page.keyboard.type("24")
            tab_to(page, "document.activeElement.name === 'where'")
            page.keyboard.type("Новосибирская область")
            tab_to(page, "document.activeElement.type === 'submit' && document.activeElement.closest('main')")
            page.keyboard.press("Enter")
            page.wait_for_url(re.compile(r"/self-check/24-months/\?"))
            page.wait_for_load_state("load")  # the checklist is the page the answers go into, not the one before
            questions = page.locator("fieldset.selfcheck-question input[type=radio][value=yes]").count()
            not_yet = 0
            for position in range(1, questions + 1):
                tab_to(page, f"document.activeElement.name === 'q{position}'")
                page.keyboard.press("Space")  # «Да»
                # each key's effect is awaited before the next key (a busy machine may still be handling it)
                expect(page.locator(f"input[name=q{position}][value=yes]")).to_be_checked()
                in_speech = speech_questions(page).locator(f"input[name=q{position}]").count() > 0
                if in_speech and not_yet < NOT_YET_SPEECH:  # the first questions of the speech area, wherever
                    not_yet += 1
                    page.keyboard.press("ArrowRight")  # «Пока нет»
                    expect(page.locator(f"input[name=q{position}][value=not_yet]")).to_be_checked()
                expect_focus_shown(page)
            assert speech_questions(page).locator("input[value=not_yet]:checked").count() == NOT_YET_SPEECH
            tab_to(page, "document.activeElement.textContent.trim() === 'Показать результат'")
            page.keyboard.press("Enter")
            page.wait_for_url(re.compile(r"/self-check/24-months/result/\?a="))
            expect_result(page)
            link = f"document.activeElement.closest('{SPEECH}') && document.activeElement.classList.contains('button')"
            tab_to(page, link)
            assert focused(page, "el.textContent.trim()") == "Найти службу ранней помощи"
            page.keyboard.press("Enter")
            page.wait_for_url(re.compile(r"/providers/\?concern=speech&age=24&where="))
            assert found(page) >= 3
    finally:
        context.close()
