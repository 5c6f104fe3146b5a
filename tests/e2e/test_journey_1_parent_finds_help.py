"""Journey 1. A parent on the home page → «Найти помощь рядом» → «Рядом со мной» (the browser shares where the
parent is) → a 2-year-old who does not speak: age and concern → the nearest place that works with it → its phone
and the date its information was checked → «Сохранить» → «Мой список» → print. Journey 6 does it by keyboard."""

import math
import re
from dataclasses import dataclass

import pytest

from tests.e2e.journeys import timed
from tests.e2e.test_finder import card_titles, distances_km, no_tiles

pytestmark = pytest.mark.e2e

HERE = (54.9612, 82.8897)  # a parent in Новосибирск, next door to Центр «Рассвет»
AGE_YEARS, CHILD_MONTHS = "2", (24, 35)  # «2 года»: any month of the third year
CONCERN, CONCERN_LABEL = "speech", "Нарушения речи"
SAID = "(text) => document.getElementById('my-list-status').textContent === text"
VISIBLE = "(el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0"


def great_circle_km(a_lat, a_lon, b_lat, b_lon):
    """The haversine distance, computed here rather than borrowed from the product."""
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b_lon - a_lon) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@dataclass
class Place:
    name: str
    km: float
    names_concern: bool  # a service for this age names the concern
    any_child: bool  # a service for this age names no concern: it accepts any child
    phone: str
    organisation: object


@pytest.fixture
def demo_places(finder_url):
    """Every place the finder lists, nearest first from HERE, with what the demo says about a 2-year-old's speech."""
    from providers_map.models import Location

    rows = Location.objects.filter(organisation__live=True).exclude(organisation__status="closed")
    result = []
    for location in rows.select_related("organisation").prefetch_related("organisation__services__concerns"):
        organisation = location.organisation
        for_age = [
            {concern.slug for concern in service.concerns.all()}
            for service in organisation.services.all()
            if service.age_min_months <= CHILD_MONTHS[1] and service.age_max_months >= CHILD_MONTHS[0]
        ]
        if not for_age:
            continue
        phones = [line.strip() for line in organisation.phones.splitlines() if line.strip()]
        km = great_circle_km(*HERE, float(location.latitude), float(location.longitude))
        names_concern = any(CONCERN in named for named in for_age)
        any_child = any(not named for named in for_age)
        result.append(Place(organisation.display_name, km, names_concern, any_child, phones[0], organisation))
    return sorted(result, key=lambda place: place.km)


def found(page):
    """The number in «Найдено N мест»."""
    return int(re.search(r"\d+", page.locator("#finder-count").inner_text()).group())


def tel_digits(text):
    return re.sub(r"\D", "", text)


def checked_on(organisation):
    """«Сведения проверены 22 октября 2026.» as the page writes the date."""
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("ru"):
        return f"Сведения проверены {date_format(organisation.verified_at, 'j E Y')}."


def expect_filtered_list(page, places):
    """The list holds exactly the places for this child, those naming the concern first and nearest first."""
    expected = [place for place in places if place.names_concern or place.any_child]
    named = [place for place in expected if place.names_concern]
    assert found(page) == len(expected) < len(places), "the age and the concern narrow the list"
    titles = card_titles(page)
    assert titles == [place.name for place in named] + [place.name for place in expected if not place.names_concern]
    assert page.locator(".finder-group").first.inner_text().startswith(f"{len(named)} мест")
    shown = distances_km(page)
    assert shown[: len(named)] == sorted(shown[: len(named)])
    return named[0]


def expect_nearest_card(page, nearest, overall_nearest):
    card = page.locator(".finder-card").first
    assert card.locator(".finder-card__title").inner_text() == nearest.name != overall_nearest.name
    assert distances_km(page)[0] == pytest.approx(round(nearest.km, 1))  # «4,9 км»
    call = card.locator("a[href^='tel:']")
    assert tel_digits(call.get_attribute("href")) == tel_digits(nearest.phone)
    return card


def expect_provider_page(page, nearest):
    assert page.get_by_role("heading", level=1).inner_text() == nearest.name
    call = page.locator(".provider-quick a[href^='tel:']")
    assert call.is_visible() and tel_digits(call.get_attribute("href")) == tel_digits(nearest.phone)
    assert page.locator(".provider-verified").inner_text().strip() == checked_on(nearest.organisation)


def expect_printed_list(page, nearest):
    """The paper shows the saved place with its phone, and nothing of the site's navigation, forms or maps."""
    item = page.locator(".my-list__item")
    assert item.count() == 1 and item.locator(".my-list__title").inner_text() == nearest.name
    page.emulate_media(media="print")
    try:
        assert item.is_visible() and item.locator("a[href^='tel:']").is_visible()
        assert tel_digits(item.locator("a[href^='tel:']").first.get_attribute("href")) == tel_digits(nearest.phone)
        for hidden in (".site-header", ".main-nav", ".site-footer", ".breadcrumbs", "form", "button", "input"):
            shown = page.evaluate(f"() => [...document.querySelectorAll({hidden!r})].filter({VISIBLE}).length")
            assert shown == 0, hidden
        assert page.locator(".leaflet-container, .finder-map, .provider-map").count() == 0
        assert page.locator(".print-header").is_visible()
    finally:
        page.emulate_media(media="screen")


@pytest.fixture
def located(browser):
    """A browser that knows where the parent is (the permission granted), map tiles left out."""
    context = browser.new_context(
        locale="ru-RU",
        viewport={"width": 1280, "height": 900},
        geolocation={"latitude": HERE[0], "longitude": HERE[1]},
        permissions=["geolocation"],
    )
    page = context.new_page()
    no_tiles(page)
    # Printing opens no dialog in a headless browser; the page's «beforeprint» tells that it was asked to print.
    page.add_init_script("addEventListener('beforeprint', () => { window.printed = (window.printed || 0) + 1; })")
    yield page
    context.close()


def test_parent_finds_the_nearest_help_saves_and_prints_it(located, finder_url, demo_places):
    page = located
    with timed("1. Parent: home → nearby (geolocation) → age, concern → nearest → save → print"):
        page.goto(finder_url + "/")
        page.get_by_role("link", name="Найти помощь рядом").first.click()  # the home page's main action
        page.wait_for_url("**/providers/")
        page.get_by_role("button", name="Рядом со мной").click()
        page.get_by_text("Рядом с: ваше местоположение").wait_for()
        assert found(page) == len(demo_places)
        assert card_titles(page)[0] == demo_places[0].name

        page.locator("summary", has_text="Фильтры").click()
        page.get_by_label("лет", exact=True).select_option(AGE_YEARS)
        page.wait_for_url(re.compile(rf"age_years={AGE_YEARS}"))
        concern = page.get_by_label("Особенности развития")
        concern.select_option(CONCERN)
        assert concern.evaluate("(select) => select.selectedOptions[0].textContent").startswith(CONCERN_LABEL)
        page.wait_for_url(re.compile(rf"concern={CONCERN}"))
        assert "near=" in page.url
        nearest = expect_filtered_list(page, demo_places)
        card = expect_nearest_card(page, nearest, demo_places[0])

        card.locator(".finder-card__title a").click()
        page.wait_for_url(f"**{nearest.organisation.get_absolute_url()}")
        expect_provider_page(page, nearest)
        quick = page.locator(".provider-quick")
        quick.get_by_role("button", name=re.compile("^Сохранить")).click()
        quick.get_by_role("button", name=re.compile("^Убрать из списка")).wait_for()
        page.wait_for_function(SAID, arg="Сохранено в «Мой список».")  # what a screen reader announces

        quick.get_by_role("link", name="Мой список (1)").click()
        page.wait_for_url("**/providers/my-list/")
        page.get_by_role("button", name="Распечатать список").click()
        page.wait_for_function("() => window.printed === 1")
        expect_printed_list(page, nearest)
