"""The provider page's top: phone, address, open now and route first; the map uses the tiles from settings."""

import json
import re

import pytest

from tests.providers_map.finder.data import small_registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def semya():
    return small_registry()["semya"].organisation


def test_phone_address_and_route_come_before_everything_else(client, semya):
    page = client.get(semya.get_absolute_url()).content.decode()
    quick = page.index('class="provider-quick"')
    assert quick < page.index('class="lead"') < page.index('id="services-heading"')
    top = page[quick : page.index("</section>", quick)]
    assert 'href="tel:+73832223344"' in top
    assert "Новосибирск, ул. Ленина" in top
    assert "Открыто до 24:00" in top
    assert "https://yandex.ru/maps/?rtext=~55.0051,82.8806&amp;rtt=auto" in top
    assert ">Сохранить<" in top


def test_provider_pages_honour_the_tile_settings(client, semya, settings):
    settings.PORTAL_MAP_TILE_URL = "https://tiles.region.example/{z}/{x}/{y}.png"
    settings.PORTAL_MAP_TILE_ATTRIBUTION = "© Региональная подложка"
    page = client.get(semya.get_absolute_url()).content.decode()
    found = re.search(r'<script id="provider-map-config" type="application/json">(.*?)</script>', page)
    config = json.loads(found.group(1))
    assert config["tiles"] == "https://tiles.region.example/{z}/{x}/{y}.png"
    assert config["attribution"] == "© Региональная подложка"
    assert "/static/leaflet/leaflet.js" in page and "draw" not in page
    # the marker's images by their static URLs (hashed in production, where Leaflet cannot guess them)
    assert config["marker"]["iconUrl"] == "/static/leaflet/images/marker-icon.png"


def test_saved_providers_show_as_saved(client, semya):
    client.post("/providers/my-list/", {"organisation": semya.pk, "action": "add"})
    page = client.get(semya.get_absolute_url()).content.decode()
    assert "Убрать из списка" in page
