"""The provider finder in a real Chromium over the demo registry, its index rebuilt from the committed demo.

Clusters and zooming, filters updating map + list + URL, geolocation and «Бердск» sorting by distance, the
first result on a phone's first screen, keyboard only, no JavaScript, failing tiles, «Мой список», axe.
"""

import re

import pytest

from core.geo import distance_km as haversine_km
from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e

BERDSK = (54.75352, 83.09624)  # the gazetteer's Бердск
PHONE = {"width": 390, "height": 844}


def no_tiles(page):
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())


def card_titles(page):
    return page.locator(".finder-card__title").all_inner_texts()


def distances_km(page):
    values = []
    for text in page.locator(".finder-card__distance").all_inner_texts():
        number = text.replace("Расстояние:", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        if number.endswith("км"):
            values.append(float(number[:-2]))
        elif number.endswith("м"):
            values.append(float(number[:-1]) / 1000)
    return values


def zoom(page):
    return page.evaluate("() => window.FinderMap.getZoom()")


def test_the_finder_loads_with_clusters_and_a_cluster_zooms_in(page, finder_url):
    no_tiles(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(finder_url + "/providers/")
    page.wait_for_selector("#finder-map .finder-cluster")
    cluster = page.locator("#finder-map .finder-cluster").first
    assert re.fullmatch(r"\d+ организаци(я|и|й)\. Приблизьте, чтобы увидеть их", cluster.get_attribute("aria-label"))
    assert cluster.get_attribute("role") == "button"
    before = zoom(page)
    biggest = max(page.locator("#finder-map .finder-cluster").all(), key=lambda c: int(c.inner_text() or 0))
    biggest.click()
    page.wait_for_function(f"() => window.FinderMap.getZoom() > {before}")
    # The list follows the map: fewer places, and the map area is in the URL.
    page.wait_for_url(re.compile(r"bbox="))
    page.get_by_role("button", name="Снова показать весь список").wait_for()


def test_a_filter_updates_map_list_and_url(page, finder_url):
    no_tiles(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(finder_url + "/providers/")
    page.wait_for_selector("#finder-map .finder-cluster")
    total_before = int(page.locator("#finder-map").get_attribute("data-total"))
    page.locator("summary", has_text="Фильтры").click()
    with page.expect_response(lambda r: "/api/v1/providers/map" in r.url and "concern=autism" in r.url) as map_call:
        page.select_option("#finder-concern", "autism")
    assert map_call.value.ok
    page.wait_for_url(re.compile(r"concern=autism"))
    page.wait_for_function(f"() => Number(document.getElementById('finder-map').dataset.total) < {total_before}")
    heading = page.locator("#finder-count").inner_text()
    assert "Найдено" in heading
    assert page.locator(".finder-group").first.is_visible()  # «N мест работают с этими особенностями»
    assert "concern=autism" in page.url


def test_geolocation_puts_the_nearest_first_with_its_distance(browser, finder_url, places):
    here = (54.9612, 82.8897)  # next to Центр «Рассвет»
    context = browser.new_context(
        locale="ru-RU", geolocation={"latitude": here[0], "longitude": here[1]}, permissions=["geolocation"]
    )
    page = context.new_page()
    no_tiles(page)
    page.goto(finder_url + "/providers/")
    page.get_by_role("button", name="Рядом со мной").click()
    page.wait_for_url(re.compile(r"near=54\.96120%2C82\.88970|near=54\.9612,82\.8897"))
    nearest = min(places, key=lambda p: haversine_km(*here, p[1], p[2]))
    page.wait_for_function("() => document.querySelector('.finder-card__distance') !== null")
    assert card_titles(page)[0] == nearest[0]
    assert distances_km(page)[0] < 0.1
    assert distances_km(page) == sorted(distances_km(page))
    assert page.get_by_text("Рядом с: ваше местоположение").is_visible()
    context.close()


def test_choosing_berdsk_sorts_by_distance_from_it(page, finder_url, places):
    no_tiles(page)
    page.goto(finder_url + "/providers/")
    page.locator("#finder-where").fill("в Бердске")
    page.wait_for_selector('#finder-where-options [role="option"]')
    assert page.locator("#finder-where").get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"where="))
    page.get_by_text("Рядом с: Бердск, Новосибирская область").wait_for()
    expected = sorted(places, key=lambda p: haversine_km(*BERDSK, p[1], p[2]))
    titles = card_titles(page)
    assert titles[0] == expected[0][0] == "КЦСОН города Бердска"
    shown = distances_km(page)
    assert shown == sorted(shown)
    for value, (_name, lat, lon) in zip(shown[:5], expected[:5], strict=True):
        exact = haversine_km(*BERDSK, lat, lon)
        shown_as = round(exact * 1000, -1) / 1000 if exact < 1 else round(exact, 1) if exact < 10 else round(exact)
        assert value == pytest.approx(shown_as)  # «570 м», «2,4 км», «13 км»


def test_after_choosing_a_place_the_first_result_is_on_a_phones_first_screen(browser, finder_url):
    context = browser.new_context(locale="ru-RU", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    no_tiles(page)
    page.goto(finder_url + "/providers/")
    page.locator("#finder-where").fill("Бердск")
    page.locator("#finder-where").press("Enter")
    page.get_by_text("Рядом с: Бердск").wait_for()
    page.evaluate("() => window.scrollTo(0, 0)")
    first = page.locator(".finder-card").first
    title = first.locator(".finder-card__title").bounding_box()
    facts = first.locator(".finder-card__facts").bounding_box()
    assert title["y"] >= 0 and facts["y"] + facts["height"] <= PHONE["height"], (title, facts)
    # Filters fold away; the map is one tap away.
    assert page.locator("details.finder-filters").get_attribute("open") is None
    page.get_by_role("button", name="Карта").click()
    page.wait_for_selector("#finder-map .leaflet-marker-icon")
    assert page.locator("#finder-map").is_visible()
    assert not page.locator(".finder-card").first.is_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()


def focus_until(page, predicate, limit=80, key="Tab"):
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(predicate):
            return True
    return False


def test_everything_by_keyboard(page, finder_url):
    no_tiles(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(finder_url + "/providers/")
    page.wait_for_selector("#finder-map .finder-cluster")
    assert focus_until(page, "() => document.activeElement.id === 'finder-where'")
    page.keyboard.type("Искитим")
    page.wait_for_selector('#finder-where-options [role="option"]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_text("Рядом с: Искитим").wait_for()
    # Focus went to the results; back to the filters, which open with the keyboard and apply.
    assert page.evaluate("() => document.activeElement.id") == "finder-count"
    assert focus_until(page, "() => document.activeElement.tagName === 'SUMMARY'", key="Shift+Tab")
    page.keyboard.press("Enter")
    assert focus_until(page, "() => document.activeElement.id === 'finder-free'")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"free=1"))
    # Map markers are buttons in the tab order; Enter on a cluster zooms in.
    page.goto(finder_url + "/providers/")
    page.wait_for_selector("#finder-map .finder-cluster")
    before = zoom(page)
    assert focus_until(page, "() => document.activeElement.classList.contains('finder-cluster')", limit=200)
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert "организаци" in label
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => window.FinderMap.getZoom() > {before}")
    # Moving the map without dragging: the pan buttons.
    centre = page.evaluate("() => window.FinderMap.getCenter().lng")
    page.get_by_role("button", name="Сдвинуть карту вправо").click()
    page.wait_for_function(f"() => window.FinderMap.getCenter().lng > {centre}")


def test_without_javascript_the_same_filters_distance_and_pages(browser, finder_url):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(finder_url + "/providers/")
    assert not page.locator("#finder-map").is_visible()
    page.locator("#finder-where").fill("в Бердске")
    page.get_by_role("search", name="Поиск организаций").get_by_role("button", name="Найти").click()
    assert "where=" in page.url
    assert card_titles(page)[0] == "КЦСОН города Бердска"
    assert distances_km(page) == sorted(distances_km(page))
    page.locator("summary", has_text="Фильтры").click()  # <details> opens without JavaScript
    page.select_option("#finder-concern", "autism")
    page.get_by_role("button", name="Показать").click()
    assert "concern=autism" in page.url and "where=" in page.url
    assert "с этими особенностями" in page.locator(".finder-group").first.inner_text()
    page.get_by_role("button", name=re.compile("^Сохранить")).first.click()  # a plain form
    assert page.get_by_text("Мой список (1)").is_visible()
    page.goto(finder_url + "/providers/my-list/")
    assert page.locator(".my-list__item").count() == 1
    context.close()


def test_the_map_stays_useful_when_tiles_fail(page, finder_url):
    no_tiles(page)
    page.goto(finder_url + "/providers/?where=Бердск")
    page.wait_for_selector("#finder-map .leaflet-marker-icon")
    page.get_by_text("Подложка карты не загрузилась").wait_for()
    assert page.locator(".finder-card").count() > 0


def test_saving_with_javascript_updates_in_place(page, finder_url):
    no_tiles(page)
    page.goto(finder_url + "/providers/?where=Бердск")
    button = page.locator(".finder-card").first.get_by_role("button", name=re.compile("^Сохранить"))
    url = page.url
    page.evaluate("() => { window.notReloaded = true; }")
    button.click()
    saved = page.locator(".finder-card").first.get_by_role("button", name=re.compile("^Убрать из списка"))
    saved.wait_for()
    assert page.url == url and page.evaluate("() => window.notReloaded") is True  # no reload
    assert saved.evaluate("(el) => el === document.activeElement")  # the keyboard stays where it was
    assert page.locator("[data-mylist-count]").first.inner_text() == "(1)"


@pytest.mark.parametrize(
    "path",
    [
        "/providers/",
        "/providers/?where=Бердск&concern=autism&age_years=2",
        "/providers/?q=Владивосток",
        "/providers/my-list/",
    ],
)
def test_finder_pages_pass_axe(page, finder_url, path):
    no_tiles(page)
    page.goto(finder_url + path)
    if path == "/providers/":
        page.wait_for_selector("#finder-map .finder-cluster")
    assert axe_violations(page) == []


def test_the_phone_layout_passes_axe_with_the_map_open(browser, finder_url):
    context = browser.new_context(locale="ru-RU", viewport=PHONE, bypass_csp=True)  # axe is an inline script
    page = context.new_page()
    no_tiles(page)
    page.goto(finder_url + "/providers/?where=Бердск")
    page.get_by_role("button", name="Карта").click()
    page.wait_for_selector("#finder-map .leaflet-marker-icon")
    assert axe_violations(page) == []
    context.close()
