"""The finder page /providers/ without JavaScript: «Где вы?», filters with counts, cards, paging, map data."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from providers_map.finder.results import distance_text
from providers_map.hours import DAYS
from tests.providers_map.factories import LocationFactory, OrganisationFactory, ServiceFactory
from tests.providers_map.finder.data import fill_search_fallback, small_registry, use_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_backend(settings):
    use_backend(settings, "database")


@pytest.fixture
def registry():
    locations = small_registry()
    fill_search_fallback()
    return locations


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def card_names(page):
    return re.findall(r'class="finder-card__title" id="place-\d+-name"><a href="[^"]+">([^<]+)</a>', page)


def test_the_finder_lists_every_published_place_with_counts_per_option(client, registry):
    page = html(client.get("/providers/"))
    assert "Найдено 5 мест" in page
    assert sorted(card_names(page)) == sorted(
        ["Центр «Семья»", "КЦСОН Бердска", "Фонд «Солнышко»", "Центр «Ёлочка»", "Служба «Шаг навстречу»"]
    )
    assert "Черновик" not in page and "Закрытый центр" not in page
    assert ">Содействие развитию общения и речи (4)</option>" in page
    assert ">Нарушения речи (3)</option>" in page  # services that name it
    assert 'data-facet-flag="open_now">(3)</span>' in page
    assert ">Муниципальная (1)</option>" in page
    assert 'href="/providers/open-data/">открытые данные</a>' in page  # the registry behind the finder, for reuse


def test_choosing_a_place_sorts_by_distance_and_shows_it(client, registry):
    page = html(client.get("/providers/", {"where": "в Бердске"}))
    assert "Рядом с: <strong>Бердск, Новосибирская область</strong>" in page
    assert "сначала ближайшие" in page
    names = card_names(page)
    assert names[0] == "КЦСОН Бердска" and names[-1] == "Центр «Ёлочка»"
    distances = re.findall(r'finder-card__distance"><span class="visually-hidden">Расстояние: </span>([^<]+)<', page)
    assert distances[0].endswith(" м") or distances[0].endswith(" км")
    assert distances[1] == "18 км"  # Искитим
    assert distances[-1].replace("\xa0", " ") == "2 832 км"  # Москва


def test_a_radius_narrows_and_is_removable(client, registry):
    page = html(client.get("/providers/", {"where": "Бердск", "radius_km": "25"}))
    assert len(card_names(page)) == 3
    assert "Не дальше 25 км" in page
    chip = re.search(r'<a class="finder-chip" href="([^"]+)">Не дальше 25 км', page).group(1)
    assert "radius_km" not in chip and "where=" in chip


def test_cards_have_phone_route_and_save(client, registry, settings):
    page = html(client.get("/providers/", {"where": "Бердск"}))
    assert 'href="tel:+73832223344"' in page
    assert "Позвонить" in page
    assert "https://yandex.ru/maps/?rtext=54.75352,83.09624~54.758,83.107&amp;rtt=auto" in page
    assert 'name="action" value="add"' in page and ">Сохранить<" in page
    settings.PORTAL_DIRECTIONS_PROVIDER = "2gis"
    page = html(client.get("/providers/", {"where": "Бердск"}))
    assert "https://2gis.ru/routeSearch/rsType/car/from/83.09624,54.75352/to/83.107,54.758" in page
    settings.PORTAL_DIRECTIONS_PROVIDER = "osm"
    page = html(client.get("/providers/"))
    assert "https://www.openstreetmap.org/directions?route=;54.758,83.107" in page


def test_open_now_and_cost_on_the_card(client, registry):
    page = html(client.get("/providers/", {"q": "Солнышко"}))
    assert "Открыто до 24:00" in page
    assert "Бесплатно и платно" in page
    berdsk = registry["berdsk"]
    tomorrow = DAYS[(timezone.now().astimezone(berdsk.timezone()).weekday() + 1) % 7]
    berdsk.opening_hours = {tomorrow: [["09:00", "10:00"]]}
    berdsk.save()
    page = html(client.get("/providers/", {"q": "Бердска"}))
    assert "Сейчас закрыто. Откроется завтра в 09:00" in page


@pytest.mark.parametrize("km, text", [(0.85, "850 м"), (2.44, "2,4 км"), (37.4, "37 км"), (None, "")])
def test_distances_read_as_russian(km, text):
    assert distance_text(km) == text


def test_a_concern_shows_named_services_first_then_any_child_labelled(client, registry):
    page = html(client.get("/providers/", {"concern": "speech"}))
    assert "3 места работают с этими особенностями" in page
    assert "Ещё 1 место принимает любых детей" in page
    named, _, rest = page.partition("Ещё 1 место принимает любых детей")
    assert "КЦСОН Бердска" in rest and "КЦСОН Бердска" not in named.split("работают с этими особенностями")[1]


def test_age_as_parents_say_it(client, registry):
    page = html(client.get("/providers/", {"age_years": "5"}))
    assert sorted(card_names(page)) == ["Фонд «Солнышко»", "Центр «Ёлочка»"]
    assert "Возраст: 5 лет" in page
    page = html(client.get("/providers/", {"age": "полтора года", "service": "mobility"}))
    assert card_names(page) == []
    assert "Возраст: 1 год 6 месяцев" in page


def test_the_same_locality_in_two_regions_is_offered(client, registry):
    page = html(client.get("/providers/", {"where": "Кольцово"}))
    assert "Другие места с таким названием:" in page
    assert "Кольцово, Республика Крым" in page


def test_paging_keeps_the_search(client):
    for number in range(45):
        organisation = OrganisationFactory(name=f"Центр №{number:02d}", short_name=f"Центр №{number:02d}")
        LocationFactory(organisation=organisation)
    first = html(client.get("/providers/", {"region": "54"}))
    assert len(card_names(first)) == 20
    page = '<span class="visually-hidden">Страница </span>'
    assert f'<span aria-current="page" class="pagination__current">{page}1<' in first
    assert f'href="?region=54&amp;page=3" data-finder-link>{page}3<' in first
    assert re.search(r'href="\?region=54&amp;page=2" rel="next"', first)
    third = html(client.get("/providers/", {"region": "54", "page": "3"}))
    assert card_names(third) == [f"Центр №{n}" for n in range(40, 45)]
    assert '<ol class="finder-cards" start="41">' in third
    assert card_names(html(client.get("/providers/", {"page": "999"}))) == card_names(third)


def test_a_fragment_for_updates_without_reload(client, registry):
    fragment = html(client.get("/providers/", {"fragment": "results", "where": "Бердск"}))
    assert "<html" not in fragment
    assert 'id="finder-list"' in fragment and 'id="finder-status"' in fragment
    assert "КЦСОН Бердска" in fragment


def test_map_data_reach_the_page_as_json_with_the_tiles_from_settings(client, registry, settings):
    settings.PORTAL_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.PORTAL_MAP_TILE_ATTRIBUTION = "© Регион"
    page = html(client.get("/providers/", {"where": "Бердск"}))
    found = re.search(r'<script id="finder-map-config" type="application/json">(.*?)</script>', page)
    config = json.loads(found.group(1))
    assert config["tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert config["attribution"] == "© Регион"
    assert config["mapApi"] == "/api/v1/providers/map"
    assert config["view"]["place"] == {"lat": 54.75352, "lon": 83.09624}
    assert config["labels"]["cluster"]["many"] == "%(count)s организаций"
    assert "leaflet/leaflet.js" in page
    # Leaflet alone: the drawing plugin, its translations and django-leaflet's extras are the editor's business
    assert "draw" not in page and "leaflet.extras" not in page


def test_no_inline_scripts_or_styles(client, registry):
    page = html(client.get("/providers/", {"where": "Бердск", "concern": "speech"}))
    for tag in re.findall(r"<script[^>]*>", page):
        assert "src=" in tag or 'type="application/json"' in tag or 'type="application/ld+json"' in tag, tag
    assert " style=" not in page
    assert not re.search(r"\son[a-z]+=", page)


def test_leaflet_only_on_map_pages(client, registry):
    slug = registry["semya"].organisation.slug
    assert "leaflet" in client.get(f"/providers/{slug}/").content.decode()
    assert "leaflet" not in client.get(f"/providers/{slug}/report/").content.decode()
    assert "leaflet" not in client.get("/providers/my-list/").content.decode()


def test_queries_do_not_grow_with_the_results(client, django_assert_max_num_queries):
    for _ in range(3):
        organisation = OrganisationFactory()
        LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation)
    client.get("/providers/")
    with CaptureQueriesContext(connection) as few:
        client.get("/providers/", {"service": "iprp", "where": "Бердск"})
    for _ in range(17):
        organisation = OrganisationFactory()
        LocationFactory(organisation=organisation)
        LocationFactory(organisation=organisation)
        ServiceFactory(organisation=organisation)
    with django_assert_max_num_queries(40), CaptureQueriesContext(connection) as many:
        page = html(client.get("/providers/", {"service": "iprp", "where": "Бердск"}))
    assert len(card_names(page)) == 20
    assert len(many) == len(few)
