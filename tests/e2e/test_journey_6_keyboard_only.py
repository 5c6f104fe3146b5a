"""Journey 6. Journey 1 by keyboard only: Tab, Shift+Tab, Enter, Space and the arrow keys, no mouse and no typed
addresses after the home page. Wherever the parent acts, the focused control shows a visible indicator and nothing
covers it, and the focus stays put when the list updates around it."""

import re

import pytest

from tests.e2e.journeys import timed
from tests.e2e.test_finder import card_titles, focus_until
from tests.e2e.test_journey_1_parent_finds_help import (  # noqa: F401 (fixtures)
    AGE_YEARS,
    CONCERN,
    SAID,
    demo_places,
    expect_filtered_list,
    expect_nearest_card,
    expect_printed_list,
    expect_provider_page,
    found,
    located,
)
from tests.e2e.test_keyboard_focus import INSPECT

pytestmark = pytest.mark.e2e

FIRST_CARD = "document.querySelector('.finder-card')"


def tab_to(page, predicate, key="Tab", limit=80):
    """Press Tab (or Shift+Tab) until `predicate` holds in the page; the stop must show where the focus is."""
    assert focus_until(page, f"() => {predicate}", limit=limit, key=key), f"{predicate} is out of reach by {key}"
    expect_focus_shown(page)


def expect_focus_shown(page):
    state = page.evaluate(INSPECT)
    assert state is not None, "the focus fell back to the page"
    assert state["visible"], f"no focus indicator on {state['label']}"
    assert state["unobscured"], f"{state['label']} is hidden when focused"


def focused(page, predicate):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}")


def choose_with_arrows(page, value, limit=20):
    """ArrowDown on a closed list box moves through its options, as a keyboard user picks one."""
    for _ in range(limit):
        if focused(page, "el.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value!r} is not among the options")


def test_keyboard_only_parent_finds_saves_and_prints_help(located, finder_url, demo_places):  # noqa: F811
    page = located
    with timed("6. Keyboard only: journey 1 without a mouse"):
        page.goto(finder_url + "/")
        tab_to(page, "document.activeElement.textContent.trim() === 'Найти помощь рядом'")
        page.keyboard.press("Enter")
        page.wait_for_url("**/providers/")

        tab_to(page, "document.activeElement.matches('[data-finder-geolocate]')")
        page.keyboard.press("Enter")
        page.get_by_text("Рядом с: ваше местоположение").wait_for()
        assert found(page) == len(demo_places) and card_titles(page)[0] == demo_places[0].name
        assert focused(page, "el.id") == "finder-count"  # the focus went to the results it announced
        expect_focus_shown(page)

        tab_to(page, "document.activeElement.tagName === 'SUMMARY'", key="Shift+Tab")
        page.keyboard.press("Enter")
        assert page.locator("details.finder-filters").get_attribute("open") is not None
        tab_to(page, "document.activeElement.id === 'finder-age-years'")
        choose_with_arrows(page, AGE_YEARS)
        page.wait_for_url(re.compile(rf"age_years={AGE_YEARS}"))
        tab_to(page, "document.activeElement.id === 'finder-concern'")
        choose_with_arrows(page, CONCERN)
        page.wait_for_url(re.compile(rf"concern={CONCERN}"))
        assert focused(page, "el.id") == "finder-concern", "the focus stays on the list box while the list updates"
        expect_focus_shown(page)
        nearest = expect_filtered_list(page, demo_places)
        expect_nearest_card(page, nearest, demo_places[0])

        tab_to(page, f"document.activeElement === {FIRST_CARD}.querySelector('.finder-card__title a')")
        tab_to(page, f"document.activeElement === {FIRST_CARD}.querySelector('a[href^=\"tel:\"]')")
        assert focused(page, "el.textContent").startswith("Позвонить")
        tab_to(page, f"document.activeElement === {FIRST_CARD}.querySelector('.finder-card__title a')", key="Shift+Tab")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{nearest.organisation.get_absolute_url()}")
        expect_provider_page(page, nearest)

        tab_to(page, "document.activeElement.matches('.provider-quick .save-form__button')")
        page.keyboard.press("Space")
        page.wait_for_function(SAID, arg="Сохранено в «Мой список».")
        assert focused(page, "el.textContent").startswith("Убрать из списка"), "the focus stays on the button"
        expect_focus_shown(page)
        tab_to(page, "document.activeElement.matches('.provider-quick__mylist')")
        assert focused(page, "el.textContent.replace(/\\s+/g, ' ').trim()") == "Мой список (1)"
        page.keyboard.press("Enter")
        page.wait_for_url("**/providers/my-list/")

        tab_to(page, "document.activeElement.textContent.trim() === 'Распечатать список'")
        page.keyboard.press("Enter")
        page.wait_for_function("() => window.printed === 1")
        expect_printed_list(page, nearest)
