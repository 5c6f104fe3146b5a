"""«Доступность ранней помощи» in a real Chromium: a coordinator goes from the national table to a region, to its
largest localities beyond 30 km, to the nearest services (desktop and 390×844); the table sorts without JavaScript.
axe runs on both pages in every colour scheme in test_axe_matrix.py."""

import re

import pytest

from providers_map.coverage import compute
from providers_map.coverage.models import LocalityCoverage
from tests.e2e.journeys import timed
from tests.e2e.test_finder import no_tiles

pytestmark = pytest.mark.e2e

SCREENS = {"desktop": (1280, 900), "phone": (390, 844)}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def current_coverage(demo_server, django_db_blocker):
    """The committed demo's figures recomputed (another browser test may have imported and removed providers)."""
    with django_db_blocker.unblock():
        compute.recompute()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_coordinator_goes_from_the_national_table_to_the_nearest_services(
    browser, site_url, current_coverage, screen
):
    width, height = SCREENS[screen]
    context = browser.new_context(locale="ru-RU", viewport={"width": width, "height": height})
    page = context.new_page()
    no_tiles(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    far = LocalityCoverage.objects.filter(region_code="54", distance_km__gt=30).order_by("-population", "name")
    biggest = far[0]
    with timed(f"coverage: national table → region → locality → service ({screen})"):
        page.goto(site_url + "/coverage/")
        assert page.locator("h1").inner_text() == "Доступность ранней помощи"
        assert page.get_by_text("Рассчитано").first.is_visible()
        table = page.get_by_role("table", name="Доступность ранней помощи по субъектам РФ")
        table.get_by_role("link", name=re.compile("Население")).click()  # the most populous first
        assert page.locator("tbody tr").first.get_attribute("data-region") == "77"
        page.locator("#coverage-map canvas").first.wait_for()  # the map drew its circles
        assert page.evaluate(OVERFLOW) <= 0

        page.get_by_role("table").get_by_role("link", name="Новосибирская область").click()
        assert page.locator("h1").inner_text() == "Доступность ранней помощи: Новосибирская область"
        heading = page.get_by_role("heading", name="Крупнейшие населённые пункты дальше 30 км")
        heading.scroll_into_view_if_needed()
        first = page.locator(".coverage-far__item").first
        assert first.locator("h3").inner_text() == biggest.name
        nearest = first.get_by_role("list", name=f"Ближайшие услуги для пункта {biggest.name}")
        assert nearest.get_by_role("link").count() == len(biggest.nearest)
        assert page.evaluate(OVERFLOW) <= 0

        nearest.get_by_role("link").first.click()
        assert page.locator("h1").inner_text() == biggest.nearest[0]["name"]
        assert page.url.endswith(biggest.nearest[0]["url"])
    assert errors == []
    context.close()


def test_the_table_sorts_without_javascript(browser, site_url, current_coverage):
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/coverage/")
    assert page.locator("#coverage-map").is_hidden()
    heading = page.get_by_role("columnheader", name=re.compile("^Субъект РФ"))
    heading.get_by_role("link").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    names = page.locator("tbody th").all_inner_texts()
    assert len(names) == 89 and names == sorted(names, key=str.lower)
    heading.get_by_role("link").click()
    assert page.get_by_role("columnheader", name=re.compile("^Субъект РФ")).get_attribute("aria-sort") == "descending"
    page.get_by_label("Расстояние до").select_option("communication")
    page.get_by_role("button", name="Показать").click()
    assert "service=communication" in page.url
    assert page.get_by_role("table").get_by_role("caption").inner_text().endswith("Содействие развитию общения и речи")
    context.close()
